import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { checkOneTimeCode, issueOneTimeCode, OTP_POLICY } from "@/lib/auth/otp";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { consentByCodeSchema, openCaseWithConsent, pupilForCase, type ConsentByCodeInput, type ConsentRecord } from "@/lib/schools/zhuanban/cases";

/**
 * The parent's consent to a 专班 case by a one-time code (besides the consent recorded on paper): the school
 * admin fills in the form, a code goes to the guardian phone on the roster (the project's one-time codes and
 * SMS outbox, lib/auth/otp.ts, under their own purpose: the code never signs anyone in), and the case opens
 * only when the code the parent tells the school checks out. The school cannot choose the phone: it is the
 * roster's. Wrong, expired and too many tries are the sign-in codes' rules; sending is rate-limited per phone
 * and address like sign-in codes. Every step audited; the form waits encrypted (it holds an ID number).
 */
export const CONSENT_PURPOSE = "school-case-consent" as const;

/** Send the consent code for a pupil: bound to the pupil (subject), limited per number and per requesting address. */
function sendCode(db: PrismaClient, phone: string, pupilId: string, ctx: CodeContext) {
  return issueOneTimeCode(
    {
      purpose: CONSENT_PURPOSE,
      phone,
      subject: pupilId,
      ip: ctx.ip,
      requester: (ipHash) => ({ scope: "otp-ip", key: ipHash ?? "unknown", limits: OTP_POLICY.perIp }),
      sms: { template: "school-case-consent" },
    },
    authCtx(db, ctx),
  );
}

export type ConsentCodeRefusal =
  | "not-found"
  | "not-on-roster"
  | "no-guardian-phone"
  | "rate-limited"
  | "sms-unavailable"
  | "code-invalid"
  | "code-expired"
  | "code-attempts-exceeded"
  | "request-expired";

type CodeContext = Partial<Pick<AuthContext, "sms" | "env">> & { ip: string; now: Date };

function authCtx(db: PrismaClient, ctx: CodeContext): Partial<AuthContext> {
  return { db, now: () => ctx.now, ...(ctx.sms ? { sms: ctx.sms } : {}), ...(ctx.env ? { env: ctx.env } : {}) };
}

/** How long a filled-in form waits for the parent's code: a few codes' lifetimes (a resend restarts the code, not this). */
const REQUEST_LIFETIME_MS = OTP_POLICY.ttlSeconds * 1000 * 6;

/** Send the code to the pupil's guardian phone and keep the form until the parent's code confirms it. */
export async function requestConsentCode(
  db: PrismaClient,
  actor: Actor,
  input: ConsentByCodeInput,
  ctx: CodeContext,
): Promise<{ ok: true; requestId: string; phoneMasked: string } | { ok: false; code: ConsentCodeRefusal; retryAfterSeconds?: number }> {
  const form = consentByCodeSchema.safeParse(input);
  if (!form.success) return { ok: false, code: "not-found" };
  const found = await pupilForCase(db, actor, form.data.idNumber);
  if (!found.ok) return { ok: false, code: found.code === "not-on-roster" ? "not-on-roster" : "not-found" };
  if (!found.pupil.guardianPhoneEncrypted) return { ok: false, code: "no-guardian-phone" };
  const phone = decryptField(found.pupil.guardianPhoneEncrypted);
  const sent = await sendCode(db, phone, found.pupil.id, ctx);
  if (!sent.ok) {
    await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "school.case.consent-code", target: found.pupil.id, reason: `refused:${sent.code}`, at: ctx.now });
    return { ok: false, code: sent.code === "rate-limited" ? "rate-limited" : sent.code === "sms-unavailable" ? "sms-unavailable" : "no-guardian-phone", retryAfterSeconds: sent.retryAfterSeconds };
  }
  const request = await db.schoolCaseConsentRequest.create({
    data: {
      schoolId: found.pupil.schoolId,
      pupilId: found.pupil.id,
      phoneHash: hashPhone(phone),
      formEncrypted: encryptField(JSON.stringify(form.data)),
      createdById: actor.id,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + REQUEST_LIFETIME_MS),
    },
    select: { id: true },
  });
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "school.case.consent-code", target: found.pupil.id, reason: `sent:${request.id}`, at: ctx.now });
  return { ok: true, requestId: request.id, phoneMasked: maskPhone(phone) };
}

type PendingRequest = { id: string; pupilId: string; phone: string; form: ConsentByCodeInput; expiresAt: Date };

