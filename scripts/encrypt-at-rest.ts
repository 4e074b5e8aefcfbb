/**
 * Encrypt what older versions stored in clear: applicants' names and uploaded files
 * (lib/applications/at-rest.ts); then give older applications their applicant person
 * (lib/people/backfill.ts) and the queue's urgency column (lib/applications/urgency.ts). Run by
 * `npm run db:migrate` and `npm run db:setup` after the SQL migrations; safe to run again. Needs YIZHAN_DATA_KEY in production, like the server.
 */
import fs from "node:fs";
import { encryptExistingData } from "@/lib/applications/at-rest";
import { isDemoMode, readEnv } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/client";
import { backfillApplicantPersons } from "@/lib/people/backfill";
import { backfillUrgency } from "@/lib/applications/urgency";

// Like prisma.config.ts: .env.local, then .env; variables already set win.
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

async function main(): Promise<void> {
  const db = createPrismaClient();
  try {
    const env = readEnv();
    const report = await encryptExistingData(db, {
      // Scripts run without NODE_ENV=production, where the public demo key would be taken silently:
      // real data must never be encrypted with it (the server, holding the real key, could not read it).
      beforeEncrypting() {
        if (!env.YIZHAN_DATA_KEY && !isDemoMode(env) && env.NODE_ENV !== "development" && env.NODE_ENV !== "test") {
          throw new Error("There is clear-text data to encrypt but YIZHAN_DATA_KEY is not set. Set it (as for the server), or YIZHAN_DEMO=1 for demo data.");
        }
      },
    });
    console.log(
      `[encrypt-at-rest] names encrypted now: ${report.namesEncrypted}; files encrypted now: ${report.filesEncrypted}, already: ${report.filesAlreadyEncrypted}, missing: ${report.filesMissing.length}`,
    );
    for (const key of report.filesMissing.slice(0, 20)) console.warn(`[encrypt-at-rest] missing upload file ${key}`);
    const people = await backfillApplicantPersons(db);
    console.log(`[encrypt-at-rest] applicants recorded as persons now: ${people.linked}; without an applicant section: ${people.skipped}`);
    const urgency = await backfillUrgency(db);
    console.log(`[encrypt-at-rest] urgency copied to the queue column now: ${urgency.filled}; not given yet: ${urgency.unknown}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("[encrypt-at-rest] failed:", error);
  process.exitCode = 1;
});
