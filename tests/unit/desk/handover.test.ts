import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { refusalFor } from "@/lib/auth/access";
import { type FormSectionId, parseSection, type SectionData } from "@/lib/applications/draft-schema";
import { assistedByOf, decryptData, getOrCreateDraft, newSubmitKey, saveDraftSection, setDocumentsToFollow, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { assistedDraft, saveAssistedSection, setAssistedDocumentsToFollow } from "@/lib/desk/assisted";
import { claimHandover, HANDOVER_POLICY, handoverStateFor, handoverViewFor, hashHandoverToken, issueHandover } from "@/lib/desk/handover";
import { sessionFor, startSession, startSessionSchema, withdrawConsent } from "@/lib/desk/sessions";
import { idNumber, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

// Hand-over by QR (lib/desk/handover.ts): the desk shows a code, the applicant signs in on their phone and takes
// the session's draft. The code is unguessable, single use and expires; the move is one transaction; the desk's
// access ends; an account that already has a draft chooses which one to keep.

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let clock: ReturnType<typeof fakeClock>;
let ctx: ServiceContext;

// citizenA signs in with 13800000001: the applicant's own phone.
const APPLICANT_PHONE = "13800000001";
const ELDER_ID = idNumber("45022319440305002");

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  clock = fakeClock("2026-11-23T09:00:00+08:00");
  ctx = { db: t.db, now: clock.now };
});
afterEach(async () => t.close());

async function sessionWithDraft(phone = APPLICANT_PHONE) {
  const { sessionId } = await startSession(ctx, people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone, consentPaperSigned: "on" }));
  await assistedDraft(ctx, people.desk, sessionId);
  const applicant = parseSection("applicant", { name: "韦阿婆", idNumber: ELDER_ID, phone, areaCode: "450223", address: "鹿寨县某村 3 号" }, "assisted");
  if (!applicant.ok) throw new Error(JSON.stringify(applicant.errors));
  await saveAssistedSection(ctx, people.desk, sessionId, "applicant", applicant.data as SectionData["applicant"], ["name"]);
  return sessionId;
}

async function issue(sessionId: string) {
  const shown = await issueHandover(ctx, people.desk, sessionId);
  if (!shown) throw new Error("no code");
  return shown.token;
}

