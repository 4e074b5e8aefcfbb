import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { toStaffSession } from "@/lib/auth/staff";
import { type FormSectionId, parseSection, type SectionData } from "@/lib/applications/draft-schema";
import { getApplicationForStaff, performStaffAction, type ServiceContext } from "@/lib/applications/service";
import { assistedDraft, fieldMarks, saveAssistedSection, setAssistedDocumentsToFollow, submitAssisted, submittedApplicationOf } from "@/lib/desk/assisted";
import { startSession, startSessionSchema, withdrawConsent } from "@/lib/desk/sessions";
import { reissueTrackingCode } from "@/lib/desk/paper";
import { lookUpByTrackingCode } from "@/lib/desk/tracking";
import { idNumber, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

// The application a desk fills in on the applicant's behalf (lib/desk/assisted.ts): the citizen's sections and
// rules in the assisted frame, who entered each field, submit with the applicant's confirmation, and access only
// through the open session of the desk's own area.

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;
let otherDesk: Awaited<ReturnType<typeof toStaffSession>>;

const ELDER_ID = idNumber("45022319440305002");

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  const desk = await t.db.helpDesk.create({
    data: { code: "luzhai-1", areaCode: "450223", nameZhHans: "鹿寨县政务服务中心民政窗口", nameZhHant: "鹿寨縣政務服務中心民政窗口", addressZhHans: "鹿寨", addressZhHant: "鹿寨", phone: "0772-0000000" },
  });
  await t.db.staffUser.update({ where: { id: people.desk.id }, data: { helpDeskId: desk.id } });
  otherDesk = toStaffSession(await t.db.staffUser.create({ data: { username: "desk02", role: "desk", areaCode: "210100", passwordHash: "x", displayName: "desk02" } }));
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now };
});
afterEach(async () => t.close());

const startElder = () => startSession(ctx, people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: "", consentPaperSigned: "on" }));

const SECTIONS: [FormSectionId, Record<string, unknown>, string[]][] = [
  ["applicant", { name: "韦阿婆", idNumber: ELDER_ID, phone: "", areaCode: "450223", address: "鹿寨县某村 3 号" }, ["name", "address"]],
  ["patient", { relationship: "self" }, ["relationship"]],
  ["household", { size: "1", monthlyIncome: "600", certifications: ["tekun"] }, []],
  ["illness", { diagnosis: "股骨颈骨折", hospital: "鹿寨县人民医院", totalCost: "32000", reimbursed: "20000" }, []],
  ["reason", { reliefType: "expense", urgency: "this-week", description: "手术费用自付部分家里拿不出" }, ["description"]],
  ["bank", { accountName: "韦阿婆", bankName: "农村信用社", account: "6228 4800 0000 0000 000" }, []],
  ["declarations", { truthful: "on", consentSensitive: "on", consentCheck: "on" }, ["truthful", "consentSensitive", "consentCheck"]],
];

async function fillAll(sessionId: string) {
  for (const [section, input, byApplicant] of SECTIONS) {
    const parsed = parseSection(section, input, "assisted");
    if (!parsed.ok) throw new Error(`${section}: ${JSON.stringify(parsed.errors)}`);
    const saved = await saveAssistedSection(ctx, people.desk, sessionId, section, parsed.data as SectionData[typeof section], byApplicant);
    if (!saved?.ok) throw new Error(`${section}: ${JSON.stringify(saved)}`);
  }
  await setAssistedDocumentsToFollow(ctx, people.desk, sessionId, ["applicant-id", "household-register", "diagnosis", "bills", "certification"]);
}

describe("the assisted frame of the citizen's form", () => {
  test("the same applicant schema, except that an applicant helped at a desk may have no phone", () => {
    const applicant = SECTIONS[0][1];
    expect(parseSection("applicant", applicant).ok).toBe(false);
    expect(parseSection("applicant", applicant, "assisted")).toMatchObject({ ok: true, data: { phone: "" } });
    // A phone that is given must still be a phone; the other rules are the citizen's.
    expect(parseSection("applicant", { ...applicant, phone: "123" }, "assisted")).toEqual({ ok: false, errors: { phone: "phone" } });
    expect(parseSection("applicant", { ...applicant, idNumber: "450223194403050021" }, "assisted")).toMatchObject({ ok: false });
  });

  test("field marks: ticked fields are the applicant's, the rest the worker's; unknown names are ignored", () => {
    expect(fieldMarks("reason", ["description", "bogus"])).toEqual({ reliefType: "worker", urgency: "worker", description: "applicant" });
  });
});

