import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { performStaffAction, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { TRANSITIONS } from "@/lib/applications/state-machine";
import { owedNoticeFor, receiptFor, reissueTrackingCode } from "@/lib/desk/paper";
import { lookUpByTrackingCode } from "@/lib/desk/tracking";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  // Monday 2026-11-23, 09:00 in China.
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now };
});
afterEach(async () => t.close());

async function submitted() {
  await completeDraft(ctx, people.citizenA.id);
  const r = await submitApplication(ctx, people.citizenA.id, "submit-key-paper-00001");
  if (!r.ok) throw new Error("submit failed");
  return r;
}

describe("受理回执", () => {
  test("what happens next: each step by the end of its period in working days, counted from the one before (鹿寨 pack)", async () => {
    const r = await submitted();
    const desk = await t.db.helpDesk.create({
      data: { code: "D1", areaCode: "450223", nameZhHans: "窗口", nameZhHant: "窗口", addressZhHans: "地址", addressZhHant: "地址", phone: "0772-1" },
    });
    await t.db.staffUser.update({ where: { id: people.desk.id }, data: { helpDeskId: desk.id } });
    const receipt = await receiptFor(ctx, people.desk, r.applicationId, "zh-Hans");
    expect(receipt).toMatchObject({ reference: r.reference, submittedOn: "2026-11-23", desk: { name: "窗口", phone: "0772-1" } });
    const steps = receipt!.steps;
    expect(steps.map((s) => s.id)).toEqual(["acceptance", "review", "publicity", "approval", "payment"]);
    // 受理: 1 working day after Monday 11-23 → Tuesday 11-24; each later step counts from the previous date.
    expect(steps[0]).toMatchObject({ by: "2026-11-24", period: { days: 1, unit: "working" } });
    for (let i = 1; i < steps.length; i++) expect(steps[i].by! > steps[i - 1].by!).toBe(true);
    expect(receipt!.steps.every((s) => s.doneOn === null)).toBe(true);
  });

  test("a step already done shows its date, and the later ones count from it", async () => {
    const r = await submitted();
    expect((await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" })).ok).toBe(true);
    const receipt = await receiptFor(ctx, people.desk, r.applicationId, "zh-Hans");
    expect(receipt!.steps[0]).toMatchObject({ id: "acceptance", doneOn: "2026-11-23", by: null });
    expect(receipt!.steps[1].by).not.toBeNull();
  });
});

describe("一次性告知书", () => {
  test("documents declared to follow are listed at once, due after the pack's default 补正 period", async () => {
    const r = await submitted();
    const notice = await owedNoticeFor(ctx, people.desk, r.applicationId);
    expect(notice!.basis).toBe("to-follow");
    expect(notice!.documents).toEqual(["applicant-id", "household-register", "diagnosis", "patient-id", "relationship-proof", "bills", "certification"]);
    expect(notice!.dueOn! > "2026-11-23").toBe(true);
  });

  test("an open 补正 lists exactly what was asked for, with its date", async () => {
    const r = await submitted();
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" });
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "request-correction", documents: ["diagnosis", "bills"], dueOn: "2026-12-04" });
    const notice = await owedNoticeFor(ctx, people.desk, r.applicationId);
    expect(notice).toMatchObject({ basis: "correction", documents: ["diagnosis", "bills"], dueOn: "2026-12-04", assumed: false });
  });
});

describe("access: a desk reaches only its area's applications, and never approves or pays", () => {
  test("staff of another area get nothing (same as not found), and cannot issue a tracking code", async () => {
    const r = await submitted();
    expect(await receiptFor(ctx, people.case2, r.applicationId, "zh-Hans")).toBeNull();
    expect(await owedNoticeFor(ctx, people.case2, r.applicationId)).toBeNull();
    expect(await reissueTrackingCode(ctx, people.case2, r.applicationId)).toBeNull();
    // The applicant's code still works: nothing was changed by the refused call.
    expect((await lookUpByTrackingCode(ctx, { reference: r.reference, code: r.trackingCode!, ip: "1" })).ok).toBe(true);
  });

  test("a school admin reaches no application's paper", async () => {
    const r = await submitted();
    const school = { ...people.desk, role: "school_admin" as const, areaCode: undefined, schoolId: "s1" };
    expect(await receiptFor(ctx, school, r.applicationId, "zh-Hans")).toBeNull();
    expect(await reissueTrackingCode(ctx, school, r.applicationId)).toBeNull();
  });

  test("reissuing is audited with the worker and the reference; the old code stops working", async () => {
    const r = await submitted();
    const issued = await reissueTrackingCode(ctx, people.desk, r.applicationId, { ip: "10.1.1.1" });
    expect(issued?.reference).toBe(r.reference);
    const audit = await t.db.auditLog.findFirst({ where: { action: "desk.tracking-code.issue" } });
    expect(audit).toMatchObject({ actorType: "staff", actorId: people.desk.id, target: r.reference });
    if (issued!.code !== r.trackingCode) expect((await lookUpByTrackingCode(ctx, { reference: r.reference, code: r.trackingCode!, ip: "1" })).ok).toBe(false);
  });

  test("a desk cannot approve or pay: no such move lists the desk, and trying one is refused by role", async () => {
    const moneyMoves = TRANSITIONS.filter((m) => ["approve", "pay", "emergency-approve-and-pay", "refuse"].includes(m.action));
    expect(moneyMoves.length).toBeGreaterThan(0);
    for (const m of moneyMoves) expect(m.roles).not.toContain("desk");
    const r = await submitted();
    const tried = await performStaffAction(ctx, people.desk, r.applicationId, {
      type: "emergency-approve-and-pay",
      amount: "1000",
      reason: "x",
      paidOn: "2026-11-23",
      documentsDueOn: null,
    });
    expect(tried).toEqual({ ok: false, code: "role-not-allowed" });
  });
});
