/**
 * Encrypt what older versions stored in clear: applicants' names and uploaded files
 * (lib/applications/at-rest.ts). Run by `npm run db:migrate` and `npm run db:setup` after the SQL
 * migrations; safe to run again. Needs YIZHAN_DATA_KEY in production, like the server.
 */
import fs from "node:fs";
import { encryptExistingData } from "../lib/applications/at-rest";
import { createPrismaClient } from "../lib/db/client";

// Like prisma.config.ts: .env.local, then .env; variables already set win.
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

async function main(): Promise<void> {
  const db = createPrismaClient();
  try {
    const report = await encryptExistingData(db);
    console.log(
      `[encrypt-at-rest] names encrypted now: ${report.namesEncrypted}; files encrypted now: ${report.filesEncrypted}, already: ${report.filesAlreadyEncrypted}, missing: ${report.filesMissing.length}`,
    );
    for (const key of report.filesMissing.slice(0, 20)) console.warn(`[encrypt-at-rest] missing upload file ${key}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("[encrypt-at-rest] failed:", error);
  process.exitCode = 1;
});
