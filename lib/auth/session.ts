import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import type { SessionUser, StaffRole } from "./roles";

export type { SessionUser, StaffRole } from "./roles";

/** The signed-in person, or null. Server only (server components, route handlers, actions). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}

export type StaffSessionUser = Extract<SessionUser, { kind: "staff" }>;
export type CitizenSessionUser = Extract<SessionUser, { kind: "citizen" }>;

/** A staff member, optionally with one of `roles`. */
export function isStaff(user: SessionUser | null | undefined, roles?: readonly StaffRole[]): user is StaffSessionUser {
  return user?.kind === "staff" && (!roles || roles.includes(user.role));
}

export function isCitizen(user: SessionUser | null | undefined): user is CitizenSessionUser {
  return user?.kind === "citizen";
}
