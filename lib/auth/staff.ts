import bcrypt from "bcryptjs";
import { recordAudit } from "@/lib/db/audit";
import { authContext, type AuthContext } from "@/lib/auth/context";
import type { StaffSignInError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/roles";

export const STAFF_LOCKOUT = {
  /** Consecutive wrong passwords that lock the account… */
  maxFailures: 5,
  /** …for this long. */
  lockSeconds: 15 * 60,
} as const;

/** bcrypt cost for new passwords (about 0.35 s with bcryptjs on this hardware). */
export const BCRYPT_COST = 12;

// Compared against when the username is unknown, so that case takes as long as a wrong password.
const DUMMY_HASH = "$2b$12$x0ITMr9wk9reFvSSzqaSceo1lqtGmLUXgIQxWgpLYiMAgevhJpcga";

const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string, cost: number = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export type StaffUserSession = Extract<SessionUser, { kind: "staff" }>;

export type StaffSignInResult =
  | { ok: true; user: StaffUserSession }
  | { ok: false; code: Exclude<StaffSignInError, "server-error"> };

export function toStaffSession(user: {
  id: string;
  role: StaffUserSession["role"];
  areaCode: string | null;
  schoolId: string | null;
  displayName: string;
}): StaffUserSession {
  return {
    kind: "staff",
    id: user.id,
    role: user.role,
    ...(user.areaCode ? { areaCode: user.areaCode } : {}),
    ...(user.schoolId ? { schoolId: user.schoolId } : {}),
    displayName: user.displayName,
  };
}

/**
 * Username + password sign-in for staff. Unknown user and wrong password give
 * the same answer; 5 wrong passwords in a row lock the account for 15
 * minutes. Every attempt is written to AuditLog.
 */
export async function verifyStaffCredentials(
  input: { username: string; password: string; ip?: string },
  context: Partial<AuthContext> = {},
): Promise<StaffSignInResult> {
  const ctx = authContext(context);
  const now = ctx.now();
  const username = normalizeUsername(String(input.username ?? ""));
  const password = String(input.password ?? "");
  const audit = (action: string, actorId: string | null, reason: string | null) =>
    recordAudit(ctx.db, { actorType: "staff", actorId, action, target: username, reason, ip: input.ip, at: now });

  const user = username ? await ctx.db.staffUser.findUnique({ where: { username } }) : null;
  const tooLong = password.length > MAX_PASSWORD_LENGTH;

  if (!user) {
    await bcrypt.compare(password.slice(0, MAX_PASSWORD_LENGTH), DUMMY_HASH);
    await audit("staff.sign-in.failure", null, "unknown-user");
    return { ok: false, code: "credentials-invalid" };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await audit("staff.sign-in.failure", user.id, "locked");
    return { ok: false, code: "account-locked" };
  }

  const matches = !tooLong && password.length > 0 && (await bcrypt.compare(password, user.passwordHash));
  if (!user.active) {
    await audit("staff.sign-in.failure", user.id, "inactive");
    return { ok: false, code: "credentials-invalid" };
  }
  if (!matches) {
    const updated = await ctx.db.staffUser.update({
      where: { id: user.id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    await audit("staff.sign-in.failure", user.id, "wrong-password");
    if (updated.failedLogins >= STAFF_LOCKOUT.maxFailures) {
      // Start the lock and the count afresh: after it ends, another 5 tries.
      await ctx.db.staffUser.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(now.getTime() + STAFF_LOCKOUT.lockSeconds * 1000), failedLogins: 0 },
      });
      await audit("staff.account-locked", user.id, `${STAFF_LOCKOUT.maxFailures} failed sign-ins`);
      return { ok: false, code: "account-locked" };
    }
    return { ok: false, code: "credentials-invalid" };
  }

  await ctx.db.staffUser.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
  });
  await audit("staff.sign-in.success", user.id, null);
  return { ok: true, user: toStaffSession(user) };
}
