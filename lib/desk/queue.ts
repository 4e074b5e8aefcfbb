import { z } from "zod";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { caseActor, decryptData, mayAccessApplication, missingDocuments, type ServiceContext } from "@/lib/applications/service";
import { personCard } from "@/lib/people/persons";

/**
 * The rest of the desk's queue (lib/desk/walk-in.ts has the walk-in look-up and the 补正 call list):
 * drafts waiting for documents (sessions still open whose application lacks pages, e.g. the applicant
 * went home to fetch a paper), and the "called" note on the 补正 call list (who called, when). The note
 * is the audited action itself ("desk.correction.called"), so it needs no second record.
 */

export type WaitingDraft = { sessionId: string; nameMasked: string | null; startedAt: Date; missing: string[] };

/** Open sessions of the desk's area whose draft still lacks documents (pages not taken in), oldest first. */
export async function draftsWaitingForDocuments(ctx: ServiceContext, user: StaffSessionUser): Promise<WaitingDraft[]> {
  if (user.role !== "desk" || !user.areaCode) return [];
  const rows = await ctx.db.deskSession.findMany({
    where: { areaCode: user.areaCode, status: "open", application: { status: "draft" } },
    include: { person: true, application: { include: { documents: { select: { docType: true } } } } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  const waiting: WaitingDraft[] = [];
  for (const r of rows) {
    if (!r.application) continue;
    const missing = missingDocuments(decryptData(r.application.dataEncrypted), r.application.documents.map((d) => d.docType));
    if (missing.length) waiting.push({ sessionId: r.id, nameMasked: r.person ? personCard(r.person).nameMasked : null, startedAt: r.createdAt, missing });
  }
  return waiting;
}

export const calledSchema = z.object({ applicationId: z.string().min(1).max(40) });

/** Note that the worker called the applicant about their 补正 (an application of the desk's area in 补正). */
export async function noteCalled(ctx: ServiceContext, user: StaffSessionUser, applicationId: string): Promise<boolean> {
  const actor = caseActor(user);
  const row = actor ? await ctx.db.application.findUnique({ where: { id: applicationId } }) : null;
  if (!actor || !row || row.status !== "correction" || !mayAccessApplication(actor, row)) return false;
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.correction.called", target: applicationId, at: ctx.now ? ctx.now() : new Date() });
  return true;
}

/** The latest "called" note per application (who and when), for the call list. */
export async function calledNotes(ctx: ServiceContext, applicationIds: string[]): Promise<Map<string, { at: Date; by: string }>> {
  if (!applicationIds.length) return new Map();
  const rows = await ctx.db.auditLog.findMany({ where: { action: "desk.correction.called", target: { in: applicationIds } }, orderBy: { at: "desc" } });
  const staff = await ctx.db.staffUser.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorId ?? ""))] } }, select: { id: true, displayName: true } });
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  const notes = new Map<string, { at: Date; by: string }>();
  for (const r of rows) if (r.target && !notes.has(r.target)) notes.set(r.target, { at: r.at, by: names.get(r.actorId ?? "") ?? "" });
  return notes;
}