describe("the hand-over code", () => {
  test("is 144 random bits, kept only as a keyed hash (and encrypted for showing again), audited; only for a session with a draft", async () => {
    const { sessionId } = await startSession(ctx, people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: "", consentPaperSigned: "on" }));
    expect(await issueHandover(ctx, people.desk, sessionId)).toBeNull();
    await assistedDraft(ctx, people.desk, sessionId);
    const shown = await issueHandover(ctx, people.desk, sessionId);
    expect(shown!.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(shown!.expiresAt.getTime() - clock.now().getTime()).toBe(HANDOVER_POLICY.ttlSeconds * 1000);
    const row = await t.db.deskHandover.findFirstOrThrow({ where: { sessionId } });
    expect(row.tokenHash).toBe(hashHandoverToken(shown!.token));
    expect(row.tokenEncrypted).not.toContain(shown!.token);
    expect(await handoverStateFor(ctx, people.desk, sessionId)).toEqual({ status: "open", hasDraft: true, current: { token: shown!.token, expiresAt: shown!.expiresAt } });
    expect(await t.db.auditLog.count({ where: { action: "desk.handover.issue", actorId: people.desk.id, target: sessionId } })).toBe(1);
  });

  test("another area's desk can neither show nor see one", async () => {
    const sessionId = await sessionWithDraft();
    const other = { ...people.desk, id: "other", areaCode: "210100" };
    expect(await issueHandover(ctx, other, sessionId)).toBeNull();
    expect(await handoverStateFor(ctx, other, sessionId)).toBeNull();
  });

  test("a new code replaces the one shown before", async () => {
    const sessionId = await sessionWithDraft();
    const first = await issue(sessionId);
    const second = await issue(sessionId);
    expect(await claimHandover(ctx, people.citizenA.id, first)).toEqual({ ok: false, code: "not-found" });
    expect(await claimHandover(ctx, people.citizenA.id, second)).toMatchObject({ ok: true, kept: "desk" });
  });

  test("expires after its lifetime: a second before it works, at it the code is refused and nothing moves", async () => {
    const sessionId = await sessionWithDraft();
    const token = await issue(sessionId);
    clock.advance(HANDOVER_POLICY.ttlSeconds);
    expect(await handoverViewFor(ctx, people.citizenA.id, token)).toEqual({ ok: false, code: "expired" });
    expect(await claimHandover(ctx, people.citizenA.id, token)).toEqual({ ok: false, code: "expired" });
    expect(await assistedDraft(ctx, people.desk, sessionId)).not.toBeNull();
    expect((await handoverStateFor(ctx, people.desk, sessionId))).toMatchObject({ status: "open", current: null });

    const fresh = await issue(sessionId);
    clock.advance(HANDOVER_POLICY.ttlSeconds - 1);
    expect(await claimHandover(ctx, people.citizenA.id, fresh)).toMatchObject({ ok: true });
  });

  test("is single use: a second scan, by anyone, finds it used", async () => {
    const sessionId = await sessionWithDraft();
    const token = await issue(sessionId);
    expect(await claimHandover(ctx, people.citizenA.id, token)).toMatchObject({ ok: true });
    expect(await claimHandover(ctx, people.citizenA.id, token)).toEqual({ ok: false, code: "used" });
    expect(await claimHandover(ctx, people.citizenB.id, token)).toEqual({ ok: false, code: "used" });
    expect(await handoverViewFor(ctx, people.citizenB.id, token)).toEqual({ ok: false, code: "used" });
    expect(await t.db.application.count({ where: { citizenId: people.citizenB.id } })).toBe(0);
  });

  test("a malformed or unknown token says not found; a withdrawn session's code leads nowhere", async () => {
    expect(await claimHandover(ctx, people.citizenA.id, "x")).toEqual({ ok: false, code: "not-found" });
    expect(await claimHandover(ctx, people.citizenA.id, "A".repeat(24))).toEqual({ ok: false, code: "not-found" });
    const sessionId = await sessionWithDraft();
    const token = await issue(sessionId);
    await withdrawConsent(ctx, people.desk, sessionId);
    expect(await claimHandover(ctx, people.citizenA.id, token)).toEqual({ ok: false, code: "not-found" });
  });
});

