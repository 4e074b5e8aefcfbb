import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { signInCitizen } from "@/lib/auth/citizen";
import { OTP_POLICY, requestLoginCode, verifyLoginCode } from "@/lib/auth/otp";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { createPrismaClient } from "@/lib/db/client";
import { SmsSendError, type SmsMessage, type SmsSender } from "@/lib/sms/types";
import { readEnv, smsHourlyBudget } from "@/lib/config/env";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

class CapturingSender implements SmsSender {
  sent: SmsMessage[] = [];
  async send(message: SmsMessage) {
    this.sent.push(message);
    return { id: `sms-${this.sent.length}` };
  }
  lastCode(): string {
    const code = this.sent.at(-1)?.params.code;
    if (!code) throw new Error("no code sent");
    return code;
  }
}

const PHONE = "13800000001";
const IP = "203.0.113.7";

let t: TestDb;
let clock: ReturnType<typeof fakeClock>;
let sms: CapturingSender;
let ctx: { db: TestDb["db"]; now: () => Date; sms: SmsSender };

beforeEach(async () => {
  t = await createTestDb();
  clock = fakeClock();
  sms = new CapturingSender();
  ctx = { db: t.db, now: clock.now, sms };
});
afterEach(async () => {
  await t.close();
});

async function sendCode(phone = PHONE, ip = IP): Promise<string> {
  const result = await requestLoginCode({ phone, ip }, ctx);
  expect(result).toEqual({ ok: true, resendAfterSeconds: 60 });
  return sms.lastCode();
}

describe("login codes: storage and verification", () => {
  test("a 6-digit code is sent and only its HMAC is stored", async () => {
    const code = await sendCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(sms.sent[0]).toMatchObject({ to: PHONE, template: "login-code" });
    const rows = await t.db.loginCode.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].codeHash).not.toContain(code);
    expect(rows[0].phoneHash).toBe(hashPhone(PHONE));
    expect(JSON.stringify(rows)).not.toContain(PHONE);
  });

  test("the right code signs in once; using it again fails (single use)", async () => {
    const code = await sendCode();
    expect(await verifyLoginCode({ phone: PHONE, code }, ctx)).toMatchObject({ ok: true, phone: PHONE });
    expect(await verifyLoginCode({ phone: PHONE, code }, ctx)).toEqual({ ok: false, code: "code-invalid" });
  });

  test("a code works until 5 minutes have passed, then it has expired", async () => {
    const code = await sendCode();
    clock.advance(OTP_POLICY.ttlSeconds - 1);
    expect((await verifyLoginCode({ phone: PHONE, code }, ctx)).ok).toBe(true);

    clock.advance(60);
    const second = await sendCode();
    clock.advance(OTP_POLICY.ttlSeconds);
    expect(await verifyLoginCode({ phone: PHONE, code: second }, ctx)).toEqual({ ok: false, code: "code-expired" });
  });

  test("wrong codes count; the 5th wrong one burns the code, even for the right code afterwards", async () => {
    const code = await sendCode();
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      expect(await verifyLoginCode({ phone: PHONE, code: wrong }, ctx)).toEqual({ ok: false, code: "code-invalid" });
    }
    expect(await verifyLoginCode({ phone: PHONE, code: wrong }, ctx)).toEqual({ ok: false, code: "code-attempts-exceeded" });
    expect(await verifyLoginCode({ phone: PHONE, code }, ctx)).toEqual({ ok: false, code: "code-attempts-exceeded" });
    expect((await t.db.loginCode.findFirstOrThrow()).attempts).toBe(5);
  });

  test("four wrong codes and then the right one still signs in", async () => {
    const code = await sendCode();
    for (let i = 0; i < 4; i++) await verifyLoginCode({ phone: PHONE, code: "abc" }, ctx);
    expect((await verifyLoginCode({ phone: PHONE, code }, ctx)).ok).toBe(true);
  });

  test("parallel guesses cannot exceed 5 attempts", async () => {
    const code = await sendCode();
    const wrong = code === "000000" ? "111111" : "000000";
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyLoginCode({ phone: PHONE, code: wrong }, ctx)));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect((await t.db.loginCode.findFirstOrThrow()).attempts).toBe(5);
  });

  test("a new code replaces the previous one", async () => {
    const first = await sendCode();
    clock.advance(61);
    const second = await sendCode();
    if (first !== second) {
      expect(await verifyLoginCode({ phone: PHONE, code: first }, ctx)).toEqual({ ok: false, code: "code-invalid" });
    }
    expect((await verifyLoginCode({ phone: PHONE, code: second }, ctx)).ok).toBe(true);
  });

  test("no code was ever sent → code-invalid; a code for one number does not work for another", async () => {
    expect(await verifyLoginCode({ phone: PHONE, code: "123456" }, ctx)).toEqual({ ok: false, code: "code-invalid" });
    const code = await sendCode("13900000009");
    expect(await verifyLoginCode({ phone: PHONE, code }, ctx)).toEqual({ ok: false, code: "code-invalid" });
  });

  test("signing in creates the citizen once, with the number encrypted, and audits it", async () => {
    const code = await sendCode();
    const first = await signInCitizen({ phone: PHONE, code, ip: IP }, ctx);
    expect(first).toEqual({ ok: true, user: { kind: "citizen", id: expect.any(String), displayName: "138****0001" }, sessionVersion: 0 });
    clock.advance(61);
    const again = await signInCitizen({ phone: PHONE, code: await sendCode() }, ctx);
    expect(again.ok && first.ok && again.user.id === first.user.id).toBe(true);
    const citizens = await t.db.citizen.findMany();
    expect(citizens).toHaveLength(1);
    expect(citizens[0].phoneEncrypted).not.toContain(PHONE);
    expect(await t.db.auditLog.count({ where: { action: "citizen.sign-in" } })).toBe(2);
  });
});

