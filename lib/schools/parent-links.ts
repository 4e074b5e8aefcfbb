import { randomBytes } from "node:crypto";
import { refusalFor, type Reach } from "@/lib/auth/access";
import type { RateLimit } from "@/lib/auth/rate-limit";
import { consumeRateLimits } from "@/lib/auth/rate-limit";
import { addCalendarDays, type CalendarDate } from "@/lib/calendar/working-days";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashIp, keyedHash } from "@/lib/crypto/lookup-hash";
import { maskName } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isPupilStatus, type PupilStatus } from "@/lib/schools/statuses";
import type { EnrolmentSeason } from "@/lib/schools/season";

/**
 * A parent's link to one pupil's enrolment page: /{lng}/school/p/{token}, printed as a QR code on the
 * class sheet. No account: the token is the key, so it is 18 random bytes (144 bits), kept only as a
 * keyed hash for lookup plus encrypted for reprinting, and valid until the season's end (the last day a
 * late payment is accepted if the pack states one, else the day the season closes). It reaches one
 * pupil (lib/auth/access.ts "parent-token"). Wrong tokens are rate-limited per address.
 */
export const PARENT_LINK_POLICY = {
  tokenBytes: 18,
  /** Wrong tokens per address: a guesser is stopped long before 2^144 matters; a parent mistyping is not. */
  missesPerIp: [
    { windowSeconds: 10 * 60, max: 10 },
    { windowSeconds: 24 * 60 * 60, max: 50 },
  ] satisfies RateLimit[],
} as const;

const TOKEN = /^[A-Za-z0-9_-]{24}$/;

export function isParentTokenShape(token: string): boolean {
  return TOKEN.test(token);
}

export function hashParentToken(token: string): string {
  return keyedHash("parent-link", token);
}

/** The instant a season's links stop working: the start of the day after its last day, in China (UTC+8). */
export function parentLinkExpiry(season: Pick<EnrolmentSeason, "closes" | "latePaymentUntil">): Date {
  const last = (season.latePaymentUntil ?? season.closes) as CalendarDate;
  return new Date(`${addCalendarDays(last, 1)}T00:00:00+08:00`);
}

export function parentLinkPath(lng: string, token: string): string {
  return `/${lng}/school/p/${token}`;
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The token of each pupil's link, issued now for pupils without one or whose link expired (expiring at
 * `expiresAt`). Callers have checked the actor reaches these pupils.
 */
export async function parentLinksFor(db: Db, pupilIds: readonly string[], input: { expiresAt: Date; now: Date }): Promise<Map<string, string>> {
  const existing = await db.schoolParentLink.findMany({ where: { pupilId: { in: [...pupilIds] } } });
  const tokens = new Map<string, string>();
  for (const link of existing) if (link.expiresAt > input.now) tokens.set(link.pupilId, decryptField(link.tokenEncrypted));
  for (const pupilId of pupilIds) {
    if (tokens.has(pupilId)) continue;
    const token = randomBytes(PARENT_LINK_POLICY.tokenBytes).toString("base64url");
    const data = { tokenHash: hashParentToken(token), tokenEncrypted: encryptField(token), expiresAt: input.expiresAt, createdAt: input.now };
    await db.schoolParentLink.upsert({ where: { pupilId }, create: { pupilId, ...data }, update: data });
    tokens.set(pupilId, token);
  }
  return tokens;
}

export type ParentLinkResolution =
  | { ok: true; reach: Extract<Reach, { scope: "parent-token" }>; expiresAt: Date }
  | { ok: false; code: "not-found" | "expired" | "rate-limited" };

async function blockedSeconds(tx: Prisma.TransactionClient, key: string, now: Date): Promise<number> {
  let wait = 0;
  for (const limit of PARENT_LINK_POLICY.missesPerIp) {
    const since = new Date(now.getTime() - limit.windowSeconds * 1000);
    const oldest = await tx.rateLimitEvent.findFirst({
      where: { scope: "parent-link-miss", key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      skip: limit.max - 1,
      select: { createdAt: true },
    });
    if (oldest) wait = Math.max(wait, Math.ceil((oldest.createdAt.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
  }
  return wait;
}

/**
 * The reach a token gives, checked in this order: the address is not blocked for guessing, the token
 * exists, it has not expired. A wrong token counts against the address; a blocked address gets no answer
 * about any token, right or wrong.
 */
export async function resolveParentToken(db: PrismaClient, token: string, input: { ip: string; now: Date }): Promise<ParentLinkResolution> {
  const ipKey = hashIp(input.ip);
  return db.$transaction(async (tx) => {
    if ((await blockedSeconds(tx, ipKey, input.now)) > 0) {
      await recordAudit(tx, { actorType: "anonymous", action: "school.parent-link.rate-limited", ip: input.ip, at: input.now });
      return { ok: false, code: "rate-limited" } as const;
    }
    const link = isParentTokenShape(token) ? await tx.schoolParentLink.findUnique({ where: { tokenHash: hashParentToken(token) } }) : null;
    if (!link) {
      await consumeRateLimits(tx, [{ scope: "parent-link-miss", key: ipKey, limits: PARENT_LINK_POLICY.missesPerIp }], input.now);
      return { ok: false, code: "not-found" } as const;
    }
    if (link.expiresAt <= input.now) return { ok: false, code: "expired" } as const;
    return { ok: true, reach: { scope: "parent-token", pupilId: link.pupilId }, expiresAt: link.expiresAt } as const;
  });
}

export type ParentPupilView = {
  pupilId: string;
  nameMasked: string;
  schoolName: { zhHans: string; zhHant: string };
  areaCode: string;
  policyPackId: string;
  coverYear: number;
  status: PupilStatus;
  /** Partial 资助参保: yuan still to pay (decimal string to the fen), else null. Never the tier. */
  amountDue: string | null;
  receipts: number;
};

/** What the parent's page shows: one pupil, masked, the status only (never a note, never why a pupil is funded). */
export async function parentPupilView(db: Db, reach: Reach, pupilId: string): Promise<ParentPupilView | null> {
  if (refusalFor(reach, { pupilId }) !== null) return null;
  const pupil = await db.schoolPupil.findFirst({
    where: { id: pupilId, current: true },
    select: {
      id: true,
      status: true,
      amountDue: true,
      coverYear: true,
      person: { select: { nameEncrypted: true } },
      school: { select: { nameZhHans: true, nameZhHant: true, areaCode: true, area: { select: { policyPackId: true } } } },
    },
  });
  if (!pupil) return null;
  const receipts = await db.schoolPupilReceipt.count({ where: { pupilId: pupil.id } });
  return {
    pupilId: pupil.id,
    nameMasked: maskName(pupil.person.nameEncrypted ? decryptField(pupil.person.nameEncrypted) : ""),
    schoolName: { zhHans: pupil.school.nameZhHans, zhHant: pupil.school.nameZhHant },
    areaCode: pupil.school.areaCode,
    policyPackId: pupil.school.area.policyPackId,
    coverYear: pupil.coverYear,
    status: isPupilStatus(pupil.status) ? pupil.status : "unpaid",
    amountDue: pupil.amountDue,
    receipts,
  };
}
