import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  getApplicationForCitizen,
  getApplicationForStaff,
  getOrCreateDraft,
  performCitizenAction,
  performStaffAction,
  saveDraftSection,
  submitApplication,
  type ServiceContext,
} from "@/lib/applications/service";
import { listApplicationsForArea, listApplicationsForCitizen, listQueueFor } from "@/lib/applications/queries";
import { OutboxSmsSender } from "@/lib/sms/outbox";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { CHILD_ID, completeDraft, PARENT_ID, seedPeople } from "@/tests/unit/applications/fixtures";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let clock: ReturnType<typeof fakeClock>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  // Monday 2026-11-23, 09:00 in China.
  clock = fakeClock("2026-11-23T09:00:00+08:00");
  ctx = { db: t.db, now: clock.now, sms: new OutboxSmsSender(t.db) };
});
afterEach(async () => t.close());

const KEY = "submit-key-0000000001";

describe("drafts", () => {
  test("a saved section survives a new session (read back from the server) and is encrypted at rest", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const draft = await getOrCreateDraft(ctx, people.citizenA.id);
    expect(draft.data.applicant?.idNumber).toBe(PARENT_ID);
    expect(draft.data.patient?.idNumber).toBe(CHILD_ID);
    expect(draft.data.household?.monthlyIncome).toBe("2000.00");
    expect(draft.data.bank?.account).toBe("6228480000000000000");
    const raw = await t.db.$queryRawUnsafe<{ dataEncrypted: string }[]>(`SELECT dataEncrypted FROM Application`);
    expect(raw[0].dataEncrypted).not.toContain(PARENT_ID);
    expect(raw[0].dataEncrypted).not.toContain("6228480000000000000");
    expect(raw[0].dataEncrypted).not.toContain("白血病");
  });

  test("invalid input is refused with field codes and the saved section is unchanged (never half-saved)", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const bad = await saveDraftSection(ctx, people.citizenA.id, "applicant", {
      name: "改了名字",
      idNumber: PARENT_ID.slice(0, 17) + (PARENT_ID[17] === "1" ? "2" : "1"),
      phone: "12345",
      areaCode: "450223",
      address: "x",
    });
    expect(bad).toEqual({ ok: false, errors: { idNumber: "id-number-check-digit", phone: "phone" } });
    const draft = await getOrCreateDraft(ctx, people.citizenA.id);
    expect(draft.data.applicant?.name).toBe("测试家长");
  });

  test("one open draft per citizen, even when two requests create it at once", async () => {
    const [a, b] = await Promise.all([getOrCreateDraft(ctx, people.citizenA.id), getOrCreateDraft(ctx, people.citizenA.id)]);
    expect(a.id).toBe(b.id);
    expect(await t.db.application.count()).toBe(1);
  });

  test("an area that does not exist is refused", async () => {
    const r = await saveDraftSection(ctx, people.citizenA.id, "applicant", { name: "a", idNumber: PARENT_ID, phone: "13800000001", areaCode: "999999", address: "x" });
    expect(r).toEqual({ ok: false, errors: { areaCode: "required" } });
  });
});

