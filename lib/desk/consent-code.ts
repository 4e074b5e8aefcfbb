import { z } from "zod";
import { checkOneTimeCode, issueOneTimeCode, OTP_POLICY } from "@/lib/auth/otp";
import { normalizePhone } from "@/lib/auth/phone";
import type { RateLimit } from "@/lib/auth/rate-limit";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { hashIdNumber, hashPhone } from "@/lib/crypto/lookup-hash";
import { maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { areasOfPerson, personClearValues } from "@/lib/people/persons";
import { smsScript } from "@/lib/sms/templates";
import type { SmsSender } from "@/lib/sms/types";

/**
 * Consent at a help desk by a one-time code to the applicant's phone (beside the signed paper 授权书):
 * the worker sends a code, the applicant reads it out from their own phone, the worker enters it, and
 * only then does the session start (lib/desk/sessions.ts startSession). It is the sign-in code machinery
 * (lib/auth/otp.ts: hashing, expiry, 5 tries, per-number limits, the hourly budget) with its own purpose
 * "desk-consent", so such a code never signs anyone in, bound to the worker and to the person the consent
 * is for, and with a per-worker limit instead of the per-IP one. Nothing about the applicant is saved
 * before the code checks out; sending and refusals are audited (with the number masked).
 */

export const CONSENT_METHODS = ["paper", "sms-code"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A desk worker may send this many consent codes (a busy window serves a few dozen people a day). */
export const CONSENT_CODE_PER_WORKER: RateLimit[] = [{ windowSeconds: 60 * 60, max: 30 }];

export type ConsentCodeError = "phone-required" | "phone-invalid" | "rate-limited" | "sms-unavailable" | "not-found" | "not-desk" | "code-invalid" | "code-expired" | "code-attempts-exceeded" | "code-format";

export class ConsentCodeRefusal extends Error {
  constructor(
    readonly code: ConsentCodeError,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = "ConsentCodeRefusal";
  }
}

/** Who the consent is for: a person already of the area (found by search), or a new one by ID number. */
export type ConsentSubject = { personId: string; idNumber: string | null; phone: string | null };

export const consentCodeSchema = z
  .string()
  .trim()
  .max(12)
  .transform((v) => v.replace(/\s/g, ""))
  .refine((v) => /^\d{6}$/.test(v), { message: "code-format" });

export type ConsentCodeContext = { db: Db; now?: () => Date; sms?: SmsSender | null };

const now = (ctx: ConsentCodeContext) => (ctx.now ? ctx.now() : new Date());

/** The code's subject: this worker, for this person (or this ID number, for someone not yet recorded). */
function subjectOf(user: StaffSessionUser, who: ConsentSubject): string {
  const person = who.personId ? `person:${who.personId}` : who.idNumber ? `id:${hashIdNumber(who.idNumber)}` : "new";
  return `${user.id}:${person}`;
}

/**
 * The phone the code goes to: the one the worker typed, else (a person already recorded) the one on
 * file. A person must be one of the desk's area's people.
 */
async function phoneFor(db: Db, user: StaffSessionUser, who: ConsentSubject): Promise<string> {
  if (user.role !== "desk" || !user.areaCode) throw new ConsentCodeRefusal("not-desk");
  if (who.personId) {
    if (!(await areasOfPerson(db, who.personId)).includes(user.areaCode)) throw new ConsentCodeRefusal("not-found");
    if (who.phone) return who.phone;
    const person = await db.person.findUnique({ where: { id: who.personId } });
    const phone = person ? personClearValues(person).phone : null;
    if (!phone) throw new ConsentCodeRefusal("phone-required");
    return normalizePhone(phone);
  }
  if (!who.phone) throw new ConsentCodeRefusal("phone-required");
  return who.phone;
}

/** Send the consent code to the applicant's phone, in the script the desk is using. Returns the number masked. */
export async function sendConsentCode(ctx: ConsentCodeContext, user: StaffSessionUser, who: ConsentSubject, script: string): Promise<{ phoneMasked: string; resendAfterSeconds: number }> {
  const phone = await phoneFor(ctx.db, user, who);
  const sent = await issueOneTimeCode(
    {
      purpose: "desk-consent",
      phone,
      subject: subjectOf(user, who),
      requester: () => ({ scope: "desk-consent-worker", key: user.id, limits: CONSENT_CODE_PER_WORKER }),
      sms: { template: `desk-consent.${smsScript(script)}` },
    },
    { db: ctx.db as PrismaClient, now: () => now(ctx), sms: ctx.sms ?? undefined },
  );
  const phoneMasked = maskPhone(phone);
  await recordAudit(ctx.db, {
    actorType: "staff",
    actorId: user.id,
    action: sent.ok ? "desk.consent.code-sent" : "desk.consent.code-refused",
    target: phoneMasked,
    reason: sent.ok ? null : sent.code,
    at: now(ctx),
  });
  if (!sent.ok) throw new ConsentCodeRefusal(sent.code, sent.retryAfterSeconds);
  return { phoneMasked, resendAfterSeconds: sent.resendAfterSeconds };
}

/**
 * Check the code the applicant read out (single use, 5 minutes, 5 tries). Refusals throw and are
 * audited; on success the phone's keyed hash is returned for the consent record.
 */
export async function confirmConsentCode(ctx: ConsentCodeContext, user: StaffSessionUser, who: ConsentSubject, code: string): Promise<{ phoneHash: string }> {
  const phone = await phoneFor(ctx.db, user, who);
  const checked = await checkOneTimeCode({ purpose: "desk-consent", phone, code, subject: subjectOf(user, who) }, { db: ctx.db as PrismaClient, now: () => now(ctx) });
  if (!checked.ok) {
    await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.consent.code-wrong", target: maskPhone(phone), reason: checked.code, at: now(ctx) });
    throw new ConsentCodeRefusal(checked.code);
  }
  return { phoneHash: hashPhone(phone) };
}

/** How long a sent code stays valid, for the worker's hint. */
export const CONSENT_CODE_TTL_MINUTES = OTP_POLICY.ttlSeconds / 60;
