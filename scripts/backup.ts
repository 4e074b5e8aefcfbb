/**
 * npm run backup [-- --out DIR]: the database (online, WAL-safe) and the uploaded files together in
 * one dated folder, DIR/yizhan-backup-<UTC time>/ (default DIR: backups/). See lib/db/backup.ts.
 * Uses DATABASE_URL and UPLOAD_DIR like the server. Keep YIZHAN_DATA_KEY apart: without it a backup
 * cannot be read, and with it anyone can.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { uploadDir } from "@/lib/applications/uploads";
import { createBackup } from "@/lib/db/backup";

for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
  const { dir, manifest } = await createBackup({ outRoot: values.out!, uploadDir: uploadDir() });
  console.log(`[backup] ${dir}: database ${manifest.database.bytes} bytes, ${manifest.uploads.length} upload file(s)`);
  if (manifest.missingUploads.length) console.warn(`[backup] ${manifest.missingUploads.length} upload file(s) named in the database were not found: ${manifest.missingUploads.slice(0, 10).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error("[backup] failed:", error);
  process.exitCode = 1;
});