describe("submit", () => {
  test("an incomplete draft names the missing sections and stays a draft", async () => {
    await saveDraftSection(ctx, people.citizenA.id, "reason", { reliefType: "expense", urgency: "this-week", description: "x" });
    const r = await submitApplication(ctx, people.citizenA.id, KEY);
    expect(r).toMatchObject({ ok: false, code: "incomplete" });
    if (!r.ok && r.code === "incomplete") expect(r.missing).toEqual(["applicant", "patient", "household", "illness", "bank", "declarations", "documents"]);
    expect(await t.db.application.count({ where: { status: "draft" } })).toBe(1);
  });

  test("submitting gives a reference with its check character, an event, an audit row and an SMS to the applicant", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const r = await submitApplication(ctx, people.citizenA.id, KEY);
    // LZ2026-000001's check character is "*", which is skipped.
    expect(r).toMatchObject({ ok: true, reference: "LZ2026-000002-Y", repeated: false });
    const app = await t.db.application.findFirstOrThrow();
    expect(app.status).toBe("submitted");
    expect(app.draftOwnerId).toBeNull();
    expect(app.currentDueOn).toBe("2026-11-24"); // 受理: 1 working day
    expect(await t.db.applicationEvent.count()).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "application.submit", target: "LZ2026-000002-Y" } })).toBe(1);
    const sms = await t.db.smsOutbox.findMany();
    expect(sms).toHaveLength(1);
    expect(sms[0].body).toContain("LZ2026-000002-Y");
    expect(sms[0].body).not.toContain("白血病");
  });

  test("a double tap (same key, in parallel) and a retry make one application with one reference", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const [a, b] = await Promise.all([submitApplication(ctx, people.citizenA.id, KEY), submitApplication(ctx, people.citizenA.id, KEY)]);
    const retry = await submitApplication(ctx, people.citizenA.id, KEY);
    expect(a.ok && b.ok && retry.ok).toBe(true);
    if (a.ok && b.ok && retry.ok) {
      expect(new Set([a.reference, b.reference, retry.reference]).size).toBe(1);
      expect([a.repeated, b.repeated, retry.repeated].filter((x) => !x)).toHaveLength(1);
    }
    expect(await t.db.application.count()).toBe(1);
    expect(await t.db.applicationEvent.count()).toBe(1);
    expect(await t.db.notification.count()).toBe(1);
  });

  test("another citizen's submit key does not reveal their application", async () => {
    await completeDraft(ctx, people.citizenA.id);
    await submitApplication(ctx, people.citizenA.id, KEY);
    expect(await submitApplication(ctx, people.citizenB.id, KEY)).toEqual({ ok: false, code: "invalid-key" });
  });

  test("references count up per area and year", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const first = await submitApplication(ctx, people.citizenA.id, KEY);
    await completeDraft(ctx, people.citizenB.id);
    const second = await submitApplication(ctx, people.citizenB.id, "submit-key-0000000002");
    expect(first.ok && first.reference).toBe("LZ2026-000002-Y");
    expect(second.ok && second.reference).toMatch(/^LZ2026-000003-.$/);
  });
});

async function submitted(reliefType: "urgent" | "expense" = "expense") {
  await completeDraft(ctx, people.citizenA.id, { reliefType });
  const r = await submitApplication(ctx, people.citizenA.id, KEY);
  if (!r.ok) throw new Error(r.code);
  return r.applicationId;
}

