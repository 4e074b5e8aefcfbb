import type { Db } from "@/lib/db/client";
import { classKey, listRoster, type RosterRow } from "@/lib/schools/pupils";
import { WAITING_STATUSES } from "@/lib/schools/statuses";

/**
 * Who is still unpaid, class by class (after a reconciliation, the list the class teachers chase): pupils
 * 待缴费 and 家长已缴（待核对） (a receipt the return file has not confirmed yet). Masked names only.
 */
export type UnpaidClass = { grade: string; className: string; pupils: Pick<RosterRow, "id" | "nameMasked" | "status" | "amountDue">[] };

export async function unpaidByClass(db: Db, schoolId: string, only?: { grade?: string; className?: string }): Promise<UnpaidClass[]> {
  const rows = await listRoster(db, schoolId, { ...only, withNotes: false });
  const classes = new Map<string, UnpaidClass>();
  for (const r of rows) {
    if (!WAITING_STATUSES.has(r.status)) continue;
    const key = classKey(r);
    let entry = classes.get(key);
    if (!entry) classes.set(key, (entry = { grade: r.grade, className: r.className, pupils: [] }));
    entry.pupils.push({ id: r.id, nameMasked: r.nameMasked, status: r.status, amountDue: r.amountDue });
  }
  // listRoster already sorts by grade, class and name.
  return [...classes.values()];
}
