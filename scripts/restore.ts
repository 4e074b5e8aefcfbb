/**
 * npm run restore -- BACKUP_DIR TARGET_DIR [--force]: verify a folder made by `npm run backup` and
 * restore it into TARGET_DIR (TARGET_DIR/yizhan.db and TARGET_DIR/uploads, owner-only). Then point
 * DATABASE_URL and UPLOAD_DIR there, run `npm run db:migrate` (a backup from an older version gets
 * the newer migrations) and start the server with the same YIZHAN_DATA_KEY. See lib/db/backup.ts.
 */
import { parseArgs } from "node:util";
import { restoreBackup } from "@/lib/db/backup";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  if (positionals.length !== 2) {
    console.error("usage: npm run restore -- BACKUP_DIR TARGET_DIR [--force]");
    process.exitCode = 2;
    return;
  }
  const [backupDir, targetDir] = positionals;
  const restored = await restoreBackup({ backupDir, targetDir, force: values.force });
  console.log(`[restore] ${restored.manifest.uploads.length} upload file(s) and the database of ${restored.manifest.createdAt} restored. Run with:`);
  console.log(`DATABASE_URL=${restored.databaseUrl}`);
  console.log(`UPLOAD_DIR=${restored.uploadDir}`);
}

main().catch((error: unknown) => {
  console.error("[restore] failed:", (error as Error)?.message ?? error);
  process.exitCode = 1;
});
