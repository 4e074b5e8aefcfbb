import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptData } from "@/lib/applications/service";
import { recordApplicantPerson } from "@/lib/people/applicants";

const BATCH = 200;

/**
 * Give every submitted application that predates person records its applicant person and help-chain
 * link (run by `npm run db:migrate` / `db:setup` after the SQL migrations, and by the demo seed).
 * Idempotent: only applications without `applicantPersonId` are read, and each is done in its own
 * transaction, so a crash leaves the rest for the next run.
 */
export async function backfillApplicantPersons(db: PrismaClient): Promise<{ linked: number; skipped: number }> {
  const report = { linked: 0, skipped: 0 };
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.application.findMany({
      where: { applicantPersonId: null, reference: { not: null } },
      select: { id: true, citizenId: true, dataEncrypted: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return report;
    cursor = rows[rows.length - 1].id;
    for (const row of rows) {
      const applicant = decryptData(row.dataEncrypted).applicant;
      // A submitted application always has its applicant section; one that does not is left alone, not guessed.
      if (!applicant?.idNumber || !applicant.areaCode) {
        report.skipped += 1;
        continue;
      }
      await db.$transaction((tx) => recordApplicantPerson(tx, { applicationId: row.id, citizenId: row.citizenId, applicant }));
      report.linked += 1;
    }
  }
}
