import type { StaffRole } from "@/lib/auth/roles";

/**
 * Who prints the applicant's paper (受理回执, 一次性告知书) for an application of their area: the
 * desk, and the caseworker who takes in at the same window. Printing never moves a case, so approvers
 * and admins need not; a desk still cannot approve or pay (the state machine's roles).
 */
export const DESK_PAPER_ROLES = ["desk", "caseworker"] as const satisfies readonly StaffRole[];
