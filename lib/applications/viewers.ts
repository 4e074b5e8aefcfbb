import { z } from "zod";
import { refusalFor } from "@/lib/auth/access";
import type { CalendarDate } from "@/lib/calendar/working-days";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { maskName, maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { phone } from "@/lib/applications/draft-schema";
import { type ApplicationStatus, type TimelineStep } from "@/lib/applications/state-machine";
import { documentsOwed, loadView, mayAccessApplication, type ServiceContext } from "@/lib/applications/service";
import { smsScript, type SmsScript } from "@/lib/sms/templates";

/**
 * 与家人共享进度: the applicant lets one family member follow one application. The family member signs in with
 * their own phone (the ordinary citizen sign-in) and finds it under 我的 → 与我共享.
 *
 * What a viewer sees is the least that lets them help with the next step: the reference, the applicant's name
 * masked (whose application it is), the status, the timeline's dates and deadlines, and which document types are
 * still owed and by when. Nothing else: no answers (illness, household, 低保/特困 status, ID numbers, phone, bank
 * account), no amounts (proposed, approved or paid), no staff notes or reasons (they may name the illness), no
 * messages and no documents. A viewer can never act: no upload, no hand-in, no edit (the pages and actions for
 * those take only the owner's reach). Adding needs the applicant's explicit confirmation; adding, removing and
 * every view leave an audit row; removing ends access at the next request, since every read checks for a share
 * that is not removed (the `viewer` reach in lib/auth/access.ts).
 */

/** The applicant's form: the family member's phone and the confirmation of what they will see. */
export const addViewerSchema = z.object({
  phone,
  // The applicant's confirmation, a checkbox that says what the family member will and will not see.
  confirm: z
    .unknown()
    .refine((v) => v === "on" || v === "yes", "confirm-required")
    .transform(() => true as const),
});
export type AddViewerInput = z.infer<typeof addViewerSchema>;

export type ViewerError = "not-found" | "own-phone" | "viewer-exists";
export type AddViewerResult = { ok: true; viewerId: string; invited: boolean } | { ok: false; code: ViewerError };

/** The share as the applicant sees it. */
export type ActiveViewer = { id: string; phoneMasked: string; addedAt: Date };

/** A shared application as it appears on the family member's 我的. */
export type SharedItem = { applicationId: string; reference: string; applicantMasked: string; status: ApplicationStatus };

/** What a family member may see of a shared application (built field by field: nothing else can leak). */
export type SharedTimeline = {
  id: string;
  reference: string;
  applicantMasked: string;
  status: ApplicationStatus;
  timeline: TimelineStep[];
  overdue: boolean;
  owed: { documents: string[]; dueOn: CalendarDate | null; provisional: boolean } | null;
};

const now = (ctx: ServiceContext) => (ctx.now ? ctx.now() : new Date());

async function ownApplication(ctx: ServiceContext, citizenId: string, applicationId: string) {
  const row = await ctx.db.application.findUnique({ where: { id: applicationId }, select: { id: true, citizenId: true, areaCode: true, status: true, reference: true } });
  if (!row || row.status === "draft" || !row.reference || !mayAccessApplication({ id: citizenId, role: "citizen" }, row)) return null;
  return { ...row, reference: row.reference };
}

/** The applicant's current share of their application (null when none); undefined when the application is not theirs. */
export async function activeViewerFor(ctx: ServiceContext, citizenId: string, applicationId: string): Promise<ActiveViewer | null | undefined> {
  if (!(await ownApplication(ctx, citizenId, applicationId))) return undefined;
  const row = await ctx.db.applicationViewer.findFirst({ where: { applicationId, removedAt: null }, orderBy: { addedAt: "desc" } });
  return row ? { id: row.id, phoneMasked: maskPhone(decryptField(row.phoneEncrypted)), addedAt: row.addedAt } : null;
}

/**
 * The applicant adds one family member (one at a time: remove the current one first). The schema has already
 * required the confirmation. The invitation SMS goes out after the row is saved, in the applicant's script; a
 * gateway failure keeps the share (the applicant can tell the family member themselves) and says so.
 */
export async function addViewer(
  ctx: ServiceContext,
  citizenId: string,
  applicationId: string,
  input: AddViewerInput,
  options: { script?: SmsScript | string | null; ip?: string } = {},
): Promise<AddViewerResult> {
  const at = now(ctx);
  const phoneHash = hashPhone(input.phone);
  const added = await ctx.db.$transaction(async (tx) => {
    const app = await tx.application.findUnique({ where: { id: applicationId }, select: { citizenId: true, areaCode: true, status: true, reference: true } });
    if (!app || app.status === "draft" || !app.reference || !mayAccessApplication({ id: citizenId, role: "citizen" }, app)) return { ok: false as const, code: "not-found" as const };
    const owner = await tx.citizen.findUnique({ where: { id: citizenId }, select: { phoneHash: true } });
    if (owner?.phoneHash === phoneHash) return { ok: false as const, code: "own-phone" as const };
    if (await tx.applicationViewer.findFirst({ where: { applicationId, removedAt: null }, select: { id: true } })) return { ok: false as const, code: "viewer-exists" as const };
    const viewer = await tx.applicationViewer.create({ data: { applicationId, phoneHash, phoneEncrypted: encryptField(input.phone), addedAt: at }, select: { id: true } });
    await recordAudit(tx, { actorType: "citizen", actorId: citizenId, action: "application.viewer.add", target: app.reference, reason: `confirmed; ${maskPhone(input.phone)}`, ip: options.ip, at });
    return { ok: true as const, viewerId: viewer.id };
  });
  if (!added.ok) return added;
  let invited = false;
  if (ctx.sms) {
    try {
      await ctx.sms.send({ to: input.phone, template: `family-invite.${smsScript(options.script)}`, params: {} });
      invited = true;
    } catch (error) {
      console.warn(`[yizhan] family invitation SMS to ${maskPhone(input.phone)} failed: ${(error as Error).message}`);
    }
  }
  return { ok: true, viewerId: added.viewerId, invited };
}

/** The applicant removes the family member: access ends at once. Removing one already removed changes nothing. */
export async function removeViewer(ctx: ServiceContext, citizenId: string, applicationId: string, viewerId: string, options: { ip?: string } = {}): Promise<{ ok: true } | { ok: false; code: "not-found" }> {
  const app = await ownApplication(ctx, citizenId, applicationId);
  if (!app) return { ok: false, code: "not-found" };
  const at = now(ctx);
  return ctx.db.$transaction(async (tx) => {
    const removed = await tx.applicationViewer.updateMany({ where: { id: viewerId, applicationId, removedAt: null }, data: { removedAt: at } });
    if (removed.count === 0) return { ok: false as const, code: "not-found" as const };
    await recordAudit(tx, { actorType: "citizen", actorId: citizenId, action: "application.viewer.remove", target: app.reference, ip: options.ip, at });
    return { ok: true as const };
  });
}

async function phoneHashOf(ctx: ServiceContext, citizenId: string): Promise<string | null> {
  const citizen = await ctx.db.citizen.findUnique({ where: { id: citizenId }, select: { phoneHash: true } });
  return citizen?.phoneHash ?? null;
}

/** Applications others share with the signed-in citizen (their phone), newest share first. */
export async function listSharedWithCitizen(ctx: ServiceContext, citizenId: string): Promise<SharedItem[]> {
  const phoneHash = await phoneHashOf(ctx, citizenId);
  if (!phoneHash) return [];
  const rows = await ctx.db.applicationViewer.findMany({
    where: { phoneHash, removedAt: null },
    orderBy: { addedAt: "desc" },
    include: { application: { select: { id: true, reference: true, status: true, citizenId: true, applicantNameEncrypted: true, applicantName: true } } },
  });
  const items: SharedItem[] = [];
  for (const row of rows) {
    const app = row.application;
    if (!app.reference || app.status === "draft" || app.citizenId === citizenId) continue;
    const view = await loadView(ctx.db, app.id, now(ctx));
    if (!view) continue;
    items.push({ applicationId: app.id, reference: view.reference, applicantMasked: maskName(view.applicantName ?? ""), status: view.status });
  }
  return items;
}

/**
 * A shared application's timeline for the family member; null when it is not shared with them (or no longer):
 * the same answer as an application that does not exist. Each view is audited.
 */
export async function getSharedTimeline(ctx: ServiceContext, citizenId: string, applicationId: string, options: { ip?: string } = {}): Promise<SharedTimeline | null> {
  const phoneHash = await phoneHashOf(ctx, citizenId);
  if (!phoneHash) return null;
  const shares = await ctx.db.applicationViewer.findMany({ where: { applicationId, removedAt: null }, select: { phoneHash: true } });
  if (refusalFor({ scope: "viewer", phoneHash }, { viewerPhoneHashes: shares.map((s) => s.phoneHash) }) !== null) return null;
  const at = now(ctx);
  const view = await loadView(ctx.db, applicationId, at);
  if (!view) return null;
  const timeline = view.timeline.map((s) =>
    s.state === "current" && !s.dueOn && view.currentDueOn ? { ...s, dueOn: view.currentDueOn, dueProvisional: view.currentDueProvisional } : s,
  );
  const owed = documentsOwed(view);
  await recordAudit(ctx.db, { actorType: "citizen", actorId: citizenId, action: "application.viewer.view", target: view.reference, ip: options.ip, at });
  return {
    id: view.id,
    reference: view.reference,
    applicantMasked: maskName(view.applicantName ?? ""),
    status: view.status,
    timeline,
    overdue: view.overdue,
    owed: owed && owed.documents.length ? { documents: owed.documents, dueOn: owed.dueOn, provisional: owed.provisional } : null,
  };
}
