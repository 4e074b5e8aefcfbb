import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/roles";

export type { CitizenSessionUser, SessionUser, StaffRole, StaffSessionUser } from "@/lib/auth/roles";

/**
 * The signed-in person, or null: the one place the session is read. Pages, actions and route
 * handlers do not call this; they use lib/auth/guards.ts (a structure test checks).
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}
