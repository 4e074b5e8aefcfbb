import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptData } from "@/lib/applications/service";

const BATCH = 200;

/**
 * Give applications saved before the `urgency` column (migration 20261203140456_queue_urgency) their
 * urgency, read from the encrypted reason section, so the staff queue can show it (run by
 * `npm run db:migrate` / `db:setup` through scripts/encrypt-at-rest.ts). Idempotent: only rows whose
 * urgency is still null are read, each written on its own; a row whose reason section has no urgency
 * (a draft not that far yet) is left null, never guessed.
 */
export async function backfillUrgency(db: PrismaClient): Promise<{ filled: number; unknown: number }> {
  const report = { filled: 0, unknown: 0 };
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.application.findMany({
      where: { urgency: null },
      select: { id: true, dataEncrypted: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return report;
    cursor = rows[rows.length - 1].id;
    for (const row of rows) {
      const urgency = decryptData(row.dataEncrypted).reason?.urgency;
      if (!urgency) {
        report.unknown += 1;
        continue;
      }
      // Only a row still without one: a save in between has already written the current answer.
      await db.application.updateMany({ where: { id: row.id, urgency: null }, data: { urgency } });
      report.filled += 1;
    }
  }
}
