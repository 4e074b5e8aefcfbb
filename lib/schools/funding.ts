import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { getDataKey } from "@/lib/crypto/keys";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { recordAudit } from "@/lib/db/audit";
import { fundsCoverYear, readFundingSheet, type FundingProblem } from "@/lib/schools/funding-list";
import { packHasFundingTiers, tierFunding, tierIdFor, type TierFunding } from "@/lib/schools/funding-tiers";
import { readRosterFile, type RosterFileError } from "@/lib/schools/roster-file";
import { applyStatusEvent, isPupilStatus } from "@/lib/schools/statuses";

/**
 * The area's 资助参保 list in the database: imported by the area's caseworker (never by a school),
 * each person kept by keyed hash with the ID number and the tier encrypted, and matched to the
 * current pupils of the area's schools by that hash. A funded pupil's status becomes 资助参保; what the
 * tier says stays here: the school, the teacher and the family see only "无需缴费（资助参保）".
 *
 * Importing the same list again changes nothing (one entry per area, person and start date; a changed
 * tier or end date updates it). A file with any bad row is refused whole, with each row's problem.
 */
type Tx = Prisma.TransactionClient;

/** SQLite allows 32,766 bound variables per statement; lookups go in chunks well below it. */
const CHUNK = 500;

export type FundingImportCounts = { rows: number; added: number; updated: number; unchanged: number; matched: number; conflicts: number };

export type FundingImportResult =
  | { ok: true; importId: string; counts: FundingImportCounts }
  | { ok: false; error: RosterFileError | "columns" | "rows"; problems: FundingProblem[] };

