import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { staffActionSchema } from "@/lib/applications/staff-forms";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { formValues } from "@/lib/validation/form-values";
import { recountProvisionalDeadlines, recountState } from "@/lib/applications/recount";
import {
  getApplicationForCitizen,
  performStaffAction,
  type ServiceContext,
  submitApplication,
} from "@/lib/applications/service";
import { listApplicationsForArea } from "@/lib/applications/queries";
import { type Actor, applyAction, newApplication, timelineSteps } from "@/lib/applications/state-machine";
import { useHolidayNotices } from "@/lib/calendar/working-days";
import shipped from "@/lib/calendar/holiday-notices.json";
import { OutboxSmsSender } from "@/lib/sms/outbox";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";

/**
 * Deadlines across 2026-12 → 2027 while the 2027 holiday notice is unpublished (chinese-days 1.5.7 and an
 * empty holiday-notices.json), then after a notice arrives. The 2027 notices below are TEST FIXTURES with
 * made-up days (国办发明电〔2026〕0号 does not exist); each is built to move a date one way or the other.
 */
const notice = (holidays: Record<string, string>, workdays: Record<string, string>) => ({
  notices: [{ year: 2027, document: "国办发明电〔2026〕0号（测试用，虚构）", published: "2026-12-20", holidays, workdays }],
});
/** Makes Sat 2027-01-02 a 调休 working day: counts through early January end one day EARLIER than provisionally. */
const EARLIER = notice({ "2027-01-01": "元旦" }, { "2027-01-02": "元旦" });
/** Gives Mon 2027-01-04 off as well: counts through early January end one day LATER. */
const LATER = notice({ "2027-01-01": "元旦", "2027-01-04": "元旦" }, {});

afterEach(() => {
  useHolidayNotices(shipped);
});

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const caseworker: Actor = { id: "cw-1", role: "caseworker", areaCode: "450223" };
const desk: Actor = { id: "desk-1", role: "desk", areaCode: "450223" };

function received(on: string) {
  const draft = newApplication({ applicantId: "citizen-1", areaCode: "450223", reliefType: "expense" });
  const submitted = applyAction(draft, { type: "submit" }, { id: "citizen-1", role: "citizen" }, at(on));
  if (!submitted.ok) throw new Error(submitted.code);
  const accepted = applyAction(submitted.state, { type: "accept" }, desk, at(on));
  if (!accepted.ok) throw new Error(accepted.code);
  return accepted.state;
}

