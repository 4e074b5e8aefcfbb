import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { actorFor } from "@/lib/auth/access";
import type { SessionUser } from "@/lib/auth/roles";
import { decryptFile, encryptFile, isEncryptedFile } from "@/lib/crypto/file-encryption";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { ALLOWED_MIME_TYPES, isDocumentType, MAX_UPLOAD_BYTES, type DocumentType } from "@/lib/applications/documents";
import { type DraftOwner, mayAccessApplication, type ServiceContext } from "@/lib/applications/service";

/**
 * Uploaded documents. The type is taken from the content (magic bytes, `file-type`), never from the
 * file name or the browser's claim; the bytes are encrypted (lib/crypto/file-encryption.ts) and go
 * under UPLOAD_DIR (default data/uploads, outside public/, mode 0700, files 0600) named by a random
 * key; they are served only through `readDocument`, which asks the one access rule
 * (lib/auth/access.ts) whether the reader may see the application, and decrypts.
 */

export function uploadDir(): string {
  // Only the upload folder is read at run time; keep the build from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || path.join(process.cwd(), "data", "uploads"));
}

/** The upload folder, created if missing, and (re)set to owner-only: an older version made it 0755. */
export async function ensureUploadDir(dir: string = uploadDir()): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chmod(dir, 0o700);
  return dir;
}

/** Storage keys are 18 random bytes in base64url; anything else in the folder is not ours to sweep. */
const STORAGE_KEY = /^[A-Za-z0-9_-]{24}$/;
/** A file being written: renamed to its storage key only once its row has committed. */
const TEMP_SUFFIX = ".partial";

export function tempNameFor(storageKey: string): string {
  return `${storageKey}${TEMP_SUFFIX}`;
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
 * (补正, documents after 先行救助). The encrypted file is written under a temporary name, then the
 * row commits, then the file is renamed to its key: a crash before the commit leaves only a
 * temporary file, which `sweepUploads` removes at the next start; a crash between the commit and the
 * rename leaves a temporary file with a row, which the sweep renames.
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
  return storeDocumentOn(ctx, app, docType, bytes, { kind: "citizen", id: citizenId });
}

/**
 * Who put a page on an application: the citizen themselves, or a desk worker on the applicant's
 * behalf in an assisted session (lib/desk/assisted-documents.ts; "desk" = entered by the worker).
 */
export type Uploader = { kind: "citizen" | "desk"; id: string };

/**
 * Check, encrypt and store one page on an application the caller has already checked access to (the
 * one pipeline for every uploader). The encrypted file is written under a temporary name, then the
 * row commits, then the file is renamed to its key (see `storeCitizenDocument`, `sweepUploads`).
 */
