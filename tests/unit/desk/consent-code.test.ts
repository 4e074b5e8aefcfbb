import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { OTP_POLICY, requestLoginCode, verifyLoginCode } from "@/lib/auth/otp";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { CONSENT_CODE_PER_WORKER, ConsentCodeRefusal, sendConsentCode } from "@/lib/desk/consent-code";
import { startSession, startSessionSchema } from "@/lib/desk/sessions";
import { renderSms } from "@/lib/sms/templates";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { idNumber, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

/**
 * Consent at the desk by a one-time code to the applicant's phone (issue 15 "Consent first": "either by a
 * one-time code to the applicant's phone or by a printed 授权书"): the sign-in code machinery with its own
 * purpose, bound to the worker and the person; nothing is saved before the code checks out.
 */

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let clock: ReturnType<typeof fakeClock>;
let sent: SmsMessage[];
const sms: SmsSender = {
  send: async (m) => {
    sent.push(m);
    return { id: String(sent.length) };
  },
};
const ctx = () => ({ db: t.db, now: clock.now, sms });

const ELDER_ID = idNumber("45022319440305002");
const PHONE = "13900000123";
const newElder = { personId: "", idNumber: ELDER_ID, phone: PHONE };
const lastCode = () => sent.at(-1)!.params.code;
const start = (code: string, extra: Record<string, unknown> = {}) =>
  startSession(ctx(), people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: PHONE, consentMethod: "sms-code", consentCode: code, ...extra }));
const nothingSaved = async () => {
  expect(await t.db.person.count()).toBe(0);
  expect(await t.db.deskSession.count()).toBe(0);
  expect(await t.db.deskConsent.count()).toBe(0);
};

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  clock = fakeClock("2026-11-23T09:00:00+08:00");
  sent = [];
});
afterEach(async () => t.close());

