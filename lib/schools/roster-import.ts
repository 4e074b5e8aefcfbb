import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { encryptField } from "@/lib/crypto/field-encryption";
import { getDataKey } from "@/lib/crypto/keys";
import { insertRows, newRowId, selectWhereIn } from "@/lib/schools/bulk-insert";
import { hashIdNumber, hashName, hashPhone } from "@/lib/crypto/lookup-hash";
import { recordAudit } from "@/lib/db/audit";
import { mappingToRemember, type ColumnMapping, type RosterField } from "@/lib/schools/roster-columns";
import { sortRosterImport, type RosterMove, type RosterSort } from "@/lib/schools/roster-sort";
import { rowHasErrors, validateRosterRows, type ValidatedRow } from "@/lib/schools/roster-validate";

/**
 * A roster import, from the validated rows to the database: preview (what would happen to each row)
 * and commit (all valid rows in one transaction, or nothing). The commit recomputes the preview inside
 * its transaction from the same file, so what is written never rests on what a browser sent back.
 */

type Db = PrismaClient | Prisma.TransactionClient;

/** SQLite allows 32,766 bound variables per statement; lookups go in chunks well below it. */
const LOOKUP_CHUNK = 500;

export type ImportMode = "full" | "add";

export type RosterPreviewRow = ValidatedRow & { move: RosterMove | null };

export type RosterPreview = {
  rows: RosterPreviewRow[];
  counts: RosterSort["counts"] & { errors: number; warnings: number; total: number };
};

export type RosterImportInput = {
  schoolId: string;
  rows: string[][];
  mapping: ColumnMapping;
  mode: ImportMode;
  /** China's date, "YYYY-MM-DD". */
  today: string;
};

type Lookup = {
  hashes: string[];
  personIdByHash: Map<string, string>;
  sort: RosterSort;
  currentHereIdByHash: Map<string, string>;
  rowIdHereByPerson: Map<string, string>;
};

async function chunked<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) out.push(...(await run(items.slice(i, i + LOOKUP_CHUNK))));
  return out;
}

async function lookUp(db: Db, schoolId: string, valid: ValidatedRow[], mode: ImportMode): Promise<Lookup> {
  const dataKey = getDataKey();
  const hashes = valid.map((row) => hashIdNumber(row.pupil.idNumber, dataKey));
  const persons = await selectWhereIn<{ id: string; idNumberHash: string }>(db, `SELECT "id", "idNumberHash" FROM "Person"`, "idNumberHash", hashes);
  const personIdByHash = new Map(persons.map((p) => [p.idNumberHash, p.id]));
  const hashByPerson = new Map(persons.map((p) => [p.id, p.idNumberHash]));
  const enrolments = (
    await selectWhereIn<{ id: string; schoolId: string; personId: string; current: number | boolean }>(
      db,
      `SELECT "id", "schoolId", "personId", "current" FROM "SchoolPupil"`,
      "personId",
      [...hashByPerson.keys()],
    )
  ).map((e) => ({ ...e, current: Boolean(e.current) }));
  const here = await db.schoolPupil.findMany({ where: { schoolId, current: true }, select: { id: true, person: { select: { idNumberHash: true } } } });
  const currentHereIdByHash = new Map(here.filter((r) => r.person.idNumberHash).map((r) => [r.person.idNumberHash!, r.id]));
  const currentElsewhere = new Set<string>();
  const formerly = new Set<string>();
  const rowIdHereByPerson = new Map<string, string>();
  for (const e of enrolments) {
    const hash = hashByPerson.get(e.personId)!;
    if (e.schoolId === schoolId) rowIdHereByPerson.set(e.personId, e.id);
    if (e.schoolId !== schoolId && e.current) currentElsewhere.add(hash);
    else if (!e.current) formerly.add(hash);
  }
  const sort = sortRosterImport({ fileIdHashes: hashes, currentHere: new Set(currentHereIdByHash.keys()), currentElsewhere, formerlyElsewhere: formerly, mode });
  return { hashes, personIdByHash, sort, currentHereIdByHash, rowIdHereByPerson };
}

