import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { toStaffSession } from "@/lib/auth/staff";

/**
 * Session revocation. Sessions are signed cookies (next-auth JWT), valid on their own until they expire; each
 * carries its account's session version, and every session lookup compares it with the account's current one.
 * Raising the version (sign-out, staff deactivation) ends every session issued before, including copies.
 */

/** The session's person as the database has them now, or null when the session no longer stands. */
export async function currentSessionUser(
  db: Pick<PrismaClient, "citizen" | "staffUser">,
  user: SessionUser,
  sessionVersion: number | undefined,
): Promise<SessionUser | null> {
  if (user.kind === "citizen") {
    const citizen = await db.citizen.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
    return citizen && citizen.sessionVersion === sessionVersion ? user : null;
  }
  // Staff: re-read too, so role, area and deactivation take effect at once.
  const staff = await db.staffUser.findUnique({ where: { id: user.id } });
  return staff && staff.active && staff.sessionVersion === sessionVersion ? toStaffSession(staff) : null;
}

/**
 * End the sessions of the account a (still valid) session belongs to. A revoked session cannot do it again,
 * so an old copied cookie cannot be used to sign the owner out over and over.
 */
export async function endSessions(
  db: Pick<PrismaClient, "citizen" | "staffUser">,
  user: SessionUser,
  sessionVersion: number | undefined,
): Promise<boolean> {
  if (sessionVersion === undefined) return false;
  const where = { id: user.id, sessionVersion };
  const data = { sessionVersion: { increment: 1 } };
  const updated = user.kind === "citizen" ? await db.citizen.updateMany({ where, data }) : await db.staffUser.updateMany({ where, data });
  return updated.count > 0;
}