describe("login codes: phone validation", () => {
  test.each([
    ["too short", "1380000000"],
    ["too long", "138000000011"],
    ["second digit 2", "12800000001"],
    ["not starting with 1", "23800000001"],
    ["letters", "1380000000a"],
    ["empty", ""],
    ["landline", "0772-6812345"],
  ])("%s (%s) → phone-invalid, nothing sent", async (_label, phone) => {
    expect(await requestLoginCode({ phone, ip: IP }, ctx)).toEqual({ ok: false, code: "phone-invalid" });
    expect(await verifyLoginCode({ phone, code: "123456" }, ctx)).toEqual({ ok: false, code: "phone-invalid" });
    expect(sms.sent).toHaveLength(0);
  });

  test.each(["+86 138 0000 0001", "138-0000-0001", "008613800000001", " 13800000001 "])(
    "%s is the same number as 13800000001",
    async (phone) => {
      await requestLoginCode({ phone, ip: IP }, ctx);
      expect(sms.sent[0].to).toBe(PHONE);
    },
  );
});

describe("login codes: rate limits", () => {
  test("per number: one code per 60 s, with the wait in seconds", async () => {
    await sendCode();
    clock.advance(20);
    expect(await requestLoginCode({ phone: PHONE, ip: IP }, ctx)).toEqual({
      ok: false,
      code: "rate-limited",
      retryAfterSeconds: 40,
    });
    clock.advance(40);
    expect((await requestLoginCode({ phone: PHONE, ip: IP }, ctx)).ok).toBe(true);
    expect(sms.sent).toHaveLength(2);
  });

  test("per number: at most 5 codes an hour", async () => {
    for (let i = 0; i < 5; i++) {
      await sendCode();
      clock.advance(61);
    }
    const blocked = await requestLoginCode({ phone: PHONE, ip: IP }, ctx);
    expect(blocked).toMatchObject({ ok: false, code: "rate-limited" });
    // The first of the five was sent 5 × 61 s ago; it leaves the hour window after 3600 s.
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBe(3600 - 5 * 61);
    clock.advance(3600 - 5 * 61);
    expect((await requestLoginCode({ phone: PHONE, ip: IP }, ctx)).ok).toBe(true);
  });

  test("per IP: at most 20 codes an hour, whatever the numbers; other IPs are unaffected", async () => {
    for (let i = 0; i < 20; i++) await sendCode(`139000000${String(i).padStart(2, "0")}`);
    expect(await requestLoginCode({ phone: "13700000000", ip: IP }, ctx)).toMatchObject({ ok: false, code: "rate-limited" });
    expect((await requestLoginCode({ phone: "13700000000", ip: "198.51.100.1" }, ctx)).ok).toBe(true);
  });

  test("a refused request does not use up the other limit", async () => {
    await sendCode(PHONE, "198.51.100.1");
    // Same number, new IP: refused by the number's limit, and the new IP's count stays 0.
    expect((await requestLoginCode({ phone: PHONE, ip: IP }, ctx)).ok).toBe(false);
    expect(await t.db.rateLimitEvent.count({ where: { scope: "otp-ip" } })).toBe(1);
  });

  test("all numbers together: past the hourly SMS budget nobody gets a code from any address, and one alert is logged", async () => {
    const budget = { ...ctx, env: readEnv({ ...process.env, YIZHAN_SMS_HOURLY_BUDGET: "3" }) };
    const alert = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Rotating addresses and numbers (SMS pumping) used to get a code every time.
      for (let i = 0; i < 3; i++) {
        expect((await requestLoginCode({ phone: `1390000010${i}`, ip: `198.51.100.${i}` }, budget)).ok).toBe(true);
      }
      for (let i = 3; i < 6; i++) {
        expect(await requestLoginCode({ phone: `1390000010${i}`, ip: `198.51.100.${i}` }, budget)).toMatchObject({
          ok: false,
          code: "rate-limited",
          retryAfterSeconds: 3600,
        });
      }
      expect(sms.sent).toHaveLength(3);
      expect(alert).toHaveBeenCalledTimes(1);
      expect(alert.mock.calls[0][0]).toMatch(/^\[alert\] SMS budget reached: 3 sign-in codes in the last hour/);
      // An hour after the first, sending resumes.
      clock.advance(3600);
      expect((await requestLoginCode({ phone: "13900000106", ip: "198.51.100.6" }, budget)).ok).toBe(true);
    } finally {
      alert.mockRestore();
    }
  });

  test("the default budget is 1000 codes an hour; a malformed setting is refused, not guessed", () => {
    expect(smsHourlyBudget(readEnv({}))).toBe(1000);
    expect(smsHourlyBudget(readEnv({ YIZHAN_SMS_HOURLY_BUDGET: "200" }))).toBe(200);
    expect(() => readEnv({ YIZHAN_SMS_HOURLY_BUDGET: "lots" })).toThrow();
    expect(() => readEnv({ YIZHAN_SMS_HOURLY_BUDGET: "0" })).toThrow();
  });

  test("limits are in the database, so they survive a restart", async () => {
    await sendCode();
    const restarted = createPrismaClient(t.url);
    try {
      expect(await requestLoginCode({ phone: PHONE, ip: IP }, { ...ctx, db: restarted })).toMatchObject({
        ok: false,
        code: "rate-limited",
      });
    } finally {
      await restarted.$disconnect();
    }
  });
});

describe("login codes: SMS sending", () => {
  test("production without an SMS provider refuses to start sign-in, storing and counting nothing", async () => {
    const env = readEnv({ NODE_ENV: "production" });
    const result = await requestLoginCode({ phone: PHONE, ip: IP }, { db: t.db, now: clock.now, env });
    expect(result).toEqual({ ok: false, code: "sms-unavailable" });
    expect(await t.db.loginCode.count()).toBe(0);
    expect(await t.db.rateLimitEvent.count()).toBe(0);
  });

  test("when the provider fails the code is withdrawn and the answer is sms-unavailable", async () => {
    let attempted = "";
    const failing: SmsSender = {
      async send(message) {
        attempted = message.params.code;
        throw new SmsSendError("gateway down");
      },
    };
    const result = await requestLoginCode({ phone: PHONE, ip: IP }, { ...ctx, sms: failing });
    expect(result).toEqual({ ok: false, code: "sms-unavailable" });
    expect(await verifyLoginCode({ phone: PHONE, code: attempted }, ctx)).toEqual({ ok: false, code: "code-invalid" });
  });
});