function buildPreview(validated: ValidatedRow[], valid: ValidatedRow[], lookup: Lookup): RosterPreview {
  const moveOf = new Map<ValidatedRow, RosterMove>();
  valid.forEach((row, i) => {
    const move = lookup.sort.moves[i];
    moveOf.set(row, move);
    // Reported without naming the other school (it is another school's pupil data).
    if (move === "already-elsewhere") row.problems.push({ code: "on-other-roster", field: "idNumber" });
  });
  const rows = validated.map((row) => ({ ...row, move: rowHasErrors(row) ? null : (moveOf.get(row) ?? null) }));
  const errors = rows.filter(rowHasErrors).length;
  const warnings = rows.filter((r) => !rowHasErrors(r) && r.problems.length > 0).length;
  return { rows, counts: { ...lookup.sort.counts, errors, warnings, total: rows.length } };
}

async function prepare(db: Db, input: RosterImportInput) {
  const validated = validateRosterRows(input.rows, input.mapping, { today: input.today });
  const valid = validated.filter((row) => !rowHasErrors(row));
  const lookup = await lookUp(db, input.schoolId, valid, input.mode);
  const preview = buildPreview(validated, valid, lookup);
  return { preview, valid, lookup };
}

/** What the import would do, row by row. Writes nothing. */
export async function previewRosterImport(db: Db, input: RosterImportInput): Promise<RosterPreview> {
  return (await prepare(db, input)).preview;
}

export type CommitResult = { ok: true; preview: RosterPreview } | { ok: false; error: "nothing-to-import"; preview: RosterPreview };

export type CommitContext = { actorId: string; coverYear: number; now: Date };

/**
 * Write every valid row in one transaction: new Persons (ID number, name encrypted; matched by keyed
 * hash), the school's area added to each pupil's areas, roster rows created or updated, pupils missing
 * from a full roster marked as left, the mapping remembered, one audit entry. Rows with errors and
 * pupils on another school's current roster are left out; nothing else is.
 */