describe("an assisted application", () => {
  test("is the session's draft: each field records who entered it; the applicant must be the session's person", async () => {
    const { sessionId } = await startElder();
    const draft = await assistedDraft(ctx, people.desk, sessionId);
    expect(draft).toMatchObject({ person: { nameMasked: "韦*婆", hasPhone: false }, personValues: { name: "韦阿婆", idNumber: ELDER_ID, phone: null, areaCode: "450223" } });
    const row = await t.db.application.findUniqueOrThrow({ where: { id: draft!.applicationId } });
    expect(row).toMatchObject({ citizenId: null, deskSessionId: sessionId, draftOwnerId: null, status: "draft" });

    const someoneElse = parseSection("applicant", { ...SECTIONS[0][1], idNumber: idNumber("45022319500101002") }, "assisted");
    expect(await saveAssistedSection(ctx, people.desk, sessionId, "applicant", someoneElse.ok ? someoneElse.data : (null as never), [])).toEqual({
      ok: false,
      errors: { idNumber: "not-session-person" },
    });

    await fillAll(sessionId);
    const filled = await assistedDraft(ctx, people.desk, sessionId);
    expect(filled!.data.enteredBy).toMatchObject({
      "applicant.name": "applicant",
      "applicant.idNumber": "worker",
      "applicant.phone": "worker",
      "reason.description": "applicant",
      "reason.urgency": "worker",
      "household.size": "worker",
      "declarations.truthful": "applicant",
    });
    // Saving a section again replaces its marks (nothing stale from the first save).
    const reason = parseSection("reason", SECTIONS[4][1], "assisted");
    await saveAssistedSection(ctx, people.desk, sessionId, "reason", reason.ok ? reason.data : (null as never), ["urgency"]);
    expect((await assistedDraft(ctx, people.desk, sessionId))!.data.enteredBy).toMatchObject({ "reason.description": "worker", "reason.urgency": "applicant" });
    expect(Object.values(filled!.statuses).every((s) => s === "completed")).toBe(true);
  });

  test("submits only with the applicant's confirmation; the reference is allocated; the applicant (no account) owns it by person; the desk is on the timeline and cannot approve", async () => {
    const { sessionId } = await startElder();
    await assistedDraft(ctx, people.desk, sessionId);
    await fillAll(sessionId);
    expect(await submitAssisted(ctx, people.desk, sessionId, { submitKey: "assisted-key-00000001", applicantConfirmed: false })).toEqual({ ok: false, code: "not-confirmed" });
    expect(await t.db.application.count({ where: { status: "draft" } })).toBe(1);

    const submitted = await submitAssisted(ctx, people.desk, sessionId, { submitKey: "assisted-key-00000001", applicantConfirmed: true });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    expect(submitted.reference).toMatch(/^LZ2026-\d{6}-[0-9A-Z]$/);
    // A doubled submit answers with the same application.
    expect(await submitAssisted(ctx, people.desk, sessionId, { submitKey: "assisted-key-00000001", applicantConfirmed: true })).toMatchObject({ ok: true, repeated: true, applicationId: submitted.applicationId });

    const person = await t.db.person.findFirstOrThrow();
    const row = await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } });
    expect(row).toMatchObject({ status: "submitted", citizenId: null, applicantPersonId: person.id, deskSessionId: sessionId });
    expect(await t.db.notification.count()).toBe(0);
    expect(await t.db.helpLink.findFirst({ where: { kind: "desk-session", refId: sessionId } })).toMatchObject({ state: "applied" });
    expect(await t.db.auditLog.findFirst({ where: { action: "desk.application.submit" } })).toMatchObject({ actorId: people.desk.id, target: submitted.reference, reason: "desk:luzhai-1" });

    // The desk that helped, on the staff timeline and on the tracking page (its name, nothing personal).
    const view = await getApplicationForStaff(ctx, people.case1, submitted.applicationId);
    expect(view!.assistedBy).toEqual({ helpDeskId: expect.any(String), nameZhHans: "鹿寨县政务服务中心民政窗口", nameZhHant: "鹿寨縣政務服務中心民政窗口" });
    const code = await reissueTrackingCode(ctx, people.desk, submitted.applicationId);
    const tracked = await lookUpByTrackingCode(ctx, { reference: submitted.reference, code: code!.code, ip: "10.0.0.1" });
    expect(tracked).toMatchObject({ ok: true, status: { status: "submitted", assistedBy: { nameZhHans: "鹿寨县政务服务中心民政窗口" } } });

    // The desk gained no role in the case: it may receive (受理) as before, never approve or pay.
    const emergency = { type: "emergency-approve-and-pay", amount: "1000", reason: "急", paidOn: "2026-11-23", documentsDueOn: null } as const;
    expect(await performStaffAction(ctx, people.desk, submitted.applicationId, emergency)).toEqual({ ok: false, code: "role-not-allowed" });
    expect(await submittedApplicationOf(ctx, people.desk, sessionId)).toBe(submitted.applicationId);
    // Once submitted, the session's form is closed.
    expect(await assistedDraft(ctx, people.desk, sessionId)).toBeNull();
  });

  test("a desk of another area is refused: no draft, no save, no submit", async () => {
    const { sessionId } = await startElder();
    await assistedDraft(ctx, people.desk, sessionId);
    expect(await assistedDraft(ctx, otherDesk, sessionId)).toBeNull();
    const parsed = parseSection("household", SECTIONS[2][1], "assisted");
    expect(await saveAssistedSection(ctx, otherDesk, sessionId, "household", parsed.ok ? parsed.data : (null as never), [])).toBeNull();
    expect(await setAssistedDocumentsToFollow(ctx, otherDesk, sessionId, ["bills"])).toBe(false);
    expect(await submitAssisted(ctx, otherDesk, sessionId, { submitKey: "assisted-key-00000002", applicantConfirmed: true })).toEqual({ ok: false, code: "not-found" });
    // A caseworker of the same area is not a desk in a session either.
    expect(await assistedDraft(ctx, people.case1, sessionId)).toBeNull();
  });

  test("after consent is withdrawn the worker cannot open the session's data, and the unsubmitted draft is deleted", async () => {
    const { sessionId } = await startElder();
    await assistedDraft(ctx, people.desk, sessionId);
    const parsed = parseSection("household", SECTIONS[2][1], "assisted");
    await saveAssistedSection(ctx, people.desk, sessionId, "household", parsed.ok ? parsed.data : (null as never), []);
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(true);
    expect(await t.db.application.count()).toBe(0);
    expect(await assistedDraft(ctx, people.desk, sessionId)).toBeNull();
    expect(await saveAssistedSection(ctx, people.desk, sessionId, "household", parsed.ok ? parsed.data : (null as never), [])).toBeNull();
    expect(await submitAssisted(ctx, people.desk, sessionId, { submitKey: "assisted-key-00000003", applicantConfirmed: true })).toEqual({ ok: false, code: "not-found" });
    // The person the session created went with it (nothing else refers to them).
    expect(await t.db.person.count()).toBe(0);
  });

  test("a submitted application stays after withdrawal (a legal record), with its person; the session's reach ends", async () => {
    const { sessionId } = await startElder();
    await assistedDraft(ctx, people.desk, sessionId);
    await fillAll(sessionId);
    const submitted = await submitAssisted(ctx, people.desk, sessionId, { submitKey: "assisted-key-00000004", applicantConfirmed: true });
    expect(submitted.ok).toBe(true);
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(true);
    expect(await t.db.application.count({ where: { status: "submitted" } })).toBe(1);
    expect(await t.db.person.count()).toBe(1);
    expect(await submittedApplicationOf(ctx, people.desk, sessionId)).toBeNull();
  });
});
