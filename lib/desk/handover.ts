import { randomBytes } from "node:crypto";
import { accessRefusal } from "@/lib/auth/access";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { SECTION_IDS } from "@/lib/applications/draft-schema";
import { decryptData } from "@/lib/applications/service";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { keyedHash } from "@/lib/crypto/lookup-hash";
import { maskName } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sessionActor } from "@/lib/desk/sessions";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { areasOfPerson, linkPersonToCitizen } from "@/lib/people/persons";

/**
 * Hand-over by QR (窗口帮办 → 手机继续): at any point of an assisted session with a draft, the desk worker
 * shows (or prints) a QR code; the applicant or a relative scans it, signs in with their phone and continues
 * the same draft on their own phone. Taking it moves the draft to that citizen account in one transaction:
 * the draft becomes the account's open draft, the session's person is linked to the account when the phone
 * is the person's own (people and citizens are matched by phone, as on submit), the session ends
 * ("handed-over") and with it the desk's access (lib/auth/access.ts "desk-session" reaches open sessions
 * only). If the account already has an open draft with anything in it, the applicant chooses which one to
 * keep and confirms that the other is deleted; nothing is merged. Every step is audited.
 */
export const HANDOVER_POLICY = {
  /** 18 random bytes (144 bits, 24 URL-safe characters): the token is the only key a QR code carries. */
  tokenBytes: 18,
  /**
   * A code works for 30 minutes after the desk shows it: long enough to sign in by SMS code in the queue or
   * at home the same morning, short enough that a printed slip left behind is no key. Like the sign-in
   * code's lifetime (lib/auth/otp.ts OTP_POLICY), a security setting rather than a policy rule.
   */
  ttlSeconds: 30 * 60,
} as const;

type Tx = Prisma.TransactionClient;
export type HandoverContext = { db: Db; now?: () => Date };

const TOKEN = /^[A-Za-z0-9_-]{24}$/;
const now = (ctx: HandoverContext) => (ctx.now ? ctx.now() : new Date());

export function hashHandoverToken(token: string): string {
  return keyedHash("desk-handover", token);
}

/** Where the QR code points: the applicant's own page for taking the draft (sign-in first). */
export function handoverPath(lng: string, token: string): string {
  return `/${lng}/handover/${token}`;
}

/** The session when this desk worker may act in it now (open, their area, one of the area's people). */
async function reachableSession(db: Db | Tx, user: StaffSessionUser, sessionId: string) {
  if (user.role !== "desk") return null;
  const row = await db.deskSession.findUnique({ where: { id: sessionId } });
  if (!row || !row.personId) return null;
  const refusal = accessRefusal(sessionActor(user, sessionId), {
    areaCodes: await areasOfPerson(db, row.personId),
    deskSession: { id: row.id, areaCode: row.areaCode, open: row.status === "open" },
  });
  return { row, refusal };
}

export type DeskHandoverState =
  | { status: "open"; hasDraft: boolean; current: { token: string; expiresAt: Date } | null }
  | { status: "handed-over" | "withdrawn" | "closed"; endedAt: Date | null };

/**
 * What the desk may know of a session's hand-over. While the session is open: whether it has a draft to hand
 * over, and the code currently shown (unused, not replaced, not expired). Once it ended: only that it did and
 * when (no person, no draft). Null for a session the desk does not reach at all (another area, not found).
 */
export async function handoverStateFor(ctx: HandoverContext, user: StaffSessionUser, sessionId: string): Promise<DeskHandoverState | null> {
  const reached = await reachableSession(ctx.db, user, sessionId);
  if (!reached) return null;
  const { row, refusal } = reached;
  if (refusal === "session-ended") return { status: row.status as "handed-over", endedAt: row.endedAt };
  if (refusal) return null;
  const draft = await ctx.db.application.findUnique({ where: { deskSessionId: row.id }, select: { status: true } });
  const at = now(ctx);
  const shown = await ctx.db.deskHandover.findFirst({
    where: { sessionId: row.id, usedAt: null, revokedAt: null, expiresAt: { gt: at } },
    orderBy: { createdAt: "desc" },
  });
  return {
    status: "open",
    hasDraft: draft?.status === "draft",
    current: shown && draft?.status === "draft" ? { token: decryptField(shown.tokenEncrypted), expiresAt: shown.expiresAt } : null,
  };
}

/**
 * Show a new hand-over code for the session's draft (a code shown before and not used stops working:
 * only one is live). Null when the desk may not act in the session or it has no draft.
 */