export async function importFundingList(
  db: PrismaClient,
  input: { areaCode: string; fileName: string; bytes: Uint8Array },
  by: { actorId: string; now: Date; today: string },
): Promise<FundingImportResult> {
  const file = await readRosterFile(input.bytes, input.fileName);
  if (!file.ok) return { ok: false, error: file.error, problems: [] };
  const area = await db.area.findUnique({ where: { code: input.areaCode }, select: { policyPackId: true } });
  const packId = area?.policyPackId ?? null;
  const knownTier = packId && packHasFundingTiers(packId) ? (tier: string) => tierIdFor(packId, tier) !== null : undefined;
  const sheet = readFundingSheet(file.sheet.rows, by.today, knownTier);
  if (!sheet.ok) return { ok: false, error: sheet.error === "columns" ? "columns" : "empty", problems: [] };
  if (sheet.problems.length > 0) return { ok: false, error: "rows", problems: sheet.problems };
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const dataKey = getDataKey();
  const rows = sheet.rows.map((r) => ({ ...r, hash: hashIdNumber(r.idNumber, dataKey) }));

  return db.$transaction(
    async (tx) => {
      const existing = new Map<string, { id: string; tierEncrypted: string; validTo: string }>();
      const hashes = [...new Set(rows.map((r) => r.hash))];
      for (let i = 0; i < hashes.length; i += CHUNK) {
        const found = await tx.schoolFundingEntry.findMany({
          where: { areaCode: input.areaCode, idNumberHash: { in: hashes.slice(i, i + CHUNK) } },
          select: { id: true, idNumberHash: true, validFrom: true, validTo: true, tierEncrypted: true },
        });
        for (const e of found) existing.set(`${e.idNumberHash}|${e.validFrom}`, e);
      }
      const batch = await tx.schoolFundingImport.create({
        data: { areaCode: input.areaCode, fileName: input.fileName.slice(0, 200), fileHash, rows: rows.length, added: 0, updated: 0, unchanged: 0, matched: 0, conflicts: 0, createdById: by.actorId, createdAt: by.now },
      });
      const counts: FundingImportCounts = { rows: rows.length, added: 0, updated: 0, unchanged: 0, matched: 0, conflicts: 0 };
      for (const r of rows) {
        const before = existing.get(`${r.hash}|${r.validFrom}`);
        if (!before) {
          await tx.schoolFundingEntry.create({
            data: {
              areaCode: input.areaCode,
              idNumberHash: r.hash,
              idNumberEncrypted: encryptField(r.idNumber, { dataKey }),
              tierEncrypted: encryptField(r.tier, { dataKey }),
              validFrom: r.validFrom,
              validTo: r.validTo,
              importId: batch.id,
            },
          });
          counts.added++;
        } else if (before.validTo !== r.validTo || decryptField(before.tierEncrypted, { dataKey }) !== r.tier) {
          await tx.schoolFundingEntry.update({ where: { id: before.id }, data: { validTo: r.validTo, tierEncrypted: encryptField(r.tier, { dataKey }), importId: batch.id } });
          counts.updated++;
        } else {
          counts.unchanged++;
        }
      }
      const match = await matchFundedPupils(tx, { areaCode: input.areaCode, hashes }, { actorId: by.actorId, now: by.now });
      counts.matched = match.matched;
      counts.conflicts = match.conflicts;
      await tx.schoolFundingImport.update({ where: { id: batch.id }, data: counts });
      await recordAudit(tx, {
        actorType: "staff",
        actorId: by.actorId,
        action: "school.funding.import",
        target: batch.id,
        reason: `rows ${counts.rows}, added ${counts.added}, updated ${counts.updated}, unchanged ${counts.unchanged}, matched ${counts.matched}, conflicts ${counts.conflicts}`,
        at: by.now,
      });
      return { ok: true as const, importId: batch.id, counts };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Current pupils of the area's schools (or of one school) whose ID number hash is among `hashes` and
 * whose cover year a list entry funds. What the entry's tier funds (lib/schools/funding-tiers.ts) decides:
 * all of it → 资助参保 (nothing to pay); part of it → the pupil keeps waiting for the family's payment, of
 * the amount still due, which the teacher and the parent see (never the tier). One audit row each. A pupil
 * whose family payment is already confirmed is counted as a conflict and left as it is (the school refunds).
 */
export async function matchFundedPupils(
  tx: Tx,
  input: { areaCode: string; hashes: readonly string[]; schoolId?: string },
  by: { actorId: string; now: Date },
): Promise<{ matched: number; conflicts: number }> {
  let matched = 0;
  let conflicts = 0;
  const area = await tx.area.findUnique({ where: { code: input.areaCode }, select: { policyPackId: true } });
  const dataKey = getDataKey();
  for (let i = 0; i < input.hashes.length; i += CHUNK) {
    const chunk = input.hashes.slice(i, i + CHUNK);
    const pupils = await tx.schoolPupil.findMany({
      where: { current: true, school: { areaCode: input.areaCode }, ...(input.schoolId ? { schoolId: input.schoolId } : {}), person: { idNumberHash: { in: chunk } } },
      select: { id: true, status: true, coverYear: true, amountDue: true, person: { select: { idNumberHash: true } } },
    });
    if (pupils.length === 0) continue;
    const entries = await tx.schoolFundingEntry.findMany({
      where: { areaCode: input.areaCode, idNumberHash: { in: pupils.map((p) => p.person.idNumberHash!) } },
      select: { idNumberHash: true, validFrom: true, validTo: true, tierEncrypted: true },
    });
    for (const pupil of pupils) {
      const entry = entries.find((e) => e.idNumberHash === pupil.person.idNumberHash && fundsCoverYear(e, pupil.coverYear));
      if (!entry) continue;
      const funding: TierFunding = area ? tierFunding(area.policyPackId, decryptField(entry.tierEncrypted, { dataKey }), pupil.coverYear) : { kind: "full" };
      if (funding.kind === "none" || funding.kind === "unknown") continue;
      const current = isPupilStatus(pupil.status) ? pupil.status : "unpaid";
      const event = funding.kind === "full" ? ({ kind: "funding-listed" } as const) : ({ kind: "funding-part-listed" } as const);
      const amountDue = funding.kind === "partial" ? funding.due : null;
      if (current === pupil.status && pupil.status === "funded" && funding.kind === "full") continue;
      if (funding.kind === "partial" && pupil.amountDue === amountDue && (current === "unpaid" || current === "paid-unverified")) continue;
      const move = applyStatusEvent(current, event);
      if (!move.ok) {
        conflicts++;
        continue;
      }
      await tx.schoolPupil.update({
        where: { id: pupil.id },
        data: { status: move.status, amountDue, ...(move.status !== current ? { statusNoteEncrypted: null, statusChangedAt: by.now } : {}) },
      });
      await recordAudit(tx, { actorType: "staff", actorId: by.actorId, action: "school.pupil.status", target: pupil.id, reason: `${pupil.status}→${move.status} (${event.kind})`, at: by.now });
      matched++;
    }
  }
  return { matched, conflicts };
}

/** After a roster import: the school's current pupils checked against the area's list (new pupils may be on it). */
export async function matchFundingForSchool(tx: Tx, input: { schoolId: string; areaCode: string }, by: { actorId: string; now: Date }): Promise<{ matched: number; conflicts: number }> {
  const persons = await tx.schoolPupil.findMany({ where: { schoolId: input.schoolId, current: true }, select: { person: { select: { idNumberHash: true } } } });
  const hashes = persons.map((p) => p.person.idNumberHash).filter((h): h is string => Boolean(h));
  return matchFundedPupils(tx, { areaCode: input.areaCode, hashes, schoolId: input.schoolId }, by);
}

export type FundingImportRow = { id: string; fileName: string; createdAt: Date; counts: FundingImportCounts };

/** The area's last imports (counts only) for the caseworker's page. */
export async function listFundingImports(db: PrismaClient, areaCode: string, take = 10): Promise<{ imports: FundingImportRow[]; entries: number }> {
  const [imports, entries] = await Promise.all([
    db.schoolFundingImport.findMany({ where: { areaCode }, orderBy: { createdAt: "desc" }, take }),
    db.schoolFundingEntry.count({ where: { areaCode } }),
  ]);
  return {
    imports: imports.map((r) => ({ id: r.id, fileName: r.fileName, createdAt: r.createdAt, counts: { rows: r.rows, added: r.added, updated: r.updated, unchanged: r.unchanged, matched: r.matched, conflicts: r.conflicts } })),
    entries,
  };
}
