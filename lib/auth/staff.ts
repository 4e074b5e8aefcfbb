import bcrypt from "bcryptjs";
import { hashIp } from "@/lib/crypto/lookup-hash";
import { recordAudit } from "@/lib/db/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authContext, type AuthContext } from "@/lib/auth/context";
import type { StaffSignInError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Wrong passwords slow further tries down instead of locking the account: a lock that anyone can trigger lets a
 * stranger keep a caseworker out of their work. Failures count per (account, address) and per address, so tries
 * from elsewhere never delay the account's owner.
 */
export const STAFF_SIGN_IN_DELAYS = {
  /** Failures older than this are forgotten. */
  windowSeconds: 60 * 60,
  /** Wrong passwords for one account from one address before tries from there are spaced out… */
  freePerAccountAddress: 3,
  /** …and wrong passwords for any accounts from one address (an office shares one address behind its router). */
  freePerAddress: 20,
  /** Then each further failure doubles the wait before the next try, from this… */
  firstDelaySeconds: 2,
  /** …up to this. */
  maxDelaySeconds: 5 * 60,
} as const;

/** bcrypt cost for every password hash (about 0.35 s with bcryptjs on this hardware). */
export const BCRYPT_COST = 12;

const MAX_PASSWORD_LENGTH = 200;

// Compared against when the username is unknown, so that answer costs exactly what a wrong password costs:
// made with BCRYPT_COST when first needed (a literal hash of another cost made unknown users 3.6× slower).
let dummyHash: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  dummyHash ??= bcrypt.hash("no such account", BCRYPT_COST);
  return dummyHash;
}