export async function issueHandover(ctx: HandoverContext, user: StaffSessionUser, sessionId: string): Promise<{ token: string; expiresAt: Date } | null> {
  const at = now(ctx);
  return ctx.db.$transaction(async (tx) => {
    const reached = await reachableSession(tx, user, sessionId);
    if (!reached || reached.refusal) return null;
    const draft = await tx.application.findUnique({ where: { deskSessionId: sessionId }, select: { status: true } });
    if (draft?.status !== "draft") return null;
    await tx.deskHandover.updateMany({ where: { sessionId, usedAt: null, revokedAt: null }, data: { revokedAt: at } });
    const token = randomBytes(HANDOVER_POLICY.tokenBytes).toString("base64url");
    const expiresAt = new Date(at.getTime() + HANDOVER_POLICY.ttlSeconds * 1000);
    await tx.deskHandover.create({
      data: { sessionId, tokenHash: hashHandoverToken(token), tokenEncrypted: encryptField(token), expiresAt, createdById: user.id, createdAt: at },
    });
    await recordAudit(tx, { actorType: "staff", actorId: user.id, action: "desk.handover.issue", target: sessionId, at });
    return { token, expiresAt };
  });
}

export type HandoverRefusal = "not-found" | "expired" | "used";

type LiveHandover = { handoverId: string; sessionId: string; applicationId: string; personId: string; deskName: { zhHans: string; zhHant: string } | null };

/** The live hand-over a token names, or why it is not one. Nothing personal: safe to show before sign-in. */
async function liveHandover(db: Db | Tx, token: string, at: Date): Promise<{ ok: true; live: LiveHandover } | { ok: false; code: HandoverRefusal }> {
  const row = TOKEN.test(token)
    ? await db.deskHandover.findUnique({ where: { tokenHash: hashHandoverToken(token) }, include: { session: { include: { helpDesk: true, application: true } } } })
    : null;
  if (!row) return { ok: false, code: "not-found" };
  if (row.usedAt) return { ok: false, code: "used" };
  // A replaced code, a session that ended another way or a draft that is gone: the code leads nowhere.
  const application = row.session.application;
  if (row.revokedAt || row.session.status !== "open" || !row.session.personId || application?.status !== "draft") return { ok: false, code: "not-found" };
  if (row.expiresAt <= at) return { ok: false, code: "expired" };
  const desk = row.session.helpDesk;
  return {
    ok: true,
    live: {
      handoverId: row.id,
      sessionId: row.sessionId,
      applicationId: application.id,
      personId: row.session.personId,
      deskName: desk ? { zhHans: desk.nameZhHans, zhHant: desk.nameZhHant } : null,
    },
  };
}

export type DraftSummary = { completedSections: number; totalSections: number; documents: number; applicantNameMasked: string | null; updatedAt: Date };

async function summaryOf(db: Db | Tx, applicationId: string): Promise<DraftSummary> {
  const row = await db.application.findUniqueOrThrow({ where: { id: applicationId }, include: { _count: { select: { documents: true } } } });
  const data = decryptData(row.dataEncrypted);
  const sections = SECTION_IDS.filter((s) => s !== "documents");
  return {
    completedSections: sections.filter((s) => data[s] !== undefined).length,
    totalSections: sections.length,
    documents: row._count.documents,
    applicantNameMasked: data.applicant?.name ? maskName(data.applicant.name) : null,
    updatedAt: row.updatedAt,
  };
}

/** A draft the applicant has put something in (a section saved or a document uploaded): theirs to keep or let go. */
function hasContent(summary: DraftSummary): boolean {
  return summary.completedSections > 0 || summary.documents > 0;
}

async function ownDraftOf(db: Db | Tx, citizenId: string) {
  return db.application.findUnique({ where: { draftOwnerId: citizenId }, select: { id: true, status: true } });
}

export type HandoverView =
  | { ok: false; code: HandoverRefusal }
  | { ok: true; deskName: { zhHans: string; zhHant: string } | null; desk: DraftSummary; own: DraftSummary | null };

/**
 * What the signed-in citizen sees before taking the draft: the desk that helped and, when their account
 * already has an open draft with something in it, both drafts side by side (counts and masked names only)
 * so they can choose. Looking does not use the code.
 */
export async function handoverViewFor(ctx: HandoverContext, citizenId: string, token: string): Promise<HandoverView> {
  const found = await liveHandover(ctx.db, token, now(ctx));
  if (!found.ok) return found;
  const desk = await summaryOf(ctx.db, found.live.applicationId);
  const own = await ownDraftOf(ctx.db, citizenId);
  const ownSummary = own ? await summaryOf(ctx.db, own.id) : null;
  return { ok: true, deskName: found.live.deskName, desk, own: ownSummary && hasContent(ownSummary) ? ownSummary : null };
}

