import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { actorFor } from "@/lib/auth/access";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { ALLOWED_MIME_TYPES, isDocumentType, MAX_UPLOAD_BYTES, type DocumentType } from "@/lib/applications/documents";
import { mayAccessApplication, type ServiceContext } from "@/lib/applications/service";

/**
 * Uploaded documents. The type is taken from the content (magic bytes, `file-type`), never from the
 * file name or the browser's claim; the bytes go under UPLOAD_DIR (default data/uploads, outside
 * public/) named by a random key; they are served only through `readDocument`, which asks the one
 * access rule (lib/auth/access.ts) whether the reader may see the application.
 */

export function uploadDir(): string {
  // Only the upload folder is read at run time; keep the build from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || path.join(process.cwd(), "data", "uploads"));
}

export type UploadError = "no-file" | "too-large" | "bad-type" | "damaged" | "bad-doc-type" | "not-found" | "closed";

export type UploadResult = { ok: true; documentId: string; docType: DocumentType } | { ok: false; code: UploadError };

/** Check the bytes and detect their type: the first check any upload meets. */
export async function inspectUpload(bytes: Uint8Array): Promise<{ ok: true; mime: string } | { ok: false; code: UploadError }> {
  if (bytes.byteLength === 0) return { ok: false, code: "no-file" };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, code: "too-large" };
  let detected: Awaited<ReturnType<typeof fileTypeFromBuffer>>;
  try {
    detected = await fileTypeFromBuffer(bytes);
  } catch {
    // file-type reads into what the header announces: a cut-off PNG or a zip header ends before that.
    return { ok: false, code: "damaged" };
  }
  if (!detected || !(ALLOWED_MIME_TYPES as readonly string[]).includes(detected.mime)) return { ok: false, code: "bad-type" };
  if (detected.mime === "image/png" && !hasPngEnd(bytes)) return { ok: false, code: "damaged" };
  return { ok: true, mime: detected.mime };
}

const PNG_IEND = Buffer.from("IEND", "latin1");

/** A whole PNG ends with its IEND chunk; a cut-off upload does not (staff would get an unreadable ID photo). */
function hasPngEnd(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(PNG_IEND) > 8;
}

/**
 * Store a citizen's document on their application: the open draft, or a submitted application
 * (补正, documents after 先行救助). The file is written first, then the row; a failed row removes it.
 */
export async function storeCitizenDocument(
  ctx: ServiceContext,
  citizenId: string,
  target: { applicationId?: string | null },
  docType: string,
  bytes: Uint8Array,
): Promise<UploadResult> {
  if (!isDocumentType(docType)) return { ok: false, code: "bad-doc-type" };
  const app = target.applicationId
    ? await ctx.db.application.findUnique({ where: { id: target.applicationId } })
    : await ctx.db.application.findUnique({ where: { draftOwnerId: citizenId } });
  if (!app || !mayAccessApplication({ id: citizenId, role: "citizen" }, app)) return { ok: false, code: "not-found" };
  if (["not-accepted", "not_accepted", "refused"].includes(app.status)) return { ok: false, code: "closed" };
  const checked = await inspectUpload(bytes);
  if (!checked.ok) return checked;
  const storageKey = randomBytes(18).toString("base64url");
  const dir = uploadDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, storageKey);
  await fs.writeFile(file, bytes, { mode: 0o600, flag: "wx" });
  try {
    const doc = await ctx.db.$transaction(async (tx) => {
      const created = await tx.applicationDocument.create({
        data: { applicationId: app.id, docType, storageKey, mimeType: checked.mime, size: bytes.byteLength, uploadedByKind: "citizen", uploadedById: citizenId },
      });
      // Bump the draft so a concurrent section save cannot overwrite with stale data.
      await tx.application.update({ where: { id: app.id }, data: { updatedAt: new Date() } });
      if (app.reference) {
        await recordAudit(tx, { actorType: "citizen", actorId: citizenId, action: "application.document-upload", target: app.reference, reason: docType });
      }
      return created;
    });
    return { ok: true, documentId: doc.id, docType };
  } catch (e) {
    await fs.rm(file, { force: true });
    throw e;
  }
}

/** The bytes of a document for a reader who may see it; null otherwise (same as not found). Staff reads are audited. */
export async function readDocument(
  ctx: ServiceContext,
  reader: SessionUser,
  documentId: string,
): Promise<{ bytes: Buffer; mimeType: string; docType: string } | null> {
  const doc = await ctx.db.applicationDocument.findUnique({
    where: { id: documentId },
    include: { application: { select: { citizenId: true, areaCode: true, reference: true, status: true } } },
  });
  if (!doc || !mayAccessApplication(actorFor(reader), doc.application)) return null;
  if (reader.kind === "staff") {
    await recordAudit(ctx.db, { actorType: "staff", actorId: reader.id, action: "application.document-view", target: doc.application.reference, reason: doc.docType });
  }
  const bytes = await fs.readFile(path.join(uploadDir(), path.basename(doc.storageKey)));
  return { bytes, mimeType: doc.mimeType, docType: doc.docType };
}