describe("staff actions and reads", () => {
  test("the whole path: 受理 → 补正 → documents → 核对 → 拟救助 → 公示 → 审批 → 发放, each audited and notified", async () => {
    const id = await submitted();
    const ok = async (user: StaffSessionUser, action: Parameters<typeof performStaffAction>[3]) => {
      const r = await performStaffAction(ctx, user, id, action);
      expect(r, action.type).toMatchObject({ ok: true });
    };
    await ok(people.desk, { type: "accept" });
    await ok(people.case1, { type: "request-correction", documents: ["bills"], dueOn: "2026-11-30" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).currentDueOn).toBe("2026-11-30");
    expect(await performCitizenAction(ctx, people.citizenA.id, id, { type: "submit-correction", documents: ["bills"] })).toMatchObject({ ok: true, status: "reviewing" });
    await ok(people.case1, { type: "record-check", kind: "home-visit", note: "入户调查属实" });
    await ok(people.case1, { type: "propose-amount", amount: "2800", reason: "5 个月低保" });
    await ok(people.case1, { type: "start-publicity", days: 3, dayUnit: "working" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).currentDueOn).toBe("2026-11-26");
    expect(await performStaffAction(ctx, people.case1, id, { type: "end-publicity" })).toEqual({ ok: false, code: "publicity-not-over" });
    clock.advance(4 * 86400);
    await ok(people.case1, { type: "end-publicity" });
    expect(await performStaffAction(ctx, people.case1, id, { type: "approve", amount: "2800" })).toEqual({ ok: false, code: "role-not-allowed" });
    await ok(people.approver, { type: "approve", amount: "2800" });
    await ok(people.case1, { type: "pay", paidOn: "2026-11-27" });

    const view = await getApplicationForCitizen(ctx, people.citizenA.id, id);
    expect(view?.status).toBe("paid");
    expect(view?.timeline.map((s) => [s.id, s.state, s.on])).toEqual([
      ["acceptance", "done", "2026-11-23"],
      ["review", "done", "2026-11-23"],
      ["publicity", "done", "2026-11-27"],
      ["approval", "done", "2026-11-27"],
      ["payment", "done", "2026-11-27"],
    ]);
    expect(await t.db.auditLog.count({ where: { actorType: "staff", action: { startsWith: "application." } } })).toBe(8);
    // Submit, then every change of status or 补正 request (the record-check within review and failures excepted).
    expect(await t.db.notification.count({ where: { citizenId: people.citizenA.id } })).toBe(8);
    expect(await t.db.notification.count({ where: { smsStatus: "pending" } })).toBe(0);
  });

  test("nobody approves their own proposal", async () => {
    const id = await submitted();
    // An approver who also proposed (e.g. acting as caseworker elsewhere) cannot approve: here same id via admin of area.
    await performStaffAction(ctx, people.desk, id, { type: "accept" });
    await performStaffAction(ctx, people.case1, id, { type: "record-check", note: "ok" });
    await performStaffAction(ctx, people.case1, id, { type: "propose-amount", amount: "1000", reason: "r" });
    await performStaffAction(ctx, people.case1, id, { type: "start-publicity", days: 3, dayUnit: "working" });
    clock.advance(5 * 86400);
    await performStaffAction(ctx, people.case1, id, { type: "end-publicity" });
    const selfApprover: StaffSessionUser = { kind: "staff", id: people.case1.id, role: "approver", areaCode: "450223" };
    expect(await performStaffAction(ctx, selfApprover, id, { type: "approve", amount: "1000" })).toEqual({ ok: false, code: "self-approval" });
    expect(await performStaffAction(ctx, people.approver, id, { type: "approve", amount: "1200" })).toEqual({ ok: false, code: "amount-differs-from-proposal" });
  });

  test("急难型 先行救助: the approver approves and pays first; documents follow", async () => {
    const id = await submitted("urgent");
    const r = await performStaffAction(ctx, people.approver, id, {
      type: "emergency-approve-and-pay",
      amount: "1120",
      reason: "突发重病，先行救助",
      paidOn: "2026-11-23",
      documentsDueOn: "2026-12-21",
    });
    expect(r).toEqual({ ok: true, status: "paid" });
    const view = await getApplicationForCitizen(ctx, people.citizenA.id, id);
    expect(view?.currentDueOn).toBe("2026-12-21");
    expect(view?.timeline.find((s) => s.id === "payment")).toMatchObject({ state: "done", waitingFor: "applicant", dueOn: "2026-12-21" });
    expect(await performCitizenAction(ctx, people.citizenA.id, id, { type: "complete-documents", documents: ["bills"] })).toMatchObject({ ok: true });
  });

  test("先行救助 is refused for a 支出型 application", async () => {
    const id = await submitted("expense");
    const r = await performStaffAction(ctx, people.approver, id, { type: "emergency-approve-and-pay", amount: "1", reason: "r", paidOn: "2026-11-23", documentsDueOn: null });
    expect(r).toEqual({ ok: false, code: "not-urgent" });
    expect(await t.db.applicationEvent.count()).toBe(1);
  });

  test("reads are authorised: another citizen and another area's caseworker get nothing; an illegal move writes nothing", async () => {
    const id = await submitted();
    expect(await getApplicationForCitizen(ctx, people.citizenB.id, id)).toBeNull();
    expect(await getApplicationForStaff(ctx, people.case2, id)).toBeNull();
    expect(await performStaffAction(ctx, people.case2, id, { type: "accept" })).toEqual({ ok: false, code: "not-found" });
    expect(await performCitizenAction(ctx, people.citizenB.id, id, { type: "submit-correction", documents: ["bills"] })).toEqual({ ok: false, code: "not-found" });
    expect(await performStaffAction(ctx, { kind: "staff", id: "s", role: "school_admin" }, id, { type: "accept" })).toEqual({ ok: false, code: "role-not-allowed" });
    expect(await listApplicationsForArea(t.db, "210100")).toHaveLength(0);
    expect(await listApplicationsForCitizen(t.db, people.citizenB.id)).toHaveLength(0);
    expect(await performStaffAction(ctx, people.case1, id, { type: "approve", amount: "1" })).toEqual({ ok: false, code: "illegal-transition" });
    expect(await t.db.applicationEvent.count()).toBe(1);

    const staffView = await getApplicationForStaff(ctx, people.case1, id);
    expect(staffView?.actions).toEqual(["accept", "reject-acceptance"]);
    // Masked on screen: no full ID number or bank account leaves the service.
    const json = JSON.stringify(staffView);
    expect(json).not.toContain(PARENT_ID);
    expect(json).not.toContain(CHILD_ID);
    expect(json).not.toContain("6228480000000000000");
    expect(staffView?.data.applicant?.idNumberMasked).toMatch(/^450\*+\d{3}[\dX]$/);
    expect(await t.db.auditLog.count({ where: { action: "application.view" } })).toBe(1);
  });

  test("queues: filter by status, urgent and overdue (working-day deadlines)", async () => {
    const id = await submitted("urgent");
    expect(await listApplicationsForArea(t.db, "450223", 50, { status: "submitted" }, clock.now())).toHaveLength(1);
    expect(await listApplicationsForArea(t.db, "450223", 50, { status: "paid" }, clock.now())).toHaveLength(0);
    expect(await listApplicationsForArea(t.db, "450223", 50, { urgent: true }, clock.now())).toHaveLength(1);
    expect(await listApplicationsForArea(t.db, "450223", 50, { overdue: true }, clock.now())).toHaveLength(0);
    // 受理 was due 2026-11-24; on 11-25 it is overdue.
    const later = new Date("2026-11-25T09:00:00+08:00");
    const overdue = await listApplicationsForArea(t.db, "450223", 50, { overdue: true }, later);
    expect(overdue.map((a) => [a.id, a.overdue])).toEqual([[id, true]]);
  });

  test("the staff queue is paged: every application is on exactly one page, and the filters hold on each", async () => {
    const ids: string[] = [];
    for (const [i, reliefType] of (["urgent", "expense", "urgent"] as const).entries()) {
      await completeDraft(ctx, people.citizenA.id, { reliefType });
      const r = await submitApplication(ctx, people.citizenA.id, `submit-key-paging-000${i}`);
      if (!r.ok) throw new Error(r.code);
      ids.push(r.applicationId);
    }
    const page = (n: number, filter = {}) => listQueueFor(t.db, { id: people.case1.id, role: "caseworker", areaCode: "450223" }, filter, { page: n, pageSize: 2 }, clock.now());
    const [first, second] = [(await page(1))!, (await page(2))!];
    expect([first.total, first.pageCount, second.page]).toEqual([3, 2, 2]);
    expect([...first.items, ...second.items].map((a) => a.id).sort()).toEqual([...ids].sort());
    const urgent = (await page(1, { urgent: true }))!;
    expect([urgent.total, urgent.pageCount]).toEqual([2, 1]);
    expect(urgent.items.every((a) => a.reliefType === "urgent")).toBe(true);
    expect(await listQueueFor(t.db, { id: "s", role: "school_admin", areaCode: null })).toBeNull();
  });
});