/** Which draft to keep when the account already has one: the one from the desk, or the account's own. */
export type KeepChoice = "desk" | "own";

export type ClaimResult =
  | { ok: true; kept: KeepChoice; sessionId: string }
  | { ok: false; code: HandoverRefusal | "choose" | "not-confirmed" | "conflict" };

class ClaimConflict extends Error {}

/**
 * Take the desk's draft onto the signed-in account, in one transaction (never half-done): the code is used
 * (once), the draft becomes the account's open draft (or, when they chose to keep their own, the desk's draft
 * is deleted), the account's own draft is deleted only when they chose the desk's and confirmed it, the
 * session's person is linked to the account when the phone is the person's, and the session ends.
 */
export async function claimHandover(
  ctx: HandoverContext,
  citizenId: string,
  token: string,
  input: { keep?: KeepChoice | null; confirmed?: boolean } = {},
): Promise<ClaimResult> {
  const at = now(ctx);
  try {
    return await ctx.db.$transaction(async (tx): Promise<ClaimResult> => {
      const found = await liveHandover(tx, token, at);
      if (!found.ok) return found;
      const { live } = found;
      const own = await ownDraftOf(tx, citizenId);
      const ownSummary = own ? await summaryOf(tx, own.id) : null;
      const mustChoose = ownSummary !== null && hasContent(ownSummary);
      if (mustChoose && !input.keep) return { ok: false, code: "choose" };
      if (mustChoose && !input.confirmed) return { ok: false, code: "not-confirmed" };
      const keep: KeepChoice = mustChoose ? input.keep! : "desk";

      // Single use: whoever sets usedAt first takes the draft; a second scan finds it used.
      const used = await tx.deskHandover.updateMany({ where: { id: live.handoverId, usedAt: null }, data: { usedAt: at, usedByCitizenId: citizenId } });
      if (used.count !== 1) throw new ClaimConflict();
      const ended = await tx.deskSession.updateMany({ where: { id: live.sessionId, status: "open" }, data: { status: "handed-over", endedAt: at } });
      if (ended.count !== 1) throw new ClaimConflict();
      await tx.deskHandover.updateMany({ where: { sessionId: live.sessionId, usedAt: null, revokedAt: null }, data: { revokedAt: at } });

      if (keep === "own") {
        await tx.application.deleteMany({ where: { id: live.applicationId, status: "draft" } });
      } else {
        // An empty draft of the account's (created by opening the form) holds nothing to choose between.
        if (own) await tx.application.deleteMany({ where: { id: own.id, status: "draft" } });
        const moved = await tx.application.updateMany({
          where: { id: live.applicationId, status: "draft", draftOwnerId: null },
          data: { citizenId, draftOwnerId: citizenId },
        });
        if (moved.count !== 1) throw new ClaimConflict();
      }

      const citizen = await tx.citizen.findUniqueOrThrow({ where: { id: citizenId }, select: { phoneHash: true } });
      const person = await tx.person.findUniqueOrThrow({ where: { id: live.personId }, select: { phoneHash: true } });
      // The person is this account's holder only when they signed in with the person's own phone (a relative's
      // phone takes the draft, not the identity); the ID number links them at submit, as for any application.
      const linked = person.phoneHash !== null && person.phoneHash === citizen.phoneHash ? await linkPersonToCitizen(tx, live.personId, citizenId) : false;
      await recordAudit(tx, {
        actorType: "citizen",
        actorId: citizenId,
        action: "desk.handover.claim",
        target: live.sessionId,
        reason: [`kept:${keep}`, mustChoose ? "other-deleted" : null, linked ? "person-linked" : null].filter(Boolean).join(";"),
        at,
      });
      return { ok: true, kept: keep, sessionId: live.sessionId };
    });
  } catch (e) {
    if (e instanceof ClaimConflict) return { ok: false, code: "conflict" };
    throw e;
  }
}

/** The words of a handed-over session's page (components/desk/handed-over.tsx). */
export function handedOverTexts(lng: Locale, endedAt: Date | null) {
  const t = getT(lng, "handover");
  return {
    done: t("desk.done"),
    doneAt: endedAt ? t("desk.doneAt", { at: formatDateTime(endedAt, lng) }) : null,
    backToDesk: t("desk.backToDesk"),
    deskHref: `/${lng}/desk`,
  };
}
