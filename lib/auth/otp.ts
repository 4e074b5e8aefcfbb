import { randomInt } from "node:crypto";
import { smsHourlyBudget } from "@/lib/config/env";
import { hashesEqual, hashIp, hashPhone, keyedHash } from "@/lib/crypto/lookup-hash";
import { getSmsSender } from "@/lib/sms";
import { SmsUnavailableError, type SmsSender } from "@/lib/sms/types";
import { authContext, type AuthContext } from "@/lib/auth/context";
import type { CitizenSignInError, OtpRequestError } from "@/lib/auth/errors";
import { parsePhone } from "@/lib/auth/phone";
import { consumeRateLimits, pruneRateLimitEvents, type RateLimit, type RateLimitBucket } from "@/lib/auth/rate-limit";
import type { SmsTemplateId } from "@/lib/sms/templates";

/** One-time sign-in codes for citizens. */
export const OTP_POLICY = {
  codeLength: 6,
  /** A code is valid for 5 minutes. */
  ttlSeconds: 5 * 60,
  /** Tries per code (right or wrong); after 5 wrong ones the code is burnt. */
  maxAttempts: 5,
  /** What the UI shows as the resend countdown: the per-number 60 s limit. */
  resendAfterSeconds: 60,
  perPhone: [
    { windowSeconds: 60, max: 1 },
    { windowSeconds: 60 * 60, max: 5 },
    { windowSeconds: 24 * 60 * 60, max: 10 },
  ] satisfies RateLimit[],
  perIp: [{ windowSeconds: 60 * 60, max: 20 }] satisfies RateLimit[],
  /** All numbers together: YIZHAN_SMS_HOURLY_BUDGET codes per hour (default 1000), against SMS pumping from many addresses. */
  globalWindowSeconds: 60 * 60,
} as const;

const GLOBAL_SCOPE = "otp-global";

const LONGEST_WINDOW_SECONDS = 24 * 60 * 60;

export type RequestLoginCodeResult =
  | { ok: true; resendAfterSeconds: number }
  | { ok: false; code: OtpRequestError; retryAfterSeconds?: number };

export type VerifyLoginCodeResult =
  | { ok: true; phone: string; phoneHash: string }
  | { ok: false; code: Exclude<CitizenSignInError, "server-error"> };

/**
 * What a one-time code is for. Each purpose has its own codes: a code is only checked for the purpose
 * it was sent for (a consent code read out at a help desk never signs anyone in), and a new code
 * replaces only earlier codes of the same purpose.
 */
export type OneTimeCodePurpose = "sign-in" | "desk-consent";

/**
 * The stored HMAC of a code. Sign-in keeps its original form (codes in flight stay valid across a
 * deploy); other purposes bind the code to the purpose and to a subject (e.g. the desk worker and the
 * person a consent is for), so it is worth nothing to anyone else.
 */
function hashCode(phoneHash: string, code: string, purpose: OneTimeCodePurpose = "sign-in", subject = ""): string {
  if (purpose === "sign-in") return keyedHash("login-code", `${phoneHash}:${code}`);
  return keyedHash(`one-time-code/${purpose}` as const, `${phoneHash}:${subject}:${code}`);
}

function generateCode(): string {
  return randomInt(0, 10 ** OTP_POLICY.codeLength).toString().padStart(OTP_POLICY.codeLength, "0");
}

// One alert per process and hour is enough to wake someone; every refused request would flood the log.
let lastAlertHour = "";
function alertBudgetReached(env: AuthContext["env"], now: Date): void {
  const hour = now.toISOString().slice(0, 13);
  if (hour === lastAlertHour) return;
  lastAlertHour = hour;
  console.error(
    `[alert] SMS budget reached: ${smsHourlyBudget(env)} sign-in codes in the last hour (YIZHAN_SMS_HOURLY_BUDGET). ` +
      "New codes are refused until the hour's count falls; check for SMS pumping before raising it.",
  );
}

/**
 * Send a sign-in code to a mainland mobile number.
 * Only the code's HMAC is stored; a new code replaces any earlier one for the number.
 */
export async function requestLoginCode(
  input: { phone: string; ip: string },
  context: Partial<AuthContext> = {},
): Promise<RequestLoginCodeResult> {
  return issueOneTimeCode({ purpose: "sign-in", phone: input.phone, ip: input.ip, requester: (ipHash) => ({ scope: "otp-ip", key: ipHash ?? "unknown", limits: OTP_POLICY.perIp }) }, context);
}

/** What sending a code needs beyond the number: its purpose, who asks (their own rate limit), the SMS to send. */
export type IssueOneTimeCode = {
  purpose: OneTimeCodePurpose;
  phone: string;
  /** Bound into the code's hash (purposes other than sign-in): the same subject must be given to check it. */
  subject?: string;
  /** The requesting address, kept hashed with the code. */
  ip?: string;
  /** Who asks, limited on its own (the IP's hash for sign-in, a desk worker for consent): never a raw IP or number. */
  requester: (ipHash: string | null) => RateLimitBucket;
  /** The SMS (default: the sign-in text); `{code}` is added to its parameters. */
  sms?: { template: SmsTemplateId; params?: Record<string, string> };
};

/**
 * Send a one-time code for a purpose. The per-number limits (OTP_POLICY.perPhone) count every code a
 * number receives, whatever it is for, and the hourly budget covers them all; the requester has its
 * own bucket. Only the code's HMAC is stored; a new code replaces earlier ones of the same purpose.
 */
