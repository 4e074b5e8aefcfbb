/**
 * Who may do what, by role: the one list of staff roles and the one place role sets live.
 * No server imports (client components and the pure state machine import it).
 */

/** Staff roles (must match enum StaffRole in prisma/schema.prisma; a unit test checks). */
export const STAFF_ROLES = ["desk", "caseworker", "approver", "school_admin", "admin", "teacher", "education"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that work on 临时救助 cases: they see their area's queue and case pages and may act on cases. */
export const CASE_ROLES = ["desk", "caseworker", "approver", "admin"] as const satisfies readonly StaffRole[];
export type CaseRole = (typeof CASE_ROLES)[number];

/** Roles that work for one school (the school workflow). */
export const SCHOOL_ROLES = ["school_admin"] as const satisfies readonly StaffRole[];

/** A class teacher (班主任): one class of one school, invited by the school admin, signs in with a one-time code. */
export const TEACHER_ROLES = ["teacher"] as const satisfies readonly StaffRole[];

/** Area education staff (教育局, where 沈阳 000 五 puts the 专班 office): per-school aggregates and the area's 专班 cases, no pupil rows. */
export const EDUCATION_ROLES = ["education"] as const satisfies readonly StaffRole[];

/** Every staff role: pages any signed-in staff member may open (the console's landing page). */
export const ANY_STAFF_ROLE = STAFF_ROLES;

/** Roles bound to no single area: they reach every area's records. */
/**
 * Who prints the applicant's paper (受理回执, 一次性告知书) for an application of their area: the
 * desk, and the caseworker who takes in at the same window. Printing never moves a case, so approvers
 * and admins need not; a desk still cannot approve or pay (the state machine's roles).
 */
export const DESK_PAPER_ROLES = ["desk", "caseworker"] as const satisfies readonly StaffRole[];

/** Who works the area's 政策找人 queue: caseworkers follow flags up, approvers approve 兜底 proposals. */
export const MONITORING_ROLES = ["caseworker", "approver", "admin"] as const satisfies readonly StaffRole[];

/**
 * Who imports the area's 资助参保 funding list (from 民政 / 医保): the area's caseworkers. Nobody at a
 * school sees it; the school and the family see only that a pupil needs no payment.
 */
export const FUNDING_LIST_ROLES = ["caseworker"] as const satisfies readonly StaffRole[];

export const ALL_AREA_ROLES = ["admin"] as const satisfies readonly StaffRole[];

/** What the session carries for the signed-in person (session.user). */
export type SessionUser =
  | { kind: "citizen"; id: string; displayName?: string }
  | {
      kind: "staff";
      id: string;
      role: StaffRole;
      /** The area a desk / caseworker / approver works for. */
      areaCode?: string;
      /** The school a school_admin (or a teacher) works for. */
      schoolId?: string;
      /** The one class a teacher sees. */
      classOf?: { grade: string; className: string };
      displayName?: string;
    };

export type StaffSessionUser = Extract<SessionUser, { kind: "staff" }>;
export type CitizenSessionUser = Extract<SessionUser, { kind: "citizen" }>;

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

export function hasRole<R extends StaffRole>(role: StaffRole, roles: readonly R[]): role is R {
  return (roles as readonly StaffRole[]).includes(role);
}
