import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { refusalFor, type Reach } from "@/lib/auth/access";
import { ensureUploadDir, inspectUpload, tempNameFor, uploadDir, type UploadError } from "@/lib/applications/uploads";
import { decryptFile, encryptFile } from "@/lib/crypto/file-encryption";
import { recordAudit } from "@/lib/db/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyStatusEvent, isPupilStatus, type PupilStatus } from "@/lib/schools/statuses";

/**
 * The 缴费凭证 screenshot a parent uploads through their link. Checked like an application's documents
 * (type from the bytes, size), encrypted at rest (lib/crypto/file-encryption.ts) in its own folder under
 * UPLOAD_DIR (the application sweep only looks at the top folder's storage keys), written under a temporary
 * name until its row commits. The pupil's status moves to 家长已缴（待核对）in the same transaction.
 */
export const RECEIPT_SUBDIR = "school-receipts";

export function receiptDir(): string {
  return path.join(uploadDir(), RECEIPT_SUBDIR);
}

export type ReceiptError = UploadError | "not-needed";
export type ReceiptResult = { ok: true; status: PupilStatus } | { ok: false; code: ReceiptError };

export async function storeParentReceipt(db: PrismaClient, reach: Reach, input: { pupilId: string; bytes: Uint8Array; now: Date; ip: string }): Promise<ReceiptResult> {
  if (refusalFor(reach, { pupilId: input.pupilId }) !== null) return { ok: false, code: "not-found" };
  const pupil = await db.schoolPupil.findFirst({ where: { id: input.pupilId, current: true }, select: { id: true, status: true } });
  if (!pupil) return { ok: false, code: "not-found" };
  // Funded, confirmed or enrolled elsewhere: nothing to pay, no receipt wanted (said before any bytes are read).
  if (!applyStatusEvent(isPupilStatus(pupil.status) ? pupil.status : "unpaid", { kind: "receipt-uploaded" }).ok) return { ok: false, code: "not-needed" };
  const checked = await inspectUpload(input.bytes);
  if (!checked.ok) return checked;
  const dir = await ensureUploadDir(receiptDir());
  const storageKey = randomBytes(18).toString("base64url");
  const temp = path.join(dir, tempNameFor(storageKey));
  await fs.writeFile(temp, encryptFile(input.bytes), { mode: 0o600, flag: "wx" });
  let result: ReceiptResult;
  try {
    result = await db.$transaction(async (tx) => {
      const current = await tx.schoolPupil.findUniqueOrThrow({ where: { id: pupil.id }, select: { status: true } });
      const move = applyStatusEvent(isPupilStatus(current.status) ? current.status : "unpaid", { kind: "receipt-uploaded" });
      if (!move.ok) return { ok: false, code: "not-needed" } as const;
      await tx.schoolPupilReceipt.create({ data: { pupilId: pupil.id, storageKey, mimeType: checked.mime, size: input.bytes.byteLength, createdAt: input.now } });
      await tx.schoolPupil.update({ where: { id: pupil.id }, data: { status: move.status, statusNoteEncrypted: null, statusChangedAt: input.now } });
      await recordAudit(tx, { actorType: "anonymous", action: "school.pupil.receipt", target: pupil.id, reason: `${current.status}→${move.status} (receipt-uploaded)`, ip: input.ip, at: input.now });
      return { ok: true, status: move.status } as const;
    });
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  if (!result.ok) {
    await fs.rm(temp, { force: true });
    return result;
  }
  await fs.rename(temp, path.join(dir, storageKey));
  return result;
}

/** The latest receipt of a pupil the reader reaches (school admin or the class teacher), decrypted; the read is audited. */
export async function readLatestReceipt(
  db: PrismaClient,
  reach: Reach,
  input: { pupilId: string; actorId: string; now: Date },
): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const pupil = await db.schoolPupil.findUnique({ where: { id: input.pupilId }, select: { id: true, schoolId: true, grade: true, className: true } });
  if (!pupil || refusalFor(reach, { schoolId: pupil.schoolId, classOf: { grade: pupil.grade, className: pupil.className }, pupilId: pupil.id }) !== null) return null;
  const receipt = await db.schoolPupilReceipt.findFirst({ where: { pupilId: pupil.id }, orderBy: { createdAt: "desc" } });
  if (!receipt) return null;
  const file = path.join(receiptDir(), path.basename(receipt.storageKey));
  const stored = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return fs.readFile(path.join(receiptDir(), tempNameFor(path.basename(receipt.storageKey))));
    throw e;
  });
  await recordAudit(db, { actorType: "staff", actorId: input.actorId, action: "school.pupil.receipt-view", target: pupil.id, at: input.now });
  return { bytes: decryptFile(stored), mimeType: receipt.mimeType };
}