/** A request of the actor's school still waiting for its code (not used, not past its lifetime), or why not. */
async function pendingRequest(db: PrismaClient, actor: Actor, requestId: string, now: Date): Promise<PendingRequest | "not-found" | "request-expired"> {
  if (actor.role !== "school_admin" || !actor.schoolId || !/^[a-z0-9]{10,40}$/.test(requestId)) return "not-found";
  const row = await db.schoolCaseConsentRequest.findUnique({ where: { id: requestId } });
  if (!row || row.schoolId !== actor.schoolId) return "not-found";
  if (row.usedAt || row.expiresAt <= now) return "request-expired";
  const pupil = await db.schoolPupil.findFirst({ where: { id: row.pupilId, schoolId: actor.schoolId, current: true }, select: { guardianPhoneEncrypted: true } });
  if (!pupil?.guardianPhoneEncrypted) return "not-found";
  const phone = decryptField(pupil.guardianPhoneEncrypted);
  // The roster's guardian phone changed since the code was sent: the code went to someone else.
  if (hashPhone(phone) !== row.phoneHash) return "request-expired";
  return { id: row.id, pupilId: row.pupilId, phone, form: consentByCodeSchema.parse(JSON.parse(decryptField(row.formEncrypted))), expiresAt: row.expiresAt };
}

/** What the code page shows: the masked phone the code went to. Null when the request is not the actor's school's or is over. */
export async function consentRequestView(db: PrismaClient, actor: Actor, requestId: string, now: Date): Promise<{ phoneMasked: string; relation: string } | null> {
  const req = await pendingRequest(db, actor, requestId, now);
  if (typeof req === "string") return null;
  return { phoneMasked: maskPhone(req.phone), relation: req.form.relation };
}

/** Send a new code for the same request (the earlier one stops working), under the same rate limits. */
export async function resendConsentCode(
  db: PrismaClient,
  actor: Actor,
  requestId: string,
  ctx: CodeContext,
): Promise<{ ok: true } | { ok: false; code: ConsentCodeRefusal; retryAfterSeconds?: number }> {
  const req = await pendingRequest(db, actor, requestId, ctx.now);
  if (typeof req === "string") return { ok: false, code: req };
  const sent = await sendCode(db, req.phone, req.pupilId, ctx);
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "school.case.consent-code", target: req.pupilId, reason: sent.ok ? `resent:${req.id}` : `refused:${sent.code}`, at: ctx.now });
  if (!sent.ok) return { ok: false, code: sent.code === "rate-limited" ? "rate-limited" : "sms-unavailable", retryAfterSeconds: sent.retryAfterSeconds };
  return { ok: true };
}

/**
 * The code the parent told the school: checked like a sign-in code (single use, expires, limited tries), then
 * the case opens with consent "sms-code" given now. A wrong code changes nothing but the try count.
 */
export async function confirmConsentCode(
  db: PrismaClient,
  actor: Actor,
  input: { requestId: string; code: string },
  ctx: CodeContext,
): Promise<{ ok: true; caseId: string; existing: boolean } | { ok: false; code: ConsentCodeRefusal }> {
  const req = await pendingRequest(db, actor, input.requestId, ctx.now);
  if (typeof req === "string") return { ok: false, code: req };
  const verified = await checkOneTimeCode({ phone: req.phone, code: input.code, purpose: CONSENT_PURPOSE, subject: req.pupilId }, authCtx(db, ctx));
  if (!verified.ok) {
    await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "school.case.consent-code", target: req.pupilId, reason: `wrong:${verified.code}`, at: ctx.now });
    const code = verified.code === "code-expired" || verified.code === "code-attempts-exceeded" ? verified.code : "code-invalid";
    return { ok: false, code };
  }
  // Used once, before the case opens: a second confirmation of the same request finds it used.
  const used = await db.schoolCaseConsentRequest.updateMany({ where: { id: req.id, usedAt: null }, data: { usedAt: ctx.now } });
  if (used.count === 0) return { ok: false, code: "request-expired" };
  const found = await pupilForCase(db, actor, req.form.idNumber);
  if (!found.ok) return { ok: false, code: "not-found" };
  const consent: ConsentRecord = { method: "sms-code", giverName: req.form.giverName, relation: req.form.relation, givenAt: ctx.now, shareIllness: req.form.shareIllness, illness: req.form.illness };
  const opened = await openCaseWithConsent(db, actor, { pupil: found.pupil, areaCode: found.areaCode }, consent, ctx.now);
  if (!opened.ok) return { ok: false, code: "not-found" };
  return opened;
}
