import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { toStaffSession } from "@/lib/auth/staff";
import { parseSection } from "@/lib/applications/draft-schema";
import { performStaffAction, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { assistedDraft, saveAssistedSection } from "@/lib/desk/assisted";
import { calledNotes, draftsWaitingForDocuments, noteCalled } from "@/lib/desk/queue";
import { startSession, startSessionSchema, withdrawConsent } from "@/lib/desk/sessions";
import { completeDraft, idNumber, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

// The desk's queue (issue 15 "The desk's own work"): drafts waiting for documents, and the "called" note on the
// list of applicants whose 补正 is due soon.

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now };
});
afterEach(async () => t.close());

const otherAreaDesk = async () => toStaffSession(await t.db.staffUser.create({ data: { username: "desk02", role: "desk", areaCode: "210100", passwordHash: "x", displayName: "d2" } }));

describe("drafts waiting for documents", () => {
  test("an open session's draft lacking documents is listed (name masked, what is missing); not another area's, not after withdrawal", async () => {
    const { sessionId } = await startSession(ctx, people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: idNumber("45022319440305002"), phone: "", consentPaperSigned: "on" }));
    await assistedDraft(ctx, people.desk, sessionId);
    const parsed = parseSection("household", { size: "1", monthlyIncome: "600", certifications: ["tekun"] }, "assisted");
    if (!parsed.ok) throw new Error("household");
    await saveAssistedSection(ctx, people.desk, sessionId, "household", parsed.data as never, []);
    const waiting = await draftsWaitingForDocuments(ctx, people.desk);
    expect(waiting).toEqual([{ sessionId, nameMasked: "韦*婆", startedAt: new Date("2026-11-23T09:00:00+08:00"), missing: expect.arrayContaining(["applicant-id", "diagnosis", "certification"]) }]);
    expect(await draftsWaitingForDocuments(ctx, await otherAreaDesk())).toEqual([]);
    await withdrawConsent(ctx, people.desk, sessionId);
    expect(await draftsWaitingForDocuments(ctx, people.desk)).toEqual([]);
  });
});

describe("the 'called' note on the 补正 call list", () => {
  test("who called and when, for an application of the desk's area in 补正 only; audited", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const r = await submitApplication(ctx, people.citizenA.id, "submit-key-called-0001");
    if (!r.ok) throw new Error("submit");
    expect(await noteCalled(ctx, people.desk, r.applicationId)).toBe(false); // not in 补正 yet
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "accept" });
    await performStaffAction(ctx, people.desk, r.applicationId, { type: "request-correction", documents: ["bills"], dueOn: "2026-11-26" });
    expect(await noteCalled(ctx, await otherAreaDesk(), r.applicationId)).toBe(false);
    expect(await noteCalled(ctx, people.desk, r.applicationId)).toBe(true);
    const notes = await calledNotes(ctx, [r.applicationId]);
    expect(notes.get(r.applicationId)).toEqual({ at: new Date("2026-11-23T09:00:00+08:00"), by: "desk01" });
    expect(await t.db.auditLog.count({ where: { action: "desk.correction.called", actorId: people.desk.id } })).toBe(1);
  });
});
