import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { performStaffAction, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { formatTrackingCode, issueTrackingCode, normalizeTrackingCode, TRACKING_CODE_POLICY } from "@/lib/desk/tracking-code";
import { lookUpByTrackingCode } from "@/lib/desk/tracking";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let clock: ReturnType<typeof fakeClock>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  clock = fakeClock("2026-11-23T09:00:00+08:00");
  ctx = { db: t.db, now: clock.now };
});
afterEach(async () => t.close());

async function submitted() {
  await completeDraft(ctx, people.citizenA.id);
  const r = await submitApplication(ctx, people.citizenA.id, "submit-key-tracking-0001");
  if (!r.ok || !r.trackingCode) throw new Error("submit failed");
  return r;
}

const wrong = (code: string) => String((Number(code) + 1) % 10 ** TRACKING_CODE_POLICY.length).padStart(TRACKING_CODE_POLICY.length, "0");

describe("tracking code format", () => {
  test.each([
    ["12345678", "12345678"],
    ["1234 5678", "12345678"],
    ["１２３４-５６７８", "12345678"],
    ["1234567", null],
    ["1234567a", null],
  ])("%s → %s", (input, expected) => expect(normalizeTrackingCode(input)).toBe(expected));

  test("printed in two groups of four", () => expect(formatTrackingCode("12345678")).toBe("1234 5678"));
});

describe("looking up by reference + tracking code", () => {
  test("submitting allocates a code; only its keyed hash is stored", async () => {
    const r = await submitted();
    const row = await t.db.application.findUniqueOrThrow({ where: { id: r.applicationId } });
    expect(r.trackingCode).toMatch(/^\d{8}$/);
    expect(row.trackingCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.trackingCodeHash).not.toContain(r.trackingCode!);
  });

  test("the right code shows the status and the timeline, and nothing personal", async () => {
    const r = await submitted();
    const found = await lookUpByTrackingCode(ctx, { reference: r.reference.toLowerCase(), code: formatTrackingCode(r.trackingCode!), ip: "10.0.0.1" });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.status).toMatchObject({ reference: r.reference, status: "submitted", submittedOn: "2026-11-23" });
    expect(found.status.timeline.map((s) => s.id)).toEqual(["acceptance", "review", "publicity", "approval", "payment"]);
    const text = JSON.stringify(found);
    for (const personal of ["测试家长", "测试孩子", "13800000001", "6228", "白血病", "450223198503"]) expect(text).not.toContain(personal);
  });

  test("a wrong code and an unknown reference give the same answer; bad input is refused before any lookup", async () => {
    const r = await submitted();
    expect(await lookUpByTrackingCode(ctx, { reference: r.reference, code: wrong(r.trackingCode!), ip: "10.0.0.1" })).toEqual({ ok: false, code: "no-match" });
    expect(await lookUpByTrackingCode(ctx, { reference: "LZ2026-000999-X", code: r.trackingCode!, ip: "10.0.0.1" })).toMatchObject({ ok: false });
    expect(await lookUpByTrackingCode(ctx, { reference: "nonsense", code: "1", ip: "10.0.0.1" })).toEqual({ ok: false, code: "invalid" });
  });

  test("printing a new receipt issues a new code and the old one stops working", async () => {
    const r = await submitted();
    const issued = await issueTrackingCode(t.db, r.applicationId);
    expect(issued?.reference).toBe(r.reference);
    if (issued!.code !== r.trackingCode) {
      expect(await lookUpByTrackingCode(ctx, { reference: r.reference, code: r.trackingCode!, ip: "10.0.0.1" })).toEqual({ ok: false, code: "no-match" });
    }
    expect((await lookUpByTrackingCode(ctx, { reference: r.reference, code: issued!.code, ip: "10.0.0.1" })).ok).toBe(true);
  });

  test("guesses are rate-limited per reference (even from many addresses); the right code waits too, then works again", async () => {
    const r = await submitted();
    const hourly = TRACKING_CODE_POLICY.perReference[0].max;
    for (let i = 0; i < hourly; i++) {
      expect(await lookUpByTrackingCode(ctx, { reference: r.reference, code: wrong(r.trackingCode!), ip: `10.0.1.${i}` })).toEqual({ ok: false, code: "no-match" });
    }
    const blocked = await lookUpByTrackingCode(ctx, { reference: r.reference, code: r.trackingCode!, ip: "10.0.2.1" });
    expect(blocked).toMatchObject({ ok: false, code: "rate-limited" });
    clock.advance(60 * 60 + 1);
    expect((await lookUpByTrackingCode(ctx, { reference: r.reference, code: r.trackingCode!, ip: "10.0.2.1" })).ok).toBe(true);
    const audit = await t.db.auditLog.findMany({ where: { action: { startsWith: "tracking.lookup" } } });
    expect(audit.map((a) => a.action)).toContain("tracking.lookup.rate-limited");
    expect(audit.filter((a) => a.action === "tracking.lookup.failure")).toHaveLength(hourly);
  });

  test("a 补正 shows what is owed and by when (document types only)", async () => {
    const r = await submitted();
    expect((await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" })).ok).toBe(true);
    const asked = await performStaffAction(ctx, people.desk, r.applicationId, { type: "request-correction", documents: ["diagnosis"], dueOn: "2026-12-04", note: "诊断证明不清晰" });
    expect(asked.ok).toBe(true);
    const found = await lookUpByTrackingCode(ctx, { reference: r.reference, code: r.trackingCode!, ip: "10.0.0.1" });
    expect(found.ok && found.status.owed?.documents).toEqual(["diagnosis"]);
    expect(found.ok && found.status.status).toBe("correction");
  });
});