export async function storeDocumentOn(
  ctx: ServiceContext,
  app: { id: string; reference: string | null },
  docType: DocumentType,
  bytes: Uint8Array,
  uploader: Uploader,
): Promise<UploadResult> {
  const checked = await inspectUpload(bytes);
  if (!checked.ok) return checked;
  const storageKey = randomBytes(18).toString("base64url");
  const dir = await ensureUploadDir();
  const temp = path.join(dir, tempNameFor(storageKey));
  await fs.writeFile(temp, encryptFile(bytes), { mode: 0o600, flag: "wx" });
  let doc: { id: string };
  try {
    doc = await ctx.db.$transaction(async (tx) => {
      const created = await tx.applicationDocument.create({
        data: { applicationId: app.id, docType, storageKey, mimeType: checked.mime, size: bytes.byteLength, uploadedByKind: uploader.kind, uploadedById: uploader.id },
      });
      // Bump the draft so a concurrent section save cannot overwrite with stale data.
      await tx.application.update({ where: { id: app.id }, data: { updatedAt: new Date() } });
      if (app.reference) {
        await recordAudit(tx, { actorType: uploader.kind === "citizen" ? "citizen" : "staff", actorId: uploader.id, action: "application.document-upload", target: app.reference, reason: docType });
      }
      return created;
    });
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await fs.rename(temp, path.join(dir, storageKey));
  return { ok: true, documentId: doc.id, docType };
}

export type DeleteResult = { ok: true; docType: string } | { ok: false; code: "not-found" };

/**
 * Delete a page the citizen uploaded to their open draft, before submit. The row goes in one
 * transaction that also checks the draft is still open (a submit that got there first wins) and bumps
 * the draft; then the encrypted file is removed. The commit is the one point where the document stops
 * existing: if it fails, row and file both stay; a crash after it leaves only a file without a row,
 * which the start-up sweep (`sweepUploads`) removes. Documents of a submitted application are never
 * deleted by the applicant: they are the record staff decided on.
 */
export async function deleteDraftDocument(ctx: ServiceContext, owner: string | DraftOwner, documentId: string): Promise<DeleteResult> {
  const whose = typeof owner === "string" ? { draftOwnerId: owner } : "citizenId" in owner ? { draftOwnerId: owner.citizenId } : { deskSessionId: owner.deskSessionId };
  const open = { ...whose, status: "draft" as const };
  const doc = await ctx.db.applicationDocument.findFirst({ where: { id: documentId, application: open }, select: { id: true, applicationId: true, storageKey: true, docType: true } });
  if (!doc) return { ok: false, code: "not-found" };
  const deleted = await ctx.db.$transaction(async (tx) => {
    const gone = await tx.applicationDocument.deleteMany({ where: { id: doc.id, application: open } });
    if (gone.count) await tx.application.update({ where: { id: doc.applicationId }, data: { updatedAt: new Date() } });
    return gone.count;
  });
  if (!deleted) return { ok: false, code: "not-found" };
  await removeStoredFiles([doc.storageKey]);
  return { ok: true, docType: doc.docType };
}

/** Remove the encrypted files of pages whose rows are gone (committed first; a crash in between leaves what the sweep removes). */
export async function removeStoredFiles(storageKeys: readonly string[]): Promise<void> {
  const dir = uploadDir();
  for (const storageKey of storageKeys) {
    const key = path.basename(storageKey);
    await fs.rm(path.join(dir, key), { force: true });
    await fs.rm(path.join(dir, tempNameFor(key)), { force: true });
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
  return { bytes: await readStoredFile(doc.storageKey), mimeType: doc.mimeType, docType: doc.docType };
}

/** A stored page's bytes, decrypted; the caller has checked the reader may see it. */
export async function readStoredFile(storageKey: string): Promise<Buffer> {
  const file = path.join(uploadDir(), path.basename(storageKey));
  // Between the row's commit and the rename (or after a crash there, until the start-up sweep)
  // the bytes are still under the temporary name.
  const stored = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return fs.readFile(path.join(uploadDir(), tempNameFor(path.basename(storageKey))));
    throw e;
  });
  // Files from before encryption at rest are plaintext until `npm run db:migrate` encrypts them.
  return isEncryptedFile(stored) ? decryptFile(stored) : stored;
}

export type SweepReport = { removedTemp: number; completed: number; removedOrphans: number };

export const DEFAULT_SWEEP_MIN_AGE_MS = 10 * 60 * 1000;

/**
 * Clean up after crashes (run at server start, lib/server/start-up.ts): a temporary file whose row
 * committed is renamed to its key; temporary files and stored files with no row are removed once
 * older than `minAgeMs` (another process may be in the middle of an upload). Files whose names are
 * not storage keys are left alone.
 */
export async function sweepUploads(
  db: Db,
  options: { dir?: string; minAgeMs?: number; now?: Date; log?: (line: string) => void } = {},
): Promise<SweepReport> {
  const dir = options.dir ?? uploadDir();
  const cutoff = (options.now ?? new Date()).getTime() - (options.minAgeMs ?? DEFAULT_SWEEP_MIN_AGE_MS);
  const report: SweepReport = { removedTemp: 0, completed: 0, removedOrphans: 0 };
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return report;
    throw e;
  }
  const candidates = names
    .map((name) => ({ name, temp: name.endsWith(TEMP_SUFFIX), key: name.endsWith(TEMP_SUFFIX) ? name.slice(0, -TEMP_SUFFIX.length) : name }))
    .filter((f) => STORAGE_KEY.test(f.key));
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const rows = await db.applicationDocument.findMany({ where: { storageKey: { in: batch.map((f) => f.key) } }, select: { storageKey: true } });
    const known = new Set(rows.map((r) => r.storageKey));
    for (const f of batch) {
      const file = path.join(dir, f.name);
      if (f.temp && known.has(f.key)) {
        await fs.rename(file, path.join(dir, f.key));
        report.completed += 1;
        continue;
      }
      if (known.has(f.key)) continue;
      const stat = await fs.stat(file).catch(() => null);
      if (!stat || !stat.isFile() || stat.mtimeMs > cutoff) continue;
      await fs.rm(file, { force: true });
      if (f.temp) report.removedTemp += 1;
      else report.removedOrphans += 1;
    }
  }
  if (report.removedTemp || report.completed || report.removedOrphans) {
    (options.log ?? console.warn)(
      `[uploads] start-up sweep: ${report.completed} upload(s) completed, ${report.removedTemp} unfinished and ${report.removedOrphans} orphan file(s) removed`,
    );
  }
  return report;
}