describe("consent by a code read out from the applicant's phone", () => {
  test("the code goes to the applicant's phone in the desk's script; the session starts with method sms-code, who, when, what and the phone's hash", async () => {
    const out = await sendConsentCode(ctx(), people.desk, newElder, "zh-Hant");
    expect(out.phoneMasked).toBe("139****0123");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: PHONE, template: "desk-consent.zh-Hant" });
    expect(renderSms(sent[0].template, sent[0].params)).toContain(`驗證碼 ${lastCode()}`);
    // Nothing about the applicant before the code is read back.
    await nothingSaved();
    clock.advance(60);
    const { sessionId } = await start(lastCode());
    const consent = await t.db.deskConsent.findFirstOrThrow({ where: { sessionId } });
    expect(consent).toMatchObject({ method: "sms-code", recordedById: people.desk.id, phoneHash: hashPhone(PHONE), givenAt: new Date("2026-11-23T09:01:00+08:00") });
    expect(JSON.parse(consent.purposes)).toEqual(["assisted-application", "economic-check"]);
    const audit = await t.db.auditLog.findMany({ orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["desk.consent.code-sent", "desk.session.start"]);
    expect(audit[0].target).toBe("139****0123");
    expect(audit[1].reason).toBe("consent:sms-code");
    // Single use.
    await expect(start(lastCode())).rejects.toMatchObject({ code: "code-invalid" });
  });

  test("a wrong code is refused with its reason, audited, and nothing is saved; five wrong tries burn the code", async () => {
    await sendConsentCode(ctx(), people.desk, newElder, "zh-Hans");
    const wrong = lastCode() === "000000" ? "111111" : "000000";
    await expect(start(wrong)).rejects.toThrow(ConsentCodeRefusal);
    await expect(start(wrong)).rejects.toMatchObject({ code: "code-invalid" });
    await nothingSaved();
    expect(await t.db.auditLog.count({ where: { action: "desk.consent.code-wrong", reason: "code-invalid" } })).toBe(2);
    for (let i = 2; i < OTP_POLICY.maxAttempts - 1; i++) await expect(start(wrong)).rejects.toMatchObject({ code: "code-invalid" });
    await expect(start(wrong)).rejects.toMatchObject({ code: "code-attempts-exceeded" });
    await expect(start(lastCode())).rejects.toMatchObject({ code: "code-attempts-exceeded" });
    await nothingSaved();
  });

  test("an expired code is refused (5 minutes) and nothing is saved", async () => {
    await sendConsentCode(ctx(), people.desk, newElder, "zh-Hans");
    clock.advance(OTP_POLICY.ttlSeconds);
    await expect(start(lastCode())).rejects.toMatchObject({ code: "code-expired" });
    await nothingSaved();
  });

  test("the code is bound to the worker and the person: another desk worker, or another ID number, cannot use it", async () => {
    const colleague = { ...people.desk, id: (await t.db.staffUser.create({ data: { username: "desk01b", role: "desk", areaCode: "450223", passwordHash: "x", displayName: "b" } })).id };
    await sendConsentCode(ctx(), people.desk, newElder, "zh-Hans");
    const code = lastCode();
    await expect(startSession(ctx(), colleague, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: PHONE, consentMethod: "sms-code", consentCode: code }))).rejects.toMatchObject({ code: "code-invalid" });
    await expect(start(code, { idNumber: idNumber("45022319500101001") })).rejects.toMatchObject({ code: "code-invalid" });
    await nothingSaved();
  });

  test("a consent code never signs anyone in, and a sign-in code never counts as consent", async () => {
    await sendConsentCode(ctx(), people.desk, newElder, "zh-Hans");
    expect(await verifyLoginCode({ phone: PHONE, code: lastCode() }, { db: t.db, now: clock.now })).toMatchObject({ ok: false });
    clock.advance(61);
    expect(await requestLoginCode({ phone: PHONE, ip: "10.0.0.1" }, { db: t.db, now: clock.now, sms })).toMatchObject({ ok: true });
    await expect(start(lastCode())).rejects.toMatchObject({ code: "code-invalid" });
    await nothingSaved();
  });

  test("sending is rate-limited: once a minute per number (the sign-in limits), and per worker", async () => {
    await sendConsentCode(ctx(), people.desk, newElder, "zh-Hans");
    await expect(sendConsentCode(ctx(), people.desk, newElder, "zh-Hans")).rejects.toMatchObject({ code: "rate-limited" });
    expect(sent).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { action: "desk.consent.code-refused", reason: "rate-limited" } })).toBe(1);
    // A worker sending to many numbers hits their own limit.
    for (let i = 1; i < CONSENT_CODE_PER_WORKER[0].max; i++) await sendConsentCode(ctx(), people.desk, { ...newElder, phone: `1390000${String(1000 + i)}` }, "zh-Hans");
    await expect(sendConsentCode(ctx(), people.desk, { ...newElder, phone: "13911112222" }, "zh-Hans")).rejects.toMatchObject({ code: "rate-limited" });
    await nothingSaved();
  });

  test("a person already of the area gets the code on the phone on file; another area's desk cannot send one; no phone, no code", async () => {
    const { sessionId } = await startSession(ctx(), people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: PHONE, consentPaperSigned: "on" }));
    const person = await t.db.deskSession.findUniqueOrThrow({ where: { id: sessionId } });
    await sendConsentCode(ctx(), people.desk, { personId: person.personId!, idNumber: null, phone: null }, "zh-Hans");
    expect(sent.at(-1)!.to).toBe(PHONE);
    const second = await startSession(ctx(), people.desk, startSessionSchema.parse({ personId: person.personId!, idNumber: "", phone: "", consentMethod: "sms-code", consentCode: lastCode() }));
    expect(await t.db.deskConsent.findFirstOrThrow({ where: { sessionId: second.sessionId } })).toMatchObject({ method: "sms-code" });

    const otherDesk = { ...people.desk, id: "other", areaCode: "210100" };
    await expect(sendConsentCode(ctx(), otherDesk, { personId: person.personId!, idNumber: null, phone: null }, "zh-Hans")).rejects.toMatchObject({ code: "not-found" });
    await expect(sendConsentCode(ctx(), people.desk, { personId: "", idNumber: ELDER_ID, phone: null }, "zh-Hans")).rejects.toMatchObject({ code: "phone-required" });
  });

  test("the form needs a six-digit code when the method is the code, and the ticked 授权书 when it is paper", () => {
    const base = { name: "韦阿婆", idNumber: ELDER_ID, phone: PHONE };
    expect(startSessionSchema.safeParse({ ...base, consentMethod: "sms-code", consentCode: "12a" }).success).toBe(false);
    expect(startSessionSchema.safeParse({ ...base, consentMethod: "sms-code", consentCode: "123 456" }).success).toBe(true);
    expect(startSessionSchema.safeParse({ ...base, consentMethod: "paper" }).success).toBe(false);
    expect(startSessionSchema.safeParse({ ...base, consentMethod: "fax", consentPaperSigned: "on" }).success).toBe(false);
  });
});
