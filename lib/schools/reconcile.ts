import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { getDataKey } from "@/lib/crypto/keys";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { maskIdNumber, maskName } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { insertRows } from "@/lib/schools/bulk-insert";
import { readReturnRows, type FileStatus, type ReturnMapping, type ReturnRow } from "@/lib/schools/return-file";
import { applyStatusEvent, isPupilStatus, type PupilStatus } from "@/lib/schools/statuses";

/**
 * Reconciliation: the 税务 / 医保 return file set against the school's current roster. Rows are matched
 * to pupils by the keyed hash of the ID number only. What the file confirms is marked 已参保（已核对）;
 * where the file and the school's record disagree nothing changes until the school admin decides, row
 * by row, to keep the record or take the file's word. All changes of one file in one transaction with
 * their audit entries, or none.
 */
type Db = PrismaClient | Prisma.TransactionClient;

/**
 *   confirm        the file says paid, the school still waits (待缴费 / 家长已缴待核对): becomes 已参保（已核对）
 *   unchanged      the file agrees with the record (or says paid for a funded pupil: 资助参保 is paid by 医疗救助)
 *   conflict       the file contradicts the record: paid for a pupil recorded 外地已参保 / 不参保; unpaid for one
 *                  recorded 已参保 or whose parent uploaded a receipt. Needs a decision.
 *   funded-unpaid  a funded pupil the file shows unpaid: the area's funding has not gone through. The school
 *                  tells 医保经办 and never asks the family for money; the status is the funding list's, not the school's.
 */
export type ReconcileOutcome = "confirm" | "unchanged" | "conflict" | "funded-unpaid";

export function reconcileOutcome(current: PupilStatus, file: FileStatus): ReconcileOutcome {
  if (file === "paid") {
    if (current === "unpaid" || current === "paid-unverified") return "confirm";
    if (current === "enrolled" || current === "funded") return "unchanged";
    return "conflict";
  }
  if (current === "funded") return "funded-unpaid";
  if (current === "enrolled" || current === "paid-unverified") return "conflict";
  return "unchanged";
}

export type MatchedRow = {
  rowNumber: number;
  pupilId: string;
  grade: string;
  gradeLevel: number | null;
  className: string;
  current: PupilStatus;
  fileStatus: FileStatus;
  date: string | null;
  outcome: ReconcileOutcome;
  /** Filled for conflicts and funded-unpaid rows only (what the admin decides on). */
  nameMasked?: string;
  idNumberMasked?: string;
};

export type ReconcilePlan = {
  matched: MatchedRow[];
  /** Valid rows whose ID number is on no current roster of this school (not said whether it is elsewhere). */
  unknown: { rowNumber: number; idNumberMasked: string }[];
  /** Rows that take no part (bad ID number, unknown status word, bad date, formula, duplicate). */
  problems: ReturnRow[];
  counts: { rows: number; confirm: number; unchanged: number; conflict: number; fundedUnpaid: number; unknown: number; problems: number };
};

type PupilOfSchool = { id: string; status: string; grade: string; gradeLevel: number | null; className: string; idNumberHash: string | null; nameEncrypted: string | null };

/** The school's current pupils with their ID hash: one query (a school has at most some 10,000). */
async function currentPupils(db: Db, schoolId: string): Promise<PupilOfSchool[]> {
  const rows = await db.schoolPupil.findMany({
    where: { schoolId, current: true },
    select: { id: true, status: true, grade: true, gradeLevel: true, className: true, person: { select: { idNumberHash: true, nameEncrypted: true } } },
  });
  return rows.map((r) => ({ id: r.id, status: r.status, grade: r.grade, gradeLevel: r.gradeLevel, className: r.className, idNumberHash: r.person.idNumberHash, nameEncrypted: r.person.nameEncrypted }));
}

export async function planReconciliation(db: Db, input: { schoolId: string; rows: string[][]; mapping: ReturnMapping }): Promise<ReconcilePlan> {
  const fileRows = readReturnRows(input.rows, input.mapping);
  const pupils = await currentPupils(db, input.schoolId);
  const byHash = new Map<string, PupilOfSchool>();
  for (const p of pupils) if (p.idNumberHash) byHash.set(p.idNumberHash, p);
  const dataKey = getDataKey();
  const plan: ReconcilePlan = { matched: [], unknown: [], problems: [], counts: { rows: fileRows.length, confirm: 0, unchanged: 0, conflict: 0, fundedUnpaid: 0, unknown: 0, problems: 0 } };
  for (const row of fileRows) {
    if (row.problem || !row.fileStatus) {
      plan.problems.push(row);
      continue;
    }
    const pupil = byHash.get(hashIdNumber(row.idNumber, dataKey));
    if (!pupil) {
      plan.unknown.push({ rowNumber: row.rowNumber, idNumberMasked: maskIdNumber(row.idNumber) });
      continue;
    }
    const current: PupilStatus = isPupilStatus(pupil.status) ? pupil.status : "unpaid";
    const outcome = reconcileOutcome(current, row.fileStatus);
    const matched: MatchedRow = {
      rowNumber: row.rowNumber,
      pupilId: pupil.id,
      grade: pupil.grade,
      gradeLevel: pupil.gradeLevel,
      className: pupil.className,
      current,
      fileStatus: row.fileStatus,
      date: row.date,
      outcome,
    };
    if (outcome === "conflict" || outcome === "funded-unpaid") {
      matched.nameMasked = maskName(pupil.nameEncrypted ? decryptField(pupil.nameEncrypted) : "");
      matched.idNumberMasked = maskIdNumber(row.idNumber);
    }
    plan.matched.push(matched);
  }
  for (const m of plan.matched) {
    if (m.outcome === "confirm") plan.counts.confirm++;
    else if (m.outcome === "unchanged") plan.counts.unchanged++;
    else if (m.outcome === "conflict") plan.counts.conflict++;
    else plan.counts.fundedUnpaid++;
  }
  plan.counts.unknown = plan.unknown.length;
  plan.counts.problems = plan.problems.length;
  return plan;
}

