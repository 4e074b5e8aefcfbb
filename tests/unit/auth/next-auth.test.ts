import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import type { Session } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { requestLoginCode } from "@/lib/auth/otp";
import { getAuthSecret } from "@/lib/auth/secret";
import { deactivateStaffUser, hashPassword } from "@/lib/auth/staff";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { toSignInError } from "@/lib/auth/errors";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

// The providers run with the app's own database client (getDb), pointed at a test file.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.url);
  vi.spyOn(console, "info").mockImplementation(() => {});
  await t.db.staffUser.create({
    data: { username: "admin01", passwordHash: await hashPassword("demo-password", 4), role: "admin", displayName: "管理员" },
  });
});
afterAll(async () => {
  await getDb().$disconnect();
  await t.close();
  vi.unstubAllEnvs();
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
function authorizeOf(id: string): Authorize {
  // next-auth v4 keeps a Credentials provider's own settings under `options`.
  const providers = authOptions.providers as unknown as { options: { id: string; authorize: Authorize } }[];
  return providers.find((p) => p.options.id === id)!.options.authorize;
}
// As the production server hands requests on: X-Forwarded-For holds the one address it trusts.
const req = { headers: { "x-forwarded-for": "203.0.113.5" } };

async function latestOutboxCode(): Promise<string> {
  const row = await t.db.smsOutbox.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  return /(\d{6})/.exec(row.body)![1];
}

describe("next-auth providers", () => {
  test("citizen-otp: the code from the outbox signs in; the session user is a citizen", async () => {
    expect(await requestLoginCode({ phone: "13800000007", ip: "203.0.113.5" })).toMatchObject({ ok: true });
    const code = await latestOutboxCode();
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(authorizeOf("citizen-otp")({ phone: "13800000007", code: wrong }, req)).rejects.toThrow("code-invalid");
    const user = (await authorizeOf("citizen-otp")({ phone: "13800000007", code }, req)) as { id: string };
    expect(user).toEqual({ id: expect.any(String), sessionUser: { kind: "citizen", id: user.id, displayName: "138****0007" }, sessionVersion: 0 });
    expect(await t.db.auditLog.findFirst({ where: { action: "citizen.sign-in" } })).toMatchObject({ ip: "203.0.113.5" });
  });

  test("citizen-otp: errors are the codes the UI translates", async () => {
    await expect(authorizeOf("citizen-otp")({ phone: "123", code: "123456" }, req)).rejects.toThrow("phone-invalid");
  });

  test("staff: wrong password → credentials-invalid; right one → staff session user", async () => {
    await expect(authorizeOf("staff")({ username: "admin01", password: "nope" }, req)).rejects.toThrow("credentials-invalid");
    expect(await authorizeOf("staff")({ username: "admin01", password: "demo-password" }, req)).toEqual({
      id: expect.any(String),
      sessionUser: { kind: "staff", id: expect.any(String), role: "admin", displayName: "管理员" },
      sessionVersion: expect.any(Number),
    });
  });

  test("unexpected failures become server-error, not the internal message", async () => {
    const global = globalThis as { __yizhanDb?: unknown };
    const saved = global.__yizhanDb;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    global.__yizhanDb = undefined;
    vi.stubEnv("DATABASE_URL", "file:/etc/hostname/cannot-be-a-directory/db.sqlite");
    try {
      await expect(authorizeOf("staff")({ username: "admin01", password: "x" }, req)).rejects.toThrow(/^server-error$/);
      expect(error).toHaveBeenCalledWith("[auth] staff sign-in failed", expect.any(Error));
    } finally {
      global.__yizhanDb = saved;
      vi.stubEnv("DATABASE_URL", t.url);
      error.mockRestore();
    }
  });

  test("toSignInError narrows next-auth's error string", () => {
    expect(toSignInError("code-expired")).toBe("code-expired");
    expect(toSignInError("CredentialsSignin")).toBe("server-error");
    expect(toSignInError(null)).toBeNull();
  });
});

describe("session callbacks", () => {
  const jwt = authOptions.callbacks!.jwt!;
  const session = authOptions.callbacks!.session!;
  const signOut = authOptions.events!.signOut!;

  test("session.user is what authorize returned, with the account's session version in the token", async () => {
    const sessionUser = { kind: "staff", id: "s1", role: "caseworker", areaCode: "450223", displayName: "甲" } as const;
    const token = (await jwt({ token: {}, user: { id: "s1", sessionUser, sessionVersion: 3 }, account: null } as never)) as JWT;
    expect(token.sv).toBe(3);
    const result = (await session({ session: { expires: "2099-01-01T00:00:00.000Z" }, token } as never)) as Session;
    expect(result).toEqual({ expires: "2099-01-01T00:00:00.000Z", user: sessionUser });
  });

  test("every lookup re-reads a staff account: a deactivated account loses its session at once", async () => {
    const staff = await t.db.staffUser.create({
      data: { username: "case09", passwordHash: await hashPassword("pw", 4), role: "caseworker", areaCode: null, displayName: "经办" },
    });
    const token: JWT = { user: { kind: "staff", id: staff.id, role: "caseworker", displayName: "经办" }, sv: staff.sessionVersion };
    expect(((await jwt({ token: { ...token } } as never)) as JWT).user).toMatchObject({ role: "caseworker" });
    await deactivateStaffUser(t.db, staff.id, { actorId: null, reason: "left the office" });
    const refreshed = (await jwt({ token: { ...token } } as never)) as JWT;
    expect(refreshed.user).toBeUndefined();
    expect(await session({ session: { expires: "x" }, token: refreshed } as never)).toEqual({ expires: "x" });
    // Reactivating alone does not bring old sessions back: they carry the old version.
    await t.db.staffUser.update({ where: { id: staff.id }, data: { active: true } });
    expect(((await jwt({ token: { ...token } } as never)) as JWT).user).toBeUndefined();
    expect(await t.db.auditLog.findFirst({ where: { action: "staff.deactivated" } })).toMatchObject({ target: "case09", reason: "left the office" });
  });

  test("sign-out ends the session and every copy of its cookie; a revoked copy cannot sign the owner out again", async () => {
    expect(await requestLoginCode({ phone: "13800000008", ip: "203.0.113.6" })).toMatchObject({ ok: true });
    const signedIn = (await authorizeOf("citizen-otp")({ phone: "13800000008", code: await latestOutboxCode() }, req)) as never;
    const copied = (await jwt({ token: {}, user: signedIn, account: null } as never)) as JWT;
    expect(((await jwt({ token: { ...copied } } as never)) as JWT).user).toMatchObject({ kind: "citizen" });

    await signOut({ token: { ...copied } } as never);
    expect(((await jwt({ token: { ...copied } } as never)) as JWT).user).toBeUndefined();

    // Signed in again: the new session works, and the old copy's sign-out does not end it.
    expect(await requestLoginCode({ phone: "13800000008", ip: "203.0.113.6" }, { now: () => new Date(Date.now() + 61_000) })).toMatchObject({ ok: true });
    const again = (await authorizeOf("citizen-otp")({ phone: "13800000008", code: await latestOutboxCode() }, req)) as never;
    const fresh = (await jwt({ token: {}, user: again, account: null } as never)) as JWT;
    await signOut({ token: { ...copied } } as never);
    expect(((await jwt({ token: { ...fresh } } as never)) as JWT).user).toMatchObject({ kind: "citizen" });
  });
});

describe("NEXTAUTH_SECRET", () => {
  test("set → used; demo or development → public demo secret; production without it → none (next-auth refuses)", () => {
    expect(getAuthSecret(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret" }))).toBe("s3cret");
    expect(getAuthSecret(readEnv({ NODE_ENV: "production", YIZHAN_DEMO: "1" }))).toMatch(/demo/);
    expect(getAuthSecret(readEnv({ NODE_ENV: "development" }))).toMatch(/demo/);
    expect(getAuthSecret(readEnv({ NODE_ENV: "production" }))).toBeUndefined();
  });

  test("authOptions.secret is read when used, not at import", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "from-env");
    expect(authOptions.secret).toBe("from-env");
    vi.stubEnv("NEXTAUTH_SECRET", "");
  });
});
