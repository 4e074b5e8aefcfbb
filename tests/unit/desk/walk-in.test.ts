import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { performStaffAction, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { correctionsDueSoon, findForWalkIn, walkInSchema } from "@/lib/desk/walk-in";
import { toStaffSession } from "@/lib/auth/staff";
import { CHILD_ID, completeDraft, idNumber, PARENT_ID, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now };
});
afterEach(async () => t.close());

async function submitted() {
  await completeDraft(ctx, people.citizenA.id);
  const r = await submitApplication(ctx, people.citizenA.id, "submit-key-walkin-0001");
  if (!r.ok) throw new Error("submit failed");
  return r;
}

describe("a walk-in asking about an application", () => {
  test("reference + the applicant's or the patient's ID number finds it at a desk of its area; audited", async () => {
    const r = await submitted();
    expect(await findForWalkIn(ctx, people.desk, walkInSchema.parse({ reference: r.reference.toLowerCase(), idNumber: PARENT_ID }))).toBe(r.applicationId);
    expect(await findForWalkIn(ctx, people.desk, walkInSchema.parse({ reference: r.reference, idNumber: CHILD_ID }))).toBe(r.applicationId);
    expect(await t.db.auditLog.count({ where: { action: "desk.walk-in.found", actorId: people.desk.id, target: r.reference } })).toBe(2);
  });

  test("a wrong ID number, another area's desk, and a malformed input all find nothing", async () => {
    const r = await submitted();
    const otherDesk = toStaffSession(await t.db.staffUser.create({ data: { username: "desk02", role: "desk", areaCode: "210100", passwordHash: "x", displayName: "d2" } }));
    const someoneElse = idNumber("11010119900307451");
    expect(await findForWalkIn(ctx, people.desk, walkInSchema.parse({ reference: r.reference, idNumber: someoneElse }))).toBeNull();
    expect(await findForWalkIn(ctx, otherDesk, walkInSchema.parse({ reference: r.reference, idNumber: PARENT_ID }))).toBeNull();
    expect(walkInSchema.safeParse({ reference: "LZ2026", idNumber: PARENT_ID }).success).toBe(false);
    expect(walkInSchema.safeParse({ reference: r.reference, idNumber: "123" }).success).toBe(false);
  });
});

describe("补正 due soon", () => {
  test("lists the area's open 补正 due within the window, with the phone masked; not another area's desk", async () => {
    const r = await submitted();
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" });
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "request-correction", documents: ["bills"], dueOn: "2026-11-26" });
    const due = await correctionsDueSoon(ctx, people.desk);
    expect(due).toEqual([{ id: r.applicationId, reference: r.reference, dueOn: "2026-11-26", phoneMasked: "138****0001", overdue: false }]);
    const otherDesk = toStaffSession(await t.db.staffUser.create({ data: { username: "desk03", role: "desk", areaCode: "210100", passwordHash: "x", displayName: "d3" } }));
    expect(await correctionsDueSoon(ctx, otherDesk)).toEqual([]);
  });

  test("a 补正 due later than the window is not listed yet", async () => {
    const r = await submitted();
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" });
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "request-correction", documents: ["bills"], dueOn: "2026-12-31" });
    expect(await correctionsDueSoon(ctx, people.desk)).toEqual([]);
  });
});
