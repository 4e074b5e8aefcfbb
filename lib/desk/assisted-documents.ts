import type { StaffSessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { type DocumentType, isDocumentType } from "@/lib/applications/documents";
import { decryptData, type ServiceContext, setDocumentsToFollow } from "@/lib/applications/service";
import { type DeleteResult, deleteDraftDocument, readStoredFile, storeDocumentOn, type UploadResult } from "@/lib/applications/uploads";
import { openSessionFor } from "@/lib/desk/assisted";

/**
 * Documents photographed or scanned at the desk (窗口帮办), several pages per document, on the
 * application the worker fills in for the applicant: the citizen's upload pipeline (content-type
 * check, size limit, encryption at rest: lib/applications/uploads.ts), stored as entered by the
 * worker (uploadedByKind "desk", uploadedById the worker). Only through an open session of the
 * desk's area, only on that session's draft (lib/desk/assisted.ts openSessionFor); after hand-over or
 * withdrawal the desk reaches none of it. A page taken in replaces "to follow" for its document, so
 * the 一次性告知书 lists only what is still missing. Every upload, view and delete is audited.
 */

export type DeskDocument = { id: string; docType: string; mimeType: string; size: number; createdAt: Date; uploadedByKind: string };

const at = (ctx: ServiceContext) => (ctx.now ? ctx.now() : new Date());

/** The session's open draft (id, reference, to-follow list); null when the session or the draft is out of reach. */
async function sessionDraft(ctx: ServiceContext, user: StaffSessionUser, sessionId: string) {
  const session = await openSessionFor(ctx, user, sessionId);
  if (!session) return null;
  const app = await ctx.db.application.findUnique({ where: { deskSessionId: session.id } });
  return app && app.status === "draft" ? { session, app } : null;
}

/** The pages on the session's draft, oldest first (null when out of reach). */
export async function assistedDocuments(ctx: ServiceContext, user: StaffSessionUser, sessionId: string): Promise<DeskDocument[] | null> {
  const found = await sessionDraft(ctx, user, sessionId);
  if (!found) return null;
  return ctx.db.applicationDocument.findMany({
    where: { applicationId: found.app.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, docType: true, mimeType: true, size: true, createdAt: true, uploadedByKind: true },
  });
}

/** Store one page the worker photographed or scanned for the applicant. */
export async function storeAssistedDocument(ctx: ServiceContext, user: StaffSessionUser, sessionId: string, docType: string, bytes: Uint8Array): Promise<UploadResult> {
  if (!isDocumentType(docType)) return { ok: false, code: "bad-doc-type" };
  const found = await sessionDraft(ctx, user, sessionId);
  if (!found) return { ok: false, code: "not-found" };
  const stored = await storeDocumentOn(ctx, found.app, docType, bytes, { kind: "desk", id: user.id });
  if (!stored.ok) return stored;
  // The document is in now: it no longer "follows" (the notice lists only what is still missing).
  const toFollow = (decryptData(found.app.dataEncrypted).documentsToFollow ?? []) as DocumentType[];
  if (toFollow.includes(docType)) await setDocumentsToFollow(ctx, { deskSessionId: found.session.id }, toFollow.filter((d) => d !== docType));
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.document.upload", target: found.session.id, reason: docType, at: at(ctx) });
  return stored;
}

/** Delete a page from the session's draft (before submit only; a submitted application's pages are the record). */
export async function deleteAssistedDocument(ctx: ServiceContext, user: StaffSessionUser, sessionId: string, documentId: string): Promise<DeleteResult> {
  const found = await sessionDraft(ctx, user, sessionId);
  if (!found) return { ok: false, code: "not-found" };
  const deleted = await deleteDraftDocument(ctx, { deskSessionId: found.session.id }, documentId);
  if (deleted.ok) await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.document.delete", target: found.session.id, reason: deleted.docType, at: at(ctx) });
  return deleted;
}

/** A page's bytes for its thumbnail, to the worker of the open session whose draft it is on; null otherwise. */
export async function readAssistedDocument(ctx: ServiceContext, user: StaffSessionUser, sessionId: string, documentId: string): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const found = await sessionDraft(ctx, user, sessionId);
  if (!found) return null;
  const doc = await ctx.db.applicationDocument.findFirst({ where: { id: documentId, applicationId: found.app.id } });
  if (!doc) return null;
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.document.view", target: found.session.id, reason: doc.docType, at: at(ctx) });
  return { bytes: await readStoredFile(doc.storageKey), mimeType: doc.mimeType };
}

/**
 * The documents the applicant will bring later: only ones with no page taken in yet (a document
 * photographed at the desk is not "to follow").
 */
export async function assistedToFollow(ctx: ServiceContext, user: StaffSessionUser, sessionId: string, documents: DocumentType[]): Promise<boolean> {
  const found = await sessionDraft(ctx, user, sessionId);
  if (!found) return false;
  const inHand = new Set((await ctx.db.applicationDocument.findMany({ where: { applicationId: found.app.id }, select: { docType: true } })).map((d) => d.docType));
  await setDocumentsToFollow(ctx, { deskSessionId: found.session.id }, documents.filter((d) => !inHand.has(d)));
  return true;
}