export async function issueOneTimeCode(input: IssueOneTimeCode, context: Partial<AuthContext> = {}): Promise<RequestLoginCodeResult> {
  const phone = parsePhone(input.phone);
  if (!phone) return { ok: false, code: "phone-invalid" };
  const ctx = authContext(context);

  let sender: SmsSender;
  try {
    sender = ctx.sms ?? getSmsSender({ db: ctx.db, env: ctx.env });
  } catch (error) {
    if (!(error instanceof SmsUnavailableError)) throw error;
    console.error(`[auth] one-time codes disabled: ${error.message}`);
    return { ok: false, code: "sms-unavailable" };
  }

  const now = ctx.now();
  const phoneHash = hashPhone(phone);
  const ipHash = input.ip === undefined ? null : hashIp(input.ip || "unknown");
  const code = generateCode();
  const purpose = input.purpose;

  const issued = await ctx.db.$transaction(async (tx) => {
    await pruneRateLimitEvents(tx, now, LONGEST_WINDOW_SECONDS);
    const limited = await consumeRateLimits(
      tx,
      [
        { scope: "otp-phone", key: phoneHash, limits: OTP_POLICY.perPhone },
        input.requester(ipHash),
        { scope: GLOBAL_SCOPE, key: "all", limits: [{ windowSeconds: OTP_POLICY.globalWindowSeconds, max: smsHourlyBudget(ctx.env) }] },
      ],
      now,
    );
    if (!limited.ok) {
      if (limited.blockedScopes.includes(GLOBAL_SCOPE)) alertBudgetReached(ctx.env, now);
      return limited;
    }
    // Earlier codes of this purpose stop working once a new one is sent.
    await tx.loginCode.updateMany({ where: { phoneHash, purpose, consumedAt: null }, data: { consumedAt: now } });
    await tx.loginCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - LONGEST_WINDOW_SECONDS * 1000) } } });
    const row = await tx.loginCode.create({
      data: {
        phoneHash,
        purpose,
        codeHash: hashCode(phoneHash, code, purpose, input.subject),
        expiresAt: new Date(now.getTime() + OTP_POLICY.ttlSeconds * 1000),
        requestIpHash: ipHash,
        createdAt: now,
      },
      select: { id: true },
    });
    return { ok: true as const, id: row.id };
  });
  if (!issued.ok) return { ok: false, code: "rate-limited", retryAfterSeconds: issued.retryAfterSeconds };

  try {
    const sms = input.sms ?? { template: "login-code" as const };
    await sender.send({ to: phone, template: sms.template, params: { ...sms.params, code } });
  } catch (error) {
    console.error(`[auth] sending a one-time code failed: ${(error as Error).message}`);
    await ctx.db.loginCode.update({ where: { id: issued.id }, data: { consumedAt: ctx.now() } });
    return { ok: false, code: "sms-unavailable" };
  }
  return { ok: true, resendAfterSeconds: OTP_POLICY.resendAfterSeconds };
}

/**
 * Check a code against the newest one sent to the number. Single use; expires
 * after 5 minutes; each try is counted before comparing, so parallel guesses
 * cannot exceed 5 either.
 */
export async function verifyLoginCode(
  input: { phone: string; code: string },
  context: Partial<AuthContext> = {},
): Promise<VerifyLoginCodeResult> {
  return checkOneTimeCode({ ...input, purpose: "sign-in" }, context);
}

/**
 * Check a code against the newest one of its purpose sent to the number (and, for purposes other than
 * sign-in, for the same subject). Single use; expires after 5 minutes; each try is counted before
 * comparing, so parallel guesses cannot exceed 5 either.
 */
export async function checkOneTimeCode(
  input: { phone: string; code: string; purpose: OneTimeCodePurpose; subject?: string },
  context: Partial<AuthContext> = {},
): Promise<VerifyLoginCodeResult> {
  const purpose = input.purpose;
  const phone = parsePhone(input.phone);
  if (!phone) return { ok: false, code: "phone-invalid" };
  const ctx = authContext(context);
  const now = ctx.now();
  const phoneHash = hashPhone(phone);

  const latest = await ctx.db.loginCode.findFirst({
    where: { phoneHash, purpose },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!latest) return { ok: false, code: "code-invalid" };
  if (latest.consumedAt) return { ok: false, code: "code-invalid" }; // used, or replaced by a newer code
  if (latest.attempts >= OTP_POLICY.maxAttempts) return { ok: false, code: "code-attempts-exceeded" };
  if (latest.expiresAt.getTime() <= now.getTime()) return { ok: false, code: "code-expired" };

  const reserved = await ctx.db.loginCode.updateMany({
    where: { id: latest.id, consumedAt: null, attempts: { lt: OTP_POLICY.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (reserved.count === 0) {
    const current = await ctx.db.loginCode.findUnique({ where: { id: latest.id }, select: { attempts: true } });
    return { ok: false, code: (current?.attempts ?? 0) >= OTP_POLICY.maxAttempts ? "code-attempts-exceeded" : "code-invalid" };
  }

  const code = String(input.code ?? "").replace(/\s/g, "");
  const matches = /^\d+$/.test(code) && hashesEqual(hashCode(phoneHash, code, purpose, input.subject), latest.codeHash);
  if (!matches) {
    const current = await ctx.db.loginCode.findUnique({ where: { id: latest.id }, select: { attempts: true } });
    return { ok: false, code: (current?.attempts ?? 0) >= OTP_POLICY.maxAttempts ? "code-attempts-exceeded" : "code-invalid" };
  }

  const consumed = await ctx.db.loginCode.updateMany({
    where: { id: latest.id, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (consumed.count === 0) return { ok: false, code: "code-invalid" };
  return { ok: true, phone, phoneHash };
}
