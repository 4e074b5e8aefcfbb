import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { actorFor } from "@/lib/auth/access";
import { OTP_POLICY, requestLoginCode, verifyLoginCode } from "@/lib/auth/otp";
import { getSmsSender } from "@/lib/sms";
import { readEnv } from "@/lib/config/env";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import {
  caseForSchool,
  closeCase,
  consentByCodeSchema,
  inviteParent,
  itemUpdateSchema,
  listAreaCases,
  openCase,
  openCaseSchema,
  recordCaseApplication,
  reopenCase,
  updateCaseItem,
} from "@/lib/schools/zhuanban/cases";
import { confirmConsentCode, consentRequestView, requestConsentCode, resendConsentCode } from "@/lib/schools/zhuanban/consent-code";
import { caseOutcome } from "@/lib/schools/zhuanban/outcome";
import { renderSms } from "@/lib/sms/templates";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makePupilRows } from "@/tests/unit/schools/fixtures";

class CapturingSender implements SmsSender {
  sent: SmsMessage[] = [];
  async send(message: SmsMessage) {
    this.sent.push(message);
    return { id: `sms-${this.sent.length}` };
  }
  lastCode(): string {
    return this.sent.at(-1)!.params.code;
  }
}

describe("the outcome summary (pure)", () => {
  it("sums the granted amounts exactly to the fen and counts each state", () => {
    const outcome = caseOutcome([
      { id: "education-aid", state: "granted", amount: "1500.00" },
      { id: "trade-union", state: "granted", amount: "0.10" },
      { id: "charity", state: "granted", amount: "0.20" },
      { id: "red-cross", state: "granted", amount: null },
      { id: "temporary-assistance", state: "applied", amount: null },
      { id: "emergency-fund", state: "declined", amount: null },
    ]);
    // 1500.00 + 0.10 + 0.20 = 1500.30 (a float would give 1500.3000000000002)
    expect(outcome.grantedTotal).toBe("1500.30");
    expect(outcome.granted.map((g) => g.itemId)).toEqual(["education-aid", "trade-union", "charity", "red-cross"]);
    expect(outcome.states).toEqual({ "not-started": 0, referred: 0, applied: 1, granted: 4, declined: 1 });
    expect(caseOutcome([]).grantedTotal).toBe("0.00");
  });
});