describe("taking the draft", () => {
  test("moves the draft to the account, links the person (own phone), ends the session and the desk's access, audited", async () => {
    const sessionId = await sessionWithDraft();
    const draft = await assistedDraft(ctx, people.desk, sessionId);
    const token = await issue(sessionId);
    const view = await handoverViewFor(ctx, people.citizenA.id, token);
    expect(view).toMatchObject({ ok: true, desk: { completedSections: 1, totalSections: 7, applicantNameMasked: "韦*婆" }, own: null });

    expect(await claimHandover(ctx, people.citizenA.id, token)).toEqual({ ok: true, kept: "desk", sessionId });
    const row = await t.db.application.findUniqueOrThrow({ where: { id: draft!.applicationId } });
    expect(row).toMatchObject({ citizenId: people.citizenA.id, draftOwnerId: people.citizenA.id, status: "draft" });
    expect(await t.db.person.findFirst({ where: { citizenId: people.citizenA.id } })).toMatchObject({ id: row.applicantPersonId });
    // The citizen's form opens the same draft, with what the desk entered.
    const own = await getOrCreateDraft(ctx, people.citizenA.id);
    expect(own.id).toBe(draft!.applicationId);
    expect(own.data.applicant?.address).toBe("鹿寨县某村 3 号");

    // The desk: the session shows only that it was handed over; none of its data opens any more.
    expect(await handoverStateFor(ctx, people.desk, sessionId)).toEqual({ status: "handed-over", endedAt: clock.now() });
    expect(await sessionFor(ctx, people.desk, sessionId)).toBeNull();
    expect(await assistedDraft(ctx, people.desk, sessionId)).toBeNull();
    const reason = parseSection("reason", { reliefType: "expense", urgency: "this-week", description: "手术费用自付部分家里拿不出" });
    expect(await saveAssistedSection(ctx, people.desk, sessionId, "reason", (reason as { data: SectionData["reason"] }).data, [])).toBeNull();
    expect(await setAssistedDocumentsToFollow(ctx, people.desk, sessionId, ["bills"])).toBe(false);
    expect(await issueHandover(ctx, people.desk, sessionId)).toBeNull();
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(false);
    expect(await t.db.auditLog.findFirst({ where: { action: "desk.handover.claim", actorId: people.citizenA.id } })).toMatchObject({ target: sessionId, reason: "kept:desk;person-linked" });
  });

  test("the access rule: a desk-session reach stops at a session that is no longer open", () => {
    const reach = { scope: "desk-session", sessionId: "s1", areaCode: "450223" } as const;
    expect(refusalFor(reach, { deskSession: { id: "s1", areaCode: "450223", open: true }, areaCodes: ["450223"] })).toBeNull();
    expect(refusalFor(reach, { deskSession: { id: "s1", areaCode: "450223", open: false }, areaCodes: ["450223"] })).toBe("session-ended");
  });

  test("what the applicant then saves on the phone is marked as theirs; they submit it themselves", async () => {
    const sessionId = await sessionWithDraft();
    await claimHandover(ctx, people.citizenA.id, await issue(sessionId));
    const sections: [FormSectionId, Record<string, unknown>][] = [
      ["applicant", { name: "韦阿婆", idNumber: ELDER_ID, phone: APPLICANT_PHONE, areaCode: "450223", address: "鹿寨县某村 3 号" }],
      ["patient", { relationship: "self" }],
      ["household", { size: "1", monthlyIncome: "600", certifications: ["tekun"] }],
      ["illness", { diagnosis: "股骨颈骨折", hospital: "鹿寨县人民医院", totalCost: "32000", reimbursed: "20000" }],
      ["reason", { reliefType: "expense", urgency: "this-week", description: "手术费用自付部分家里拿不出" }],
      ["bank", { accountName: "韦阿婆", bankName: "农村信用社", account: "6228 4800 0000 0000 000" }],
      ["declarations", { truthful: "on", consentSensitive: "on", consentCheck: "on" }],
    ];
    for (const [section, input] of sections.slice(1)) expect(await saveDraftSection(ctx, people.citizenA.id, section, input)).toMatchObject({ ok: true });
    const data = (await getOrCreateDraft(ctx, people.citizenA.id)).data;
    expect(data.enteredBy).toMatchObject({ "applicant.name": "applicant", "applicant.address": "worker", "reason.description": "applicant", "bank.account": "applicant" });
    await setDocumentsToFollow(ctx, people.citizenA.id, ["applicant-id", "household-register", "diagnosis", "bills", "certification"]);
    const submitted = await submitApplication(ctx, people.citizenA.id, newSubmitKey());
    expect(submitted).toMatchObject({ ok: true });
    const row = await t.db.application.findFirstOrThrow({ where: { citizenId: people.citizenA.id } });
    expect(row.status).not.toBe("draft");
    expect(decryptData(row.dataEncrypted).applicant?.name).toBe("韦阿婆");
    // The desk that started it still shows on the timeline as 窗口帮办.
    const session = await t.db.deskSession.findUniqueOrThrow({ where: { id: sessionId }, include: { helpDesk: true } });
    const events = await t.db.applicationEvent.findMany({ where: { applicationId: row.id } });
    expect(assistedByOf(events)).toEqual({ helpDeskId: session.helpDeskId, nameZhHans: session.helpDesk?.nameZhHans ?? null, nameZhHant: session.helpDesk?.nameZhHant ?? null });
  });

  test("a relative's phone takes the draft but not the applicant's identity (the person stays unlinked)", async () => {
    const sessionId = await sessionWithDraft("13900000009");
    expect(await claimHandover(ctx, people.citizenB.id, await issue(sessionId))).toMatchObject({ ok: true, kept: "desk" });
    expect(await t.db.application.count({ where: { draftOwnerId: people.citizenB.id, deskSessionId: sessionId } })).toBe(1);
    expect(await t.db.person.count({ where: { citizenId: people.citizenB.id } })).toBe(0);
  });
});

