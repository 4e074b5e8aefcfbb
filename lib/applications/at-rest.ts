import fs from "node:fs/promises";
import path from "node:path";
import { encryptFile, isEncryptedFile } from "@/lib/crypto/file-encryption";
import type { Db } from "@/lib/db/client";
import { applicantNameColumns } from "@/lib/applications/service";
import { ensureUploadDir, tempNameFor, uploadDir } from "@/lib/applications/uploads";

export type AtRestReport = {
  /** Applications whose clear-text name was encrypted and hashed now. */
  namesEncrypted: number;
  /** Stored documents encrypted now, and those that already were. */
  filesEncrypted: number;
  filesAlreadyEncrypted: number;
  /** Rows whose file is missing (reported, not fatal: the backup may hold it). */
  filesMissing: string[];
};

const BATCH = 200;

/**
 * Bring data written by older versions up to encryption at rest. SQL migrations cannot do it (they
 * do not hold YIZHAN_DATA_KEY), so `npm run db:migrate` and `npm run db:setup` run this after
 * `prisma migrate deploy` (scripts/encrypt-at-rest.ts). Idempotent: a name is moved only while the
 * clear column still holds it; a file is encrypted only when it lacks the encrypted-file header, by
 * writing the ciphertext beside it and renaming it over the original (a crash leaves either).
 */
export async function encryptExistingData(
  db: Db,
  options: { dir?: string; /** Called once before the first value is encrypted: may refuse by throwing. */ beforeEncrypting?: () => void } = {},
): Promise<AtRestReport> {
  const report: AtRestReport = { namesEncrypted: 0, filesEncrypted: 0, filesAlreadyEncrypted: 0, filesMissing: [] };
  let checked = false;
  const aboutToEncrypt = () => {
    if (!checked) options.beforeEncrypting?.();
    checked = true;
  };

  for (;;) {
    const rows = await db.application.findMany({ where: { applicantName: { not: null } }, select: { id: true, applicantName: true }, take: BATCH });
    if (rows.length === 0) break;
    aboutToEncrypt();
    for (const row of rows) {
      // Only while the clear name is still the one read: a concurrent save has already written both.
      const updated = await db.application.updateMany({ where: { id: row.id, applicantName: row.applicantName }, data: applicantNameColumns(row.applicantName) });
      report.namesEncrypted += updated.count;
    }
  }

  const dir = await ensureUploadDir(options.dir ?? uploadDir());
  let cursor: string | undefined;
  for (;;) {
    const docs = await db.applicationDocument.findMany({
      select: { id: true, storageKey: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (docs.length === 0) break;
    cursor = docs[docs.length - 1].id;
    for (const doc of docs) {
      const key = path.basename(doc.storageKey);
      const file = path.join(dir, key);
      const bytes = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? null : Promise.reject(e)));
      if (!bytes) {
        report.filesMissing.push(key);
        continue;
      }
      if (isEncryptedFile(bytes)) {
        report.filesAlreadyEncrypted += 1;
        await fs.chmod(file, 0o600);
        continue;
      }
      aboutToEncrypt();
      const temp = path.join(dir, tempNameFor(key));
      await fs.writeFile(temp, encryptFile(bytes), { mode: 0o600 });
      await fs.rename(temp, file);
      report.filesEncrypted += 1;
    }
  }
  return report;
}