export type ConflictDecision = "keep" | "take";

export type ReconcileCommitResult =
  | { ok: true; counts: ReconcilePlan["counts"] & { changed: number; kept: number; taken: number } }
  | { ok: false; error: "decision-missing"; missing: number }
  | { ok: false; error: "nothing-to-do" };

const UPDATE_CHUNK = 500;

/**
 * Apply the plan in one transaction. The plan is computed again inside the transaction from the same
 * file, so a status that moved since the preview is decided on what it is now: a conflict without a
 * decision (for instance one that appeared meanwhile) refuses the whole commit and nothing is written.
 * Every status change gets its own audit entry (pupil, before → after, the file's date); the file as a
 * whole one more with the counts. No personal data in the log.
 */
export async function commitReconciliation(
  db: PrismaClient,
  input: { schoolId: string; rows: string[][]; mapping: ReturnMapping; decisions: Record<string, ConflictDecision>; fileName: string },
  context: { actorId: string; now: Date },
): Promise<ReconcileCommitResult> {
  return db.$transaction(
    async (tx) => {
      const plan = await planReconciliation(tx, input);
      const conflicts = plan.matched.filter((m) => m.outcome === "conflict");
      const missing = conflicts.filter((m) => input.decisions[m.pupilId] !== "keep" && input.decisions[m.pupilId] !== "take").length;
      if (missing > 0) return { ok: false as const, error: "decision-missing" as const, missing };
      if (plan.matched.length === 0) return { ok: false as const, error: "nothing-to-do" as const };

      // New status per pupil, grouped so one UPDATE … WHERE id IN (…) covers each group.
      const moves: { row: MatchedRow; to: PupilStatus; why: string }[] = [];
      let kept = 0;
      for (const m of plan.matched) {
        if (m.outcome === "confirm") moves.push({ row: m, to: "enrolled", why: "return-file" });
        else if (m.outcome === "conflict") {
          if (input.decisions[m.pupilId] === "keep") {
            kept++;
            continue;
          }
          const move = applyStatusEvent(m.current, { kind: "return-file-decided", fileStatus: m.fileStatus });
          if (move.ok) moves.push({ row: m, to: move.status, why: "return-file, decided: take the file's" });
        }
      }
      const byTarget = new Map<PupilStatus, string[]>();
      for (const move of moves) {
        const ids = byTarget.get(move.to) ?? [];
        ids.push(move.row.pupilId);
        byTarget.set(move.to, ids);
      }
      for (const [status, ids] of byTarget) {
        for (let i = 0; i < ids.length; i += UPDATE_CHUNK) {
          await tx.schoolPupil.updateMany({
            where: { id: { in: ids.slice(i, i + UPDATE_CHUNK) }, schoolId: input.schoolId },
            data: { status, statusNoteEncrypted: null, statusChangedAt: context.now },
          });
        }
      }

      const audit = (action: string, target: string, reason: string) => [context.now, "staff", context.actorId, action, target, reason];
      const entries = [
        ...moves.map((m) => audit("school.pupil.status", m.row.pupilId, `${m.row.current}→${m.to} (${m.why}; file=${m.row.fileStatus}${m.row.date ? ` ${m.row.date}` : ""})`)),
        ...conflicts.filter((m) => input.decisions[m.pupilId] === "keep").map((m) => audit("school.reconcile.keep", m.pupilId, `${m.current} kept; file=${m.fileStatus}`)),
      ];
      if (entries.length > 0) await insertRows(tx, "AuditLog", ["at", "actorType", "actorId", "action", "target", "reason"], entries);
      const c = plan.counts;
      const taken = moves.length - c.confirm;
      await recordAudit(tx, {
        actorType: "staff",
        actorId: context.actorId,
        action: "school.reconcile.commit",
        target: input.schoolId,
        reason: `file=${input.fileName.slice(0, 60)} rows=${c.rows} confirmed=${c.confirm} unchanged=${c.unchanged} conflicts=${c.conflict} kept=${kept} taken=${taken} funded-unpaid=${c.fundedUnpaid} unknown=${c.unknown} problems=${c.problems}`,
        at: context.now,
      });
      return { ok: true as const, counts: { ...c, changed: moves.length, kept, taken } };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