describe("the state machine never refuses for lack of a holiday notice", () => {
  test("补正 counted as 10 working days from Thu 2026-12-24 is due Fri 2027-01-08, 暂定", () => {
    // 25, 28, 29, 30, 31, (01-01 元旦 and the weekend by the statutory rule), 01-04 … 01-08.
    const r = applyAction(
      received("2026-12-24"),
      { type: "request-correction", documents: ["bills"], dueOn: "2027-01-08", dueInWorkingDays: 10 },
      desk,
      at("2026-12-24"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.correction).toMatchObject({
      dueOn: "2027-01-08",
      dueProvisional: true,
      dueCount: { from: "2026-12-24", days: 10, unit: "working" },
    });
    expect(r.event.details).toMatchObject({ dueOn: "2027-01-08", dueOnProvisional: true });
    expect(timelineSteps(r.state).find((s) => s.id === "review")).toMatchObject({ dueOn: "2027-01-08", dueProvisional: true });
  });

  test("a 补正 date typed by hand is kept as typed and is not 暂定", () => {
    const r = applyAction(
      received("2026-12-24"),
      { type: "request-correction", documents: ["bills"], dueOn: "2027-01-15", dueInWorkingDays: 10 },
      desk,
      at("2026-12-24"),
    );
    expect(r.ok && r.state.correction).toEqual({ documents: ["bills"], dueOn: "2027-01-15", requestedOn: "2026-12-24", requestedBy: "desk-1" });
  });

  test("a 公示 within 2026 carries no mark", () => {
    const state = { ...received("2026-12-01"), status: "proposed" as const, checks: 1 };
    const r = applyAction(state, { type: "start-publicity", days: 3, dayUnit: "working" }, caseworker, at("2026-12-03"));
    expect(r.ok && r.state.publicity).toEqual({ startedOn: "2026-12-03", endsOn: "2026-12-08", days: 3, dayUnit: "working", objections: 0, endedOn: null });
  });

  test("先行救助 documents due in 20 working days from 2026-12-21 are 暂定", () => {
    const draft = newApplication({ applicantId: "citizen-1", areaCode: "450223", reliefType: "urgent" });
    const submitted = applyAction(draft, { type: "submit" }, { id: "citizen-1", role: "citizen" }, at("2026-12-21"));
    if (!submitted.ok) throw new Error(submitted.code);
    // 22, 23, 24, 25, 28, 29, 30, 31 (8), 01-04 … 01-08 (13), 01-11 … 01-15 (18), 01-18, 01-19 (20).
    const r = applyAction(
      submitted.state,
      { type: "emergency-approve-and-pay", amount: "2000", reason: "突发重病", paidOn: "2026-12-21", documentsDueOn: "2027-01-19", documentsDueInWorkingDays: 20 },
      { id: "ap-1", role: "approver", areaCode: "450223" },
      at("2026-12-21"),
    );
    expect(r.ok && r.state.emergency).toMatchObject({ documentsDueOn: "2027-01-19", documentsDueProvisional: true });
  });

  test("the staff form sends the counted days along; a bad value is dropped, not trusted", () => {
    const form = new FormData();
    form.set("dueOn", "2027-01-08");
    form.append("documents", "bills");
    form.set("dueInWorkingDays", "10");
    // Parsed by the staff action's schema, as the action wrapper does (parseStaffAction is gone, issue 11).
    const parse = () => staffActionSchema("request-correction").parse(formValues(form));
    expect(parse()).toMatchObject({ dueOn: "2027-01-08", dueInWorkingDays: 10 });
    form.set("dueInWorkingDays", "ten");
    expect(parse()).toMatchObject({ dueInWorkingDays: undefined });
  });
});

describe("recountState: when the notice arrives, a date told is never moved earlier", () => {
  const corrected = () => {
    const r = applyAction(
      received("2026-12-24"),
      { type: "request-correction", documents: ["bills"], dueOn: "2027-01-08", dueInWorkingDays: 10 },
      desk,
      at("2026-12-24"),
    );
    if (!r.ok) throw new Error(r.code);
    return r.state;
  };

  test("without a notice nothing changes", () => {
    const s = corrected();
    expect(recountState(s)).toEqual(s);
  });

  test("a notice that would move the 补正 date earlier (调休 Sat 01-02 → 01-07) keeps 01-08, and the mark goes", () => {
    const s = corrected();
    useHolidayNotices(EARLIER);
    const next = recountState(s);
    expect(next.correction?.dueOn).toBe("2027-01-08");
    expect(next.correction?.dueProvisional).toBeUndefined();
  });

  test("a notice that moves it later (01-04 off too) moves it to 01-11", () => {
    const s = corrected();
    useHolidayNotices(LATER);
    expect(recountState(s).correction).toMatchObject({ dueOn: "2027-01-11" });
  });
});

describe("service and recount (SQLite)", () => {
  let t: TestDb;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let clock: ReturnType<typeof fakeClock>;
  let ctx: ServiceContext;

  beforeEach(async () => {
    t = await createTestDb();
    people = await seedPeople(t.db);
    clock = fakeClock("2026-12-24T09:00:00+08:00"); // Thursday
    ctx = { db: t.db, now: clock.now, sms: new OutboxSmsSender(t.db) };
  });
  afterEach(async () => t.close());

  async function submit(key = "submit-key-prov-000001") {
    await completeDraft(ctx, people.citizenA.id);
    const r = await submitApplication(ctx, people.citizenA.id, key);
    if (!r.ok) throw new Error(r.code);
    return r.applicationId;
  }
  const staffOk = async (user: StaffSessionUser, id: string, action: Parameters<typeof performStaffAction>[3]) => {
    const r = await performStaffAction(ctx, user, id, action);
    expect(r).toMatchObject({ ok: true });
  };

  test("补正 told as 2027-01-08 (暂定); a notice that would make it 01-07 keeps 01-08, clears the mark, and says so on the timeline", async () => {
    const id = await submit();
    await staffOk(people.desk, id, { type: "accept" });
    await staffOk(people.case1, id, { type: "request-correction", documents: ["bills"], dueOn: "2027-01-08", dueInWorkingDays: 10 });
    let row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-08", true]);
    const told = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "correction-requested" } });
    expect(JSON.parse(told.paramsJson)).toMatchObject({ dueOn: "2027-01-08", dueProvisional: true });
    const view = await getApplicationForCitizen(ctx, people.citizenA.id, id);
    expect(view?.currentDueProvisional).toBe(true);
    expect(view?.timeline.find((s) => s.id === "review")).toMatchObject({ dueOn: "2027-01-08", dueProvisional: true });
    expect((await listApplicationsForArea(t.db, "450223", 50, {}, clock.now()))[0]).toMatchObject({ currentDueOn: "2027-01-08", currentDueProvisional: true });

    // Start-up before the notice: nothing to learn, nothing written.
    const events = await t.db.applicationEvent.count();
    expect(await recountProvisionalDeadlines(ctx)).toMatchObject({ checked: 1, changed: [] });
    expect(await t.db.applicationEvent.count()).toBe(events);

    useHolidayNotices(EARLIER);
    clock.advance(3600);
    const report = await recountProvisionalDeadlines(ctx);
    expect(report.changed).toEqual([{ reference: row.reference, from: "2027-01-08", to: "2027-01-08", counted: "2027-01-07", provisional: false }]);
    row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-08", false]);
    const state = JSON.parse(row.stateJson!);
    expect(state.correction.dueOn).toBe("2027-01-08");
    expect(state.correction.dueProvisional).toBeUndefined();
    const event = await t.db.applicationEvent.findFirstOrThrow({ where: { applicationId: id, action: "recount-deadline" } });
    expect(event).toMatchObject({ actorRole: "system", status: "correction", fromStatus: "correction" });
    expect(JSON.parse(event.detailsJson!)).toEqual({ previousDueOn: "2027-01-08", dueOn: "2027-01-08", countedDueOn: "2027-01-07", provisional: false, knownTo: 2027 });
    expect(await t.db.auditLog.count({ where: { action: "application.recount-deadline", target: row.reference } })).toBe(1);
    const message = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "deadline-recounted" } });
    expect(JSON.parse(message.paramsJson)).toEqual({ reference: row.reference, status: "correction", dueOn: "2027-01-08" });
    expect(message.smsStatus).toBe("sent");

    // Idempotent: a second start-up finds nothing provisional.
    expect(await recountProvisionalDeadlines(ctx)).toMatchObject({ checked: 0, changed: [] });
  });

  test("a 公示 from 2026-12-29 (鹿寨: 3 working days) ends 2027-01-04 暂定; a notice giving 01-04 off moves it to 01-05", async () => {
    const id = await submit();
    await staffOk(people.desk, id, { type: "accept" });
    await staffOk(people.case1, id, { type: "record-check", kind: "home-visit", note: "入户调查属实" });
    await staffOk(people.case1, id, { type: "propose-amount", amount: "2800", reason: "5 个月低保" });
    clock.advance(5 * 86_400); // Tue 2026-12-29
    await staffOk(people.case1, id, { type: "start-publicity", days: 3, dayUnit: "working" });
    // Wed 30, Thu 31, (Fri 01-01 元旦, weekend), Mon 01-04.
    let row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-04", true]);
    const status = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "status-changed" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(status.paramsJson)).toMatchObject({ status: "publicity", dueOn: "2027-01-04", dueProvisional: true });

    useHolidayNotices(LATER);
    const report = await recountProvisionalDeadlines(ctx);
    expect(report.changed).toMatchObject([{ from: "2027-01-04", to: "2027-01-05", counted: "2027-01-05", provisional: false }]);
    row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-05", false]);
    expect(JSON.parse(row.stateJson!).publicity.endsOn).toBe("2027-01-05");
  });

  test("submitted on Thu 2026-12-31: 受理 by Mon 2027-01-04 (暂定, shown on the receipt); with the notice, the later 01-05", async () => {
    clock.advance(7 * 86_400);
    const id = await submit();
    let row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-04", true]);
    useHolidayNotices(LATER);
    await recountProvisionalDeadlines(ctx);
    row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-05", false]);
  });

  test("the review period (鹿寨: 7 working days from 受理 on 12-24) told as 01-05 stays 01-05 after a notice counting 01-04, through later actions too", async () => {
    const id = await submit();
    await staffOk(people.desk, id, { type: "accept" });
    let row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-05", true]);
    useHolidayNotices(EARLIER); // 25, 28, 29, 30, 31, Sat 01-02 (调休), Mon 01-04
    expect((await recountProvisionalDeadlines(ctx)).changed).toMatchObject([{ from: "2027-01-05", to: "2027-01-05", counted: "2027-01-04" }]);
    clock.advance(3600);
    await staffOk(people.case1, id, { type: "record-check", kind: "home-visit", note: "入户调查属实" });
    row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.currentDueOn, row.currentDueProvisional]).toEqual(["reviewing", "2027-01-05", false]);
  });

  test("a deadline whose year is still unknown after a notice for another year stays 暂定 and unchanged", async () => {
    const id = await submit();
    await staffOk(people.desk, id, { type: "accept" });
    await staffOk(people.case1, id, { type: "request-correction", documents: ["bills"], dueOn: "2027-01-08", dueInWorkingDays: 10 });
    useHolidayNotices({ notices: [{ ...EARLIER.notices[0], year: 2026, holidays: { "2026-01-01": "元旦" }, workdays: {} }] });
    expect(await recountProvisionalDeadlines(ctx)).toMatchObject({ checked: 1, changed: [] });
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect([row.currentDueOn, row.currentDueProvisional]).toEqual(["2027-01-08", true]);
  });
});