describe("an account that already has an open draft", () => {
  async function ownDraftWithContent() {
    expect(await saveDraftSection(ctx, people.citizenA.id, "patient", { relationship: "self" })).toMatchObject({ ok: true });
    return (await getOrCreateDraft(ctx, people.citizenA.id)).id;
  }

  test("is asked to choose; without a choice, or without confirming, nothing changes and the code stays usable", async () => {
    const ownId = await ownDraftWithContent();
    const sessionId = await sessionWithDraft();
    const deskId = (await assistedDraft(ctx, people.desk, sessionId))!.applicationId;
    const token = await issue(sessionId);
    expect(await handoverViewFor(ctx, people.citizenA.id, token)).toMatchObject({ ok: true, own: { completedSections: 1 }, desk: { completedSections: 1 } });
    expect(await claimHandover(ctx, people.citizenA.id, token)).toEqual({ ok: false, code: "choose" });
    expect(await claimHandover(ctx, people.citizenA.id, token, { keep: "desk", confirmed: false })).toEqual({ ok: false, code: "not-confirmed" });
    expect(await t.db.application.findUnique({ where: { id: ownId } })).toMatchObject({ draftOwnerId: people.citizenA.id });
    expect(await t.db.application.findUnique({ where: { id: deskId } })).toMatchObject({ draftOwnerId: null, citizenId: null });
    expect(await t.db.deskHandover.findFirstOrThrow({ where: { sessionId } })).toMatchObject({ usedAt: null });
    expect(await assistedDraft(ctx, people.desk, sessionId)).not.toBeNull();
  });

  test("keeping the desk's draft deletes their own (once confirmed) and moves the desk's", async () => {
    const ownId = await ownDraftWithContent();
    const sessionId = await sessionWithDraft();
    const deskId = (await assistedDraft(ctx, people.desk, sessionId))!.applicationId;
    expect(await claimHandover(ctx, people.citizenA.id, await issue(sessionId), { keep: "desk", confirmed: true })).toMatchObject({ ok: true, kept: "desk" });
    expect(await t.db.application.findUnique({ where: { id: ownId } })).toBeNull();
    expect((await getOrCreateDraft(ctx, people.citizenA.id)).id).toBe(deskId);
    expect(await t.db.auditLog.findFirst({ where: { action: "desk.handover.claim" } })).toMatchObject({ reason: "kept:desk;other-deleted;person-linked" });
  });

  test("keeping their own deletes the desk's draft (once confirmed); the session ends all the same", async () => {
    const ownId = await ownDraftWithContent();
    const sessionId = await sessionWithDraft();
    const deskId = (await assistedDraft(ctx, people.desk, sessionId))!.applicationId;
    expect(await claimHandover(ctx, people.citizenA.id, await issue(sessionId), { keep: "own", confirmed: true })).toMatchObject({ ok: true, kept: "own" });
    expect(await t.db.application.findUnique({ where: { id: deskId } })).toBeNull();
    expect((await getOrCreateDraft(ctx, people.citizenA.id)).id).toBe(ownId);
    expect(await handoverStateFor(ctx, people.desk, sessionId)).toMatchObject({ status: "handed-over" });
    expect(await assistedDraft(ctx, people.desk, sessionId)).toBeNull();
  });

  test("an empty draft (the form only opened) is not a draft to choose between: replaced without asking", async () => {
    const emptyId = (await getOrCreateDraft(ctx, people.citizenA.id)).id;
    const sessionId = await sessionWithDraft();
    expect(await claimHandover(ctx, people.citizenA.id, await issue(sessionId))).toMatchObject({ ok: true, kept: "desk" });
    expect(await t.db.application.findUnique({ where: { id: emptyId } })).toBeNull();
  });
});