describe("专班 consent by the parent's one-time code, and closing a case (SQLite)", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolB: string;
  let sms: CapturingSender;
  let clock: ReturnType<typeof fakeClock>;
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
  const rows = makePupilRows(12);
  const pupil = { name: rows[0][0], idNumber: rows[0][1], guardianPhone: rows[0][5] };
  const adminA = () => actorFor({ kind: "staff", id: "admin-a", role: "school_admin", schoolId: schoolA });
  const adminB = () => actorFor({ kind: "staff", id: "admin-b", role: "school_admin", schoolId: schoolB });
  const form = (idNumber = pupil.idNumber) => consentByCodeSchema.parse({ idNumber, giverName: "王某某", relation: "mother", shareIllness: "", illness: "" });
  const ctx = (ip = "203.0.113.9") => ({ ip, now: clock.now(), sms });

  beforeEach(async () => {
    t = await createTestDb();
    clock = fakeClock("2026-12-03T10:00:00+08:00");
    sms = new CapturingSender();
    await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲小学", nameZhHant: "甲小學" } })).id;
    schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙小学", nameZhHant: "乙小學" } })).id;
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...rows], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: clock.now() });
  });
  afterEach(async () => t.close());

  it("the code goes to the roster's guardian phone (no name, no illness), the right code opens the case once with consent 'sms-code'", async () => {
    expect(await requestConsentCode(t.db, adminB(), form(), ctx())).toEqual({ ok: false, code: "not-on-roster" });
    const sent = await requestConsentCode(t.db, adminA(), form(), ctx());
    expect(sent).toMatchObject({ ok: true, phoneMasked: expect.stringContaining("****") });
    if (!sent.ok) return;
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({ to: pupil.guardianPhone, template: "school-case-consent" });
    const text = renderSms(sms.sent[0].template, sms.sent[0].params);
    expect(text).not.toContain(pupil.name);
    expect(text).not.toMatch(/病|救助|¥|元/);
    // Another school cannot see or use the request.
    expect(await consentRequestView(t.db, adminB(), sent.requestId, clock.now())).toBeNull();
    expect(await confirmConsentCode(t.db, adminB(), { requestId: sent.requestId, code: sms.lastCode() }, ctx())).toEqual({ ok: false, code: "not-found" });
    expect(await consentRequestView(t.db, adminA(), sent.requestId, clock.now())).toMatchObject({ relation: "mother" });

    const opened = await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: sms.lastCode() }, ctx());
    expect(opened).toMatchObject({ ok: true, existing: false });
    if (!opened.ok) return;
    const view = await caseForSchool(t.db, adminA(), opened.caseId, clock.now());
    expect(view!.consent).toMatchObject({ method: "sms-code", relation: "mother" });
    expect(view!.consent.givenAt.getTime()).toBe(clock.now().getTime());
    // Used once: the same code or request again opens nothing.
    expect(await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: sms.lastCode() }, ctx())).toEqual({ ok: false, code: "request-expired" });
    expect(await t.db.schoolCase.count()).toBe(1);
    const audits = await t.db.auditLog.findMany({ where: { action: { in: ["school.case.consent-code", "school.case.open"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["school.case.consent-code", "school.case.open"]);
    expect(audits[1].reason).toBe("consent:sms-code");
    expect(JSON.stringify(audits)).not.toContain(pupil.idNumber);
  });

  it("a consent code never signs the parent in, and a sign-in code never consents", async () => {
    const sent = await requestConsentCode(t.db, adminA(), form(), ctx());
    if (!sent.ok) throw new Error("not sent");
    const code = sms.lastCode();
    expect(await verifyLoginCode({ phone: pupil.guardianPhone, code }, { db: t.db, now: clock.now })).toEqual({ ok: false, code: "code-invalid" });
    // The consent code still works after that failed sign-in attempt (its own purpose).
    expect(await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code }, ctx())).toMatchObject({ ok: true });
  });

  it("a wrong code changes nothing; five wrong tries burn it; an expired code is refused; a resend works and the old code does not", async () => {
    const sent = await requestConsentCode(t.db, adminA(), form(), ctx());
    if (!sent.ok) throw new Error("not sent");
    const right = sms.lastCode();
    const wrong = right === "000000" ? "111111" : "000000";
    expect(await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: wrong }, ctx())).toEqual({ ok: false, code: "code-invalid" });
    expect(await t.db.schoolCase.count()).toBe(0);
    for (let i = 0; i < OTP_POLICY.maxAttempts - 2; i++) await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: wrong }, ctx());
    expect(await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: wrong }, ctx())).toEqual({ ok: false, code: "code-attempts-exceeded" });
    expect(await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: right }, ctx())).toEqual({ ok: false, code: "code-attempts-exceeded" });

    // A resend after the per-phone minute: a fresh code; the one before stops working.
    clock.advance(61);
    expect(await resendConsentCode(t.db, adminA(), sent.requestId, ctx())).toEqual({ ok: true });
    const fresh = sms.lastCode();
    clock.advance(OTP_POLICY.ttlSeconds + 1);
    expect(await confirmConsentCode(t.db, adminA(), { requestId: sent.requestId, code: fresh }, ctx())).toEqual({ ok: false, code: "code-expired" });
    expect(await t.db.schoolCase.count()).toBe(0);
  });

  it("sending is rate-limited per phone like sign-in codes: a second code within the minute is refused and nothing is kept", async () => {
    expect(await requestConsentCode(t.db, adminA(), form(), ctx())).toMatchObject({ ok: true });
    const again = await requestConsentCode(t.db, adminA(), form(), ctx("198.51.100.1"));
    expect(again).toMatchObject({ ok: false, code: "rate-limited" });
    expect(sms.sent).toHaveLength(1);
    expect(await t.db.schoolCaseConsentRequest.count()).toBe(1);
    // The parent may still sign in at once (the per-phone limit counts each purpose on its own).
    expect(await requestLoginCode({ phone: pupil.guardianPhone, ip: "198.51.100.2" }, { db: t.db, now: clock.now, sms })).toMatchObject({ ok: true });
  });

  it("a pupil without a guardian phone cannot be asked by code (paper consent instead)", async () => {
    await t.db.schoolPupil.updateMany({ where: { schoolId: schoolA }, data: { guardianPhoneEncrypted: null, guardianPhoneHash: null } });
    expect(await requestConsentCode(t.db, adminA(), form(), ctx())).toEqual({ ok: false, code: "no-guardian-phone" });
    expect(sms.sent).toHaveLength(0);
  });

  it("closing: the outcome summary is recorded, the case is read-only, the bureau sees it closed; reopening by the school admin with a reason only", async () => {
    const opened = await openCase(t.db, adminA(), openCaseSchema.parse({ idNumber: pupil.idNumber, giverName: "王某某", relation: "father", method: "paper", givenOn: "2026-12-02", consentConfirmed: "on" }), clock.now());
    if (!opened.ok) throw new Error("not opened");
    const caseId = opened.caseId;
    await updateCaseItem(t.db, adminA(), { caseId, itemId: "education-aid", update: itemUpdateSchema.parse({ state: "granted", amount: "1,500" }) }, clock.now());
    await updateCaseItem(t.db, adminA(), { caseId, itemId: "charity", update: itemUpdateSchema.parse({ state: "granted", amount: "2000.5" }) }, clock.now());
    await updateCaseItem(t.db, adminA(), { caseId, itemId: "trade-union", update: itemUpdateSchema.parse({ state: "declined" }) }, clock.now());

    // Only the case's own school admin closes it.
    expect(await closeCase(t.db, adminB(), caseId, clock.now())).toEqual({ ok: false, code: "not-found" });
    const teacher = actorFor({ kind: "staff", id: "t", role: "teacher", schoolId: schoolA, classOf: { grade: rows[0][3], className: rows[0][4] } });
    expect(await closeCase(t.db, teacher, caseId, clock.now())).toEqual({ ok: false, code: "not-found" });
    const closed = await closeCase(t.db, adminA(), caseId, clock.now());
    // 1500.00 + 2000.50 = 3500.50
    expect(closed).toMatchObject({ ok: true, outcome: { grantedTotal: "3500.50", states: { granted: 2, declined: 1, "not-started": 5 } } });
    expect(await closeCase(t.db, adminA(), caseId, clock.now())).toEqual({ ok: false, code: "closed" });

    // Read-only: items, the invitation and the application hook all refuse.
    expect(await updateCaseItem(t.db, adminA(), { caseId, itemId: "red-cross", update: itemUpdateSchema.parse({ state: "referred" }) }, clock.now())).toEqual({ ok: false, code: "closed" });
    expect(await inviteParent(t.db, adminA(), { caseId, sms, siteUrl: "https://x.example", lng: "zh-Hans" }, clock.now())).toEqual({ ok: false, code: "closed" });
    const hooked = await t.db.$transaction((tx) =>
      recordCaseApplication(tx, { caseId, applicationId: "app1", citizenId: "c1", applicant: { name: "王某某", idNumber: pupil.idNumber, phone: pupil.guardianPhone, areaCode: "210102" }, at: clock.now() }),
    );
    expect(hooked).toBe(false);

    const view = await caseForSchool(t.db, adminA(), caseId, clock.now());
    expect(view).toMatchObject({ status: "closed", outcome: { grantedTotal: "3500.50" } });
    const bureau = actorFor({ kind: "staff", id: "edu", role: "education", areaCode: "210102" });
    const area = await listAreaCases(t.db, bureau, clock.now());
    expect(area).toHaveLength(1);
    expect(area[0]).toMatchObject({ status: "closed", outcome: { grantedTotal: "3500.50" }, classLabel: null });
    expect(area[0].closedAt).not.toBeNull();

    // Reopening: not by the bureau, not by another school, not without a reason.
    expect(await reopenCase(t.db, bureau, { caseId, reason: "再申请" }, clock.now())).toEqual({ ok: false, code: "not-found" });
    expect(await reopenCase(t.db, adminB(), { caseId, reason: "再申请" }, clock.now())).toEqual({ ok: false, code: "not-found" });
    expect(await reopenCase(t.db, adminA(), { caseId, reason: " " }, clock.now())).toEqual({ ok: false, code: "reason-required" });
    expect(await reopenCase(t.db, adminA(), { caseId, reason: "家长又收到医院账单，需要再申请" }, clock.now())).toEqual({ ok: true });
    expect(await reopenCase(t.db, adminA(), { caseId, reason: "再来一次" }, clock.now())).toEqual({ ok: false, code: "open" });
    const reopened = await caseForSchool(t.db, adminA(), caseId, clock.now());
    expect(reopened).toMatchObject({ status: "open", outcome: null, closedAt: null });
    expect(reopened!.reopenedAt).not.toBeNull();
    expect(await updateCaseItem(t.db, adminA(), { caseId, itemId: "red-cross", update: itemUpdateSchema.parse({ state: "referred" }) }, clock.now())).toEqual({ ok: true });

    const audits = await t.db.auditLog.findMany({ where: { target: caseId, action: { in: ["school.case.close", "school.case.reopen"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["school.case.close", "admin-a"],
      ["school.case.reopen", "admin-a"],
    ]);
    expect(audits[0].reason).toBe("granted 3500.50");
    // The reason is kept encrypted on the case, not in the audit's clear text.
    expect(audits[1].reason).not.toContain("账单");
    const row = await t.db.schoolCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.reopenReasonEncrypted).toBeTruthy();
    expect(row.reopenReasonEncrypted).not.toContain("账单");
  });
});

// The real sender (the demo outbox) is the one the pages use: the consent template exists there too.
describe("the consent SMS goes through the project's outbox", () => {
  it("getSmsSender accepts the template", async () => {
    const t = await createTestDb();
    try {
      const sender = getSmsSender({ db: t.db, env: readEnv() });
      await sender.send({ to: "13900000001", template: "school-case-consent", params: { code: "123456" } });
      const row = await t.db.smsOutbox.findFirstOrThrow();
      expect(row.template).toBe("school-case-consent");
      expect(row.body).toContain("123456");
    } finally {
      await t.close();
    }
  });
});
