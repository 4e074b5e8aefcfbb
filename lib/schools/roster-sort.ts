/**
 * What an import does to each pupil, decided before anything is written (the preview shows it):
 *   续保 renew      — on this school's current roster and in the file: stays, grade / class updated;
 *   新增 new        — never on any school's roster: added;
 *   转入 transfer-in — was on another school's roster, no longer current there: added;
 *   already-elsewhere — on another school's CURRENT roster: not added (reported as 已在其他学校名册,
 *                      without naming the school; the other school must release the pupil first);
 *   毕业 / 转出 leaving — on this school's current roster and missing from a full-roster file: enrolment
 *                      through this school stops.
 * Pupils are identified by the keyed hash of their ID number only. Pure.
 */

export type RosterMove = "renew" | "new" | "transfer-in" | "already-elsewhere";

export type RosterSortInput = {
  /** ID hashes of the file's valid rows, in file order. */
  fileIdHashes: readonly string[];
  /** ID hashes on this school's current roster. */
  currentHere: ReadonlySet<string>;
  /** ID hashes on another school's current roster. */
  currentElsewhere: ReadonlySet<string>;
  /** ID hashes that were on some school's roster before (any school, not current there). */
  formerlyElsewhere: ReadonlySet<string>;
  /**
   * "full": the file is the whole roster for the year, so pupils missing from it leave;
   * "add": the file adds pupils (a late list of new pupils), nobody leaves.
   */
  mode: "full" | "add";
};

export type RosterSort = {
  moves: RosterMove[];
  /** Hashes on this school's current roster that are not in a full-roster file. */
  leaving: string[];
  counts: Record<RosterMove | "leaving", number>;
};

export function sortRosterImport(input: RosterSortInput): RosterSort {
  const counts: RosterSort["counts"] = { renew: 0, new: 0, "transfer-in": 0, "already-elsewhere": 0, leaving: 0 };
  const inFile = new Set<string>();
  const moves = input.fileIdHashes.map((hash): RosterMove => {
    inFile.add(hash);
    const move: RosterMove = input.currentHere.has(hash)
      ? "renew"
      : input.currentElsewhere.has(hash)
        ? "already-elsewhere"
        : input.formerlyElsewhere.has(hash)
          ? "transfer-in"
          : "new";
    counts[move]++;
    return move;
  });
  const leaving = input.mode === "full" ? [...input.currentHere].filter((hash) => !inFile.has(hash)) : [];
  counts.leaving = leaving.length;
  return { moves, leaving, counts };
}