export function hashPassword(password: string, cost: number = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export type StaffUserSession = Extract<SessionUser, { kind: "staff" }>;

export type StaffSignInResult =
  | { ok: true; user: StaffUserSession; sessionVersion: number }
  | { ok: false; code: Exclude<StaffSignInError, "server-error">; retryAfterSeconds?: number };

export function toStaffSession(user: {
  id: string;
  role: StaffUserSession["role"];
  areaCode: string | null;
  schoolId: string | null;
  displayName: string;
  teacherGrade?: string | null;
  teacherClass?: string | null;
}): StaffUserSession {
  return {
    kind: "staff",
    id: user.id,
    role: user.role,
    ...(user.areaCode ? { areaCode: user.areaCode } : {}),
    ...(user.schoolId ? { schoolId: user.schoolId } : {}),
    ...(user.role === "teacher" && user.teacherGrade && user.teacherClass ? { classOf: { grade: user.teacherGrade, className: user.teacherClass } } : {}),
    displayName: user.displayName,
  };
}

const FAILURE_SCOPE_ACCOUNT_ADDRESS = "staff-fail-account-address";
const FAILURE_SCOPE_ADDRESS = "staff-fail-address";

/** Seconds until the next try is allowed after `failures` recent failures, the newest at `last` (0: now). */
export function staffSignInWait(failures: number, free: number, last: Date | undefined, now: Date): number {
  if (!last || failures < free) return 0;
  const delay = Math.min(
    STAFF_SIGN_IN_DELAYS.maxDelaySeconds,
    STAFF_SIGN_IN_DELAYS.firstDelaySeconds * 2 ** Math.min(failures - free, 30),
  );
  return Math.max(0, Math.ceil((last.getTime() + delay * 1000 - now.getTime()) / 1000));
}

async function waitFor(db: PrismaClient, scope: string, key: string, free: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - STAFF_SIGN_IN_DELAYS.windowSeconds * 1000);
  const where = { scope, key, createdAt: { gt: since } };
  const [failures, last] = await Promise.all([
    db.rateLimitEvent.count({ where }),
    db.rateLimitEvent.findFirst({ where, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  return staffSignInWait(failures, free, last?.createdAt, now);
}

/**
 * Username + password sign-in for staff. Unknown user and wrong password give the same answer after the same
 * work (one bcrypt comparison at BCRYPT_COST); repeated failures from an address space further tries from it out
 * (STAFF_SIGN_IN_DELAYS). Every attempt is written to AuditLog with the client address.
 */
export async function verifyStaffCredentials(
  input: { username: string; password: string; ip?: string },
  context: Partial<AuthContext> = {},
): Promise<StaffSignInResult> {
  const ctx = authContext(context);
  const now = ctx.now();
  const username = normalizeUsername(String(input.username ?? "")).slice(0, 200);
  const password = String(input.password ?? "");
  const address = input.ip || "unknown";
  const audit = (action: string, actorId: string | null, reason: string | null) =>
    recordAudit(ctx.db, { actorType: "staff", actorId, action, target: username, reason, ip: input.ip, at: now });

  // Keyed by the name typed, not the account: unknown names are slowed down exactly like real ones.
  const accountAddressKey = hashIp(`staff:${username}@${address}`);
  const addressKey = hashIp(address);
  const wait = Math.max(
    await waitFor(ctx.db, FAILURE_SCOPE_ACCOUNT_ADDRESS, accountAddressKey, STAFF_SIGN_IN_DELAYS.freePerAccountAddress, now),
    await waitFor(ctx.db, FAILURE_SCOPE_ADDRESS, addressKey, STAFF_SIGN_IN_DELAYS.freePerAddress, now),
  );
  if (wait > 0) {
    await audit("staff.sign-in.failure", null, "throttled");
    return { ok: false, code: "too-many-attempts", retryAfterSeconds: wait };
  }

  const user = username ? await ctx.db.staffUser.findUnique({ where: { username } }) : null;
  const tooLong = password.length > MAX_PASSWORD_LENGTH;
  // Always exactly one comparison, against a hash of the same cost, whatever the outcome.
  const matches = await bcrypt.compare(password.slice(0, MAX_PASSWORD_LENGTH), user?.passwordHash ?? (await unknownUserHash()));
  const valid = !!user && matches && !tooLong && password.length > 0;

  if (!valid || !user.active) {
    await ctx.db.rateLimitEvent.createMany({
      data: [
        { scope: FAILURE_SCOPE_ACCOUNT_ADDRESS, key: accountAddressKey, createdAt: now },
        { scope: FAILURE_SCOPE_ADDRESS, key: addressKey, createdAt: now },
      ],
    });
    await audit("staff.sign-in.failure", user?.id ?? null, !user ? "unknown-user" : !valid ? "wrong-password" : "inactive");
    return { ok: false, code: "credentials-invalid" };
  }

  // The owner is back: their own failures from this address no longer slow them down.
  await ctx.db.rateLimitEvent.deleteMany({ where: { scope: FAILURE_SCOPE_ACCOUNT_ADDRESS, key: accountAddressKey } });
  // A hash of an older cost is replaced, so every account costs an attacker the same as an unknown name.
  const passwordHash = bcrypt.getRounds(user.passwordHash) === BCRYPT_COST ? undefined : await hashPassword(password);
  await ctx.db.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: now, ...(passwordHash ? { passwordHash } : {}) } });
  await audit("staff.sign-in.success", user.id, null);
  return { ok: true, user: toStaffSession(user), sessionVersion: user.sessionVersion };
}

/** Deactivate a staff account: it can no longer sign in, and its open sessions end at their next request. */
export async function deactivateStaffUser(
  db: PrismaClient,
  staffId: string,
  by: { actorId: string | null; ip?: string | null; reason?: string | null },
): Promise<void> {
  const user = await db.staffUser.update({
    where: { id: staffId },
    data: { active: false, sessionVersion: { increment: 1 } },
    select: { username: true },
  });
  await recordAudit(db, { actorType: by.actorId ? "staff" : "system", actorId: by.actorId, action: "staff.deactivated", target: user.username, reason: by.reason ?? null, ip: by.ip ?? null });
}
