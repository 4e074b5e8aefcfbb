/** Staff roles (must match enum StaffRole in prisma/schema.prisma; a unit test checks). No server imports. */
export const STAFF_ROLES = ["desk", "caseworker", "approver", "school_admin", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What the session carries for the signed-in person (session.user). */
export type SessionUser =
  | { kind: "citizen"; id: string; displayName?: string }
  | {
      kind: "staff";
      id: string;
      role: StaffRole;
      /** The area a desk / caseworker / approver works for. */
      areaCode?: string;
      /** The school a school_admin works for. */
      schoolId?: string;
      displayName?: string;
    };

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}