export async function commitRosterImport(db: PrismaClient, input: RosterImportInput, context: CommitContext): Promise<CommitResult> {
  return db.$transaction(
    async (tx) => {
      const school = await tx.school.findUniqueOrThrow({ where: { id: input.schoolId }, select: { areaCode: true } });
      const { preview, valid, lookup } = await prepare(tx, input);
      // The key once for the whole file, not once per value.
      const dataKey = getDataKey();
      const sealing = { dataKey };
      const toWrite = valid.map((row, i) => ({ row, hash: lookup.hashes[i], move: lookup.sort.moves[i] })).filter((r) => r.move !== "already-elsewhere");
      if (toWrite.length === 0 && lookup.sort.leaving.length === 0) return { ok: false as const, error: "nothing-to-import" as const, preview };

      // 1. Persons: create the ones never seen (one statement), then read back their ids.
      const missing = toWrite.filter((r) => !lookup.personIdByHash.has(r.hash));
      if (missing.length > 0) {
        const rows = missing.map(({ row, hash }) => {
          const id = newRowId();
          lookup.personIdByHash.set(hash, id);
          return [id, hash, encryptField(row.pupil.idNumber, sealing), hashName(row.pupil.name, dataKey), encryptField(row.pupil.name, sealing), context.now, context.now];
        });
        await insertRows(tx, "Person", ["id", "idNumberHash", "idNumberEncrypted", "nameHash", "nameEncrypted", "createdAt", "updatedAt"], rows);
      }
      const personIds = toWrite.map((r) => lookup.personIdByHash.get(r.hash)!);

      // 2. The area's people (PersonArea via "school"), only where missing.
      // Persons created just now are in no area yet; only the ones found need looking up.
      const created = new Set(missing.map((r) => lookup.personIdByHash.get(r.hash)!));
      const found = [...new Set(personIds.filter((id) => !created.has(id)))];
      const inArea = new Set(
        (await chunked(found, (chunk) => tx.personArea.findMany({ where: { areaCode: school.areaCode, personId: { in: chunk } }, select: { personId: true } }))).map(
          (r) => r.personId,
        ),
      );
      const newInArea = personIds.filter((id) => !inArea.has(id));
      if (newInArea.length > 0) await insertRows(tx, "PersonArea", ["personId", "areaCode", "via", "createdAt"], newInArea.map((personId) => [personId, school.areaCode, "school", context.now]));

      // 3. Roster rows: create new ones in one statement, update the ones this school already has.
      const columns = (row: ValidatedRow) => ({
        coverYear: context.coverYear,
        grade: row.pupil.grade,
        gradeLevel: row.pupil.gradeLevel,
        className: row.pupil.className,
        gender: row.pupil.gender,
        guardianPhoneHash: row.pupil.guardianPhone ? hashPhone(row.pupil.guardianPhone, dataKey) : null,
        guardianPhoneEncrypted: row.pupil.guardianPhone ? encryptField(row.pupil.guardianPhone, sealing) : null,
        current: true,
        leftAt: null,
      });
      const creates: (string | number | boolean | Date | null)[][] = [];
      for (let i = 0; i < toWrite.length; i++) {
        const existing = lookup.rowIdHereByPerson.get(personIds[i]);
        const c = columns(toWrite[i].row);
        if (existing) await tx.schoolPupil.update({ where: { id: existing }, data: c });
        else {
          creates.push([newRowId(), input.schoolId, personIds[i], c.coverYear, c.grade, c.gradeLevel, c.className, c.gender, c.guardianPhoneHash, c.guardianPhoneEncrypted, true, "unpaid", context.now, context.now]);
        }
      }
      const pupilColumns = ["id", "schoolId", "personId", "coverYear", "grade", "gradeLevel", "className", "gender", "guardianPhoneHash", "guardianPhoneEncrypted", "current", "status", "createdAt", "updatedAt"];
      if (creates.length > 0) await insertRows(tx, "SchoolPupil", pupilColumns, creates);

      // 4. 毕业 / 转出: off the current roster.
      const leavingIds = lookup.sort.leaving.map((hash) => lookup.currentHereIdByHash.get(hash)!);
      if (leavingIds.length > 0) {
        for (let i = 0; i < leavingIds.length; i += LOOKUP_CHUNK) {
          await tx.schoolPupil.updateMany({ where: { id: { in: leavingIds.slice(i, i + LOOKUP_CHUNK) } }, data: { current: false, leftAt: context.now } });
        }
      }

      // 5. Remember the columns; audit the import (counts only: no personal data in the log).
      const remembered = JSON.stringify(mappingToRemember(input.rows, input.mapping));
      await tx.schoolRosterSettings.upsert({ where: { schoolId: input.schoolId }, create: { schoolId: input.schoolId, mappingJson: remembered }, update: { mappingJson: remembered } });
      const c = preview.counts;
      await recordAudit(tx, {
        actorType: "staff",
        actorId: context.actorId,
        action: "school.roster.import",
        target: input.schoolId,
        reason: `mode=${input.mode} total=${c.total} renew=${c.renew} new=${c.new} transfer-in=${c["transfer-in"]} elsewhere=${c["already-elsewhere"]} leaving=${c.leaving} errors=${c.errors}`,
        at: context.now,
      });
      return { ok: true as const, preview };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The headings the school mapped last time, for suggestMapping. */
export async function rememberedMapping(db: Db, schoolId: string): Promise<{ headings: Partial<Record<RosterField, string>> } | null> {
  const row = await db.schoolRosterSettings.findUnique({ where: { schoolId } });
  if (!row) return null;
  try {
    return JSON.parse(row.mappingJson) as { headings: Partial<Record<RosterField, string>> };
  } catch {
    return null;
  }
}
