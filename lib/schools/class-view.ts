import { reachOf, type Actor } from "@/lib/auth/access";
import type { Db } from "@/lib/db/client";
import { listRoster, type RosterRow } from "@/lib/schools/pupils";
import { countStatuses, type ClassCounts } from "@/lib/schools/statuses";

/**
 * What a class teacher sees: their one class (lib/auth/access.ts "class" reach), masked names and the
 * status each pupil's family must act on. No notes, no reasons: a funded pupil reads "无需缴费（资助参保）".
 */
export type ClassView = { grade: string; className: string; rows: Omit<RosterRow, "note">[]; counts: ClassCounts };

export async function classViewFor(db: Db, actor: Actor): Promise<ClassView | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "class") return null;
  const rows = await listRoster(db, reach.schoolId, { grade: reach.grade, className: reach.className, withNotes: false });
  return {
    grade: reach.grade,
    className: reach.className,
    rows: rows.map(({ note: _note, ...row }) => row),
    counts: countStatuses(rows.map((r) => r.status)),
  };
}
