import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { maskIdNumber, maskName } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { applyStatusEvent, countStatuses, isPupilStatus, type ClassCounts, type PupilStatus, type StatusEvent, type StatusRefusal } from "@/lib/schools/statuses";

/**
 * A school's pupils as the school sees them: the roster (masked), counts per class, and status
 * changes (each one audited). Callers have already checked that the actor reaches the school.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export type RosterRow = {
  id: string;
  nameMasked: string;
  idNumberMasked: string;
  grade: string;
  gradeLevel: number | null;
  className: string;
  status: PupilStatus;
  /** Partial 资助参保: yuan the family still pays (decimal string to the fen), else null. Never the tier. */
  amountDue: string | null;
  /** The 不参保 reason / 外地 note: only for the school admin. */
  note: string | null;
};

function statusOf(value: string): PupilStatus {
  return isPupilStatus(value) ? value : "unpaid";
}

/** Classes are named by grade and class ("一年级 1班"); the key sorts by grade level then name. */
export function classKey(row: { grade: string; className: string }): string {
  return `${row.grade} ${row.className}`;
}

/** The school's current roster, masked, sorted by grade, class and name. Reads no clear ID number (masking needs it decrypted, not shown; no audit). */
export async function listRoster(db: Db, schoolId: string, options: { className?: string; grade?: string; withNotes: boolean }): Promise<RosterRow[]> {
  const rows = await db.schoolPupil.findMany({
    where: { schoolId, current: true, ...(options.className ? { className: options.className } : {}), ...(options.grade ? { grade: options.grade } : {}) },
    include: { person: { select: { nameEncrypted: true, idNumberEncrypted: true } } },
  });
  return rows
    .map((r) => {
      const name = r.person.nameEncrypted ? decryptField(r.person.nameEncrypted) : "";
      const idNumber = r.person.idNumberEncrypted ? decryptField(r.person.idNumberEncrypted) : "";
      return {
        id: r.id,
        nameMasked: maskName(name),
        idNumberMasked: maskIdNumber(idNumber),
        grade: r.grade,
        gradeLevel: r.gradeLevel,
        className: r.className,
        status: statusOf(r.status),
        amountDue: r.amountDue,
        note: options.withNotes && r.statusNoteEncrypted ? decryptField(r.statusNoteEncrypted) : null,
        sortName: name,
      };
    })
    .sort((a, b) => (a.gradeLevel ?? 99) - (b.gradeLevel ?? 99) || a.className.localeCompare(b.className, "zh") || a.sortName.localeCompare(b.sortName, "zh"))
    .map(({ sortName: _sortName, ...row }) => row);
}

export type ClassSummary = { grade: string; gradeLevel: number | null; className: string; counts: ClassCounts };

/** Counts per class and for the whole school (current pupils only). */
export async function schoolDashboard(db: Db, schoolId: string): Promise<{ classes: ClassSummary[]; school: ClassCounts }> {
  const rows = await db.schoolPupil.findMany({ where: { schoolId, current: true }, select: { grade: true, gradeLevel: true, className: true, status: true } });
  const byClass = new Map<string, { grade: string; gradeLevel: number | null; className: string; statuses: PupilStatus[] }>();
  for (const r of rows) {
    const key = classKey(r);
    let entry = byClass.get(key);
    if (!entry) byClass.set(key, (entry = { grade: r.grade, gradeLevel: r.gradeLevel, className: r.className, statuses: [] }));
    entry.statuses.push(statusOf(r.status));
  }
  const classes = [...byClass.values()]
    .map((c) => ({ grade: c.grade, gradeLevel: c.gradeLevel, className: c.className, counts: countStatuses(c.statuses) }))
    .sort((a, b) => (a.gradeLevel ?? 99) - (b.gradeLevel ?? 99) || a.className.localeCompare(b.className, "zh"));
  return { classes, school: countStatuses(rows.map((r) => statusOf(r.status))) };
}

export type StatusChangeResult = { ok: true; status: PupilStatus } | { ok: false; reason: StatusRefusal | "not-found" };

/**
 * Move one pupil's status (the rules are lib/schools/statuses.ts), in one transaction with its audit
 * entry. `schoolId` scopes the pupil: a pupil of another school is "not-found".
 */
export async function changePupilStatus(
  db: PrismaClient,
  input: { schoolId: string; pupilId: string; event: StatusEvent },
  context: { actorType: "staff" | "anonymous"; actorId: string | null; now: Date },
): Promise<StatusChangeResult> {
  return db.$transaction(async (tx) => {
    const pupil = await tx.schoolPupil.findFirst({ where: { id: input.pupilId, schoolId: input.schoolId, current: true }, select: { id: true, status: true } });
    if (!pupil) return { ok: false, reason: "not-found" };
    const move = applyStatusEvent(statusOf(pupil.status), input.event);
    if (!move.ok) return move;
    await tx.schoolPupil.update({
      where: { id: pupil.id },
      data: { status: move.status, statusNoteEncrypted: move.note ? encryptField(move.note) : null, statusChangedAt: context.now },
    });
    await recordAudit(tx, {
      actorType: context.actorType,
      actorId: context.actorId,
      action: "school.pupil.status",
      target: pupil.id,
      reason: `${pupil.status}→${move.status} (${input.event.kind})`,
      at: context.now,
    });
    return { ok: true, status: move.status };
  });
}
