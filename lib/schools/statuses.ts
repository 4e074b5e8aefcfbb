import { z } from "zod";

/**
 * A pupil's enrolment status for the season, and who may move it where. Pure (the pages, the parent's
 * receipt, the funding list and the reconciliation all ask here).
 *
 *   unpaid 待缴费 ──parent uploads 缴费凭证──▶ paid-unverified 家长已缴（待核对）──school / 税务 return──▶ enrolled 已参保（已核对）
 *   funded 资助参保 (the area's funding list; nobody asks the family for money)
 *   enrolled-elsewhere 外地已参保 (with where / proof)
 *   not-enrolling 不参保 (reason recorded)
 */
export const PUPIL_STATUSES = ["unpaid", "paid-unverified", "enrolled", "funded", "enrolled-elsewhere", "not-enrolling"] as const;
export type PupilStatus = (typeof PUPIL_STATUSES)[number];

export function isPupilStatus(value: unknown): value is PupilStatus {
  return typeof value === "string" && (PUPIL_STATUSES as readonly string[]).includes(value);
}

/** What moves a status, and who does it. */
export type StatusEvent =
  | { kind: "receipt-uploaded" } // the parent, by the pupil's link
  | { kind: "verified" } // school admin or the class teacher, after checking the receipt
  | { kind: "enrolled-elsewhere"; note: string } // school admin / teacher
  | { kind: "not-enrolling"; reason: string } // school admin / teacher
  | { kind: "reset" } // school admin: back to 待缴费 (a mistake)
  | { kind: "funding-listed" } // the area's funding list matched the pupil, for all of the contribution
  | { kind: "funding-part-listed" } // the list funds part of it: the family still pays the rest
  | { kind: "return-file-paid" } // the 税务 / 医保 return file says paid (reconciliation decides conflicts first)
  | { kind: "return-file-decided"; fileStatus: "paid" | "unpaid" }; // school admin: a conflict with the return file, decided for the file

export type StatusRefusal = "not-allowed" | "note-required";

export type StatusMove = { ok: true; status: PupilStatus; note: string | null } | { ok: false; reason: StatusRefusal };

const noteSchema = z.string().trim().min(1).max(200);

/** The status after `event`, or why the event does not apply. */
export function applyStatusEvent(current: PupilStatus, event: StatusEvent): StatusMove {
  switch (event.kind) {
    case "receipt-uploaded":
      // A receipt for a pupil who needs none (funded) or is already confirmed changes nothing.
      return current === "unpaid" || current === "paid-unverified" ? { ok: true, status: "paid-unverified", note: null } : { ok: false, reason: "not-allowed" };
    case "verified":
      return current === "paid-unverified" || current === "unpaid" ? { ok: true, status: "enrolled", note: null } : { ok: false, reason: "not-allowed" };
    case "enrolled-elsewhere": {
      const note = noteSchema.safeParse(event.note);
      if (!note.success) return { ok: false, reason: "note-required" };
      return current === "funded" ? { ok: false, reason: "not-allowed" } : { ok: true, status: "enrolled-elsewhere", note: note.data };
    }
    case "not-enrolling": {
      const reason = noteSchema.safeParse(event.reason);
      if (!reason.success) return { ok: false, reason: "note-required" };
      return current === "funded" || current === "enrolled" ? { ok: false, reason: "not-allowed" } : { ok: true, status: "not-enrolling", note: reason.data };
    }
    case "reset":
      return current === "funded" ? { ok: false, reason: "not-allowed" } : { ok: true, status: "unpaid", note: null };
    case "funding-listed":
      // 资助参保 wins over any family payment not yet confirmed; a confirmed one is a conflict for the school (refund), shown, not overwritten.
      return current === "unpaid" || current === "paid-unverified" || current === "funded" ? { ok: true, status: "funded", note: null } : { ok: false, reason: "not-allowed" };
    case "funding-part-listed":
      // The family still pays the rest: a pupil waiting on them keeps waiting (of the smaller amount); one marked
      // 资助参保 by an earlier list goes back to waiting; a confirmed payment is a conflict (refund the funded part).
      if (current === "unpaid" || current === "paid-unverified") return { ok: true, status: current, note: null };
      return current === "funded" ? { ok: true, status: "unpaid", note: null } : { ok: false, reason: "not-allowed" };
    case "return-file-paid":
      return current === "unpaid" || current === "paid-unverified" || current === "enrolled" ? { ok: true, status: "enrolled", note: null } : { ok: false, reason: "not-allowed" };
    case "return-file-decided":
      // A funded pupil's status is the area's funding list's to change, never a school's.
      if (current === "funded") return { ok: false, reason: "not-allowed" };
      return { ok: true, status: event.fileStatus === "paid" ? "enrolled" : "unpaid", note: null };
  }
}

/** Counted as enrolled for the 参保率: confirmed, funded, or enrolled elsewhere. */
export const COVERED_STATUSES: ReadonlySet<PupilStatus> = new Set(["enrolled", "funded", "enrolled-elsewhere"]);
/** Still waiting on the family (the teacher's list to chase). */
export const WAITING_STATUSES: ReadonlySet<PupilStatus> = new Set(["unpaid", "paid-unverified"]);

/**
 * The label key a viewer may see. A teacher and a parent see that a funded pupil needs no payment,
 * never why (低保, 特困, 孤儿 … are sensitive personal information about a minor: PIPL art. 28, 31);
 * the reason for 不参保 is shown to the school admin only.
 */
export type StatusViewer = "school-admin" | "teacher" | "parent" | "education-staff";

export function statusLabelKey(status: PupilStatus): string {
  return `school.status.${status}`;
}

export function mayReadStatusNote(viewer: StatusViewer, status: PupilStatus): boolean {
  return viewer === "school-admin" && (status === "not-enrolling" || status === "enrolled-elsewhere");
}

export type ClassCounts = { total: number; enrolled: number; funded: number; elsewhere: number; waiting: number; unpaid: number; notEnrolling: number; rate: number };

/** Counts per status and the 参保率 (covered ÷ current pupils, 0 for an empty class), as a whole percent rounded down. */
export function countStatuses(statuses: readonly PupilStatus[]): ClassCounts {
  const c: ClassCounts = { total: statuses.length, enrolled: 0, funded: 0, elsewhere: 0, waiting: 0, unpaid: 0, notEnrolling: 0, rate: 0 };
  for (const s of statuses) {
    if (s === "enrolled") c.enrolled++;
    else if (s === "funded") c.funded++;
    else if (s === "enrolled-elsewhere") c.elsewhere++;
    else if (s === "paid-unverified") c.waiting++;
    else if (s === "unpaid") c.unpaid++;
    else c.notEnrolling++;
  }
  const covered = c.enrolled + c.funded + c.elsewhere;
  // Rounded down so 99.6% never shows as 100% while one pupil is missing.
  c.rate = c.total === 0 ? 0 : Math.floor((covered * 100) / c.total);
  return c;
}
