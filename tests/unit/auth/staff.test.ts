import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { BCRYPT_COST, hashPassword, STAFF_SIGN_IN_DELAYS, verifyStaffCredentials } from "@/lib/auth/staff";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

const PASSWORD = "correct horse battery staple";
const IP = "203.0.113.9";

let t: TestDb;
let clock: ReturnType<typeof fakeClock>;
let ctx: { db: TestDb["db"]; now: () => Date };

beforeEach(async () => {
  t = await createTestDb();
  clock = fakeClock();
  ctx = { db: t.db, now: clock.now };
  await t.db.area.create({ data: { code: "450223", nameZhHans: "鹿寨县", nameZhHant: "鹿寨縣", policyPackId: "luzhai-2018" } });
  await t.db.staffUser.create({
    data: {
      username: "case01",
      // Cost 4 keeps the test fast; verification reads the cost from the hash.
      passwordHash: await hashPassword(PASSWORD, 4),
      role: "caseworker",
      areaCode: "450223",
      displayName: "演示经办人甲",
    },
  });
});
afterEach(async () => {
  await t.close();
});

const signIn = (username: string, password: string) => verifyStaffCredentials({ username, password, ip: IP }, ctx);
const audits = () => t.db.auditLog.findMany({ orderBy: { id: "asc" } });

// bcrypt at cost 12 (the dummy hash, hashes replaced at sign-in) takes seconds on a busy 2-core machine.
describe("staff sign-in", { timeout: 60_000 }, () => {
  test("passwords are stored as bcrypt hashes and verified with bcrypt", async () => {
    const user = await t.db.staffUser.findUniqueOrThrow({ where: { username: "case01" } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(await bcrypt.compare(PASSWORD, user.passwordHash)).toBe(true);
  });

  test("the right password gives the session user with role and area, and is audited", async () => {
    const result = await signIn("case01", PASSWORD);
    expect(result).toEqual({
      ok: true,
      user: { kind: "staff", id: expect.any(String), role: "caseworker", areaCode: "450223", displayName: "演示经办人甲" },
      sessionVersion: 0,
    });
    expect(await audits()).toEqual([
      expect.objectContaining({ actorType: "staff", action: "staff.sign-in.success", target: "case01", ip: IP }),
    ]);
    expect((await t.db.staffUser.findUniqueOrThrow({ where: { username: "case01" } })).lastLoginAt).toEqual(clock.now());
  });

  test("usernames ignore case and surrounding spaces", async () => {
    expect((await signIn("  CASE01 ", PASSWORD)).ok).toBe(true);
  });

  test("unknown user and wrong password give the same answer; both are audited with the real reason", async () => {
    expect(await signIn("nobody", PASSWORD)).toEqual({ ok: false, code: "credentials-invalid" });
    expect(await signIn("case01", "wrong")).toEqual({ ok: false, code: "credentials-invalid" });
    expect(await signIn("case01", "")).toEqual({ ok: false, code: "credentials-invalid" });
    const rows = await audits();
    expect(rows.map((r) => [r.action, r.target, r.reason])).toEqual([
      ["staff.sign-in.failure", "nobody", "unknown-user"],
      ["staff.sign-in.failure", "case01", "wrong-password"],
      ["staff.sign-in.failure", "case01", "wrong-password"],
    ]);
    expect(rows[0].actorId).toBeNull();
    expect(rows[1].actorId).toEqual(expect.any(String));
  });

  test("wrong passwords space further tries from that address out, but never lock the owner out from elsewhere", async () => {
    for (let i = 1; i <= STAFF_SIGN_IN_DELAYS.freePerAccountAddress; i++) {
      expect(await signIn("case01", `wrong-${i}`)).toEqual({ ok: false, code: "credentials-invalid" });
    }
    // From the stranger's address: wait 2 s, then 4 s after the next failure, and so on (no password checked meanwhile).
    expect(await signIn("case01", PASSWORD)).toEqual({ ok: false, code: "too-many-attempts", retryAfterSeconds: 2 });
    clock.advance(2);
    expect(await signIn("case01", "wrong-4")).toEqual({ ok: false, code: "credentials-invalid" });
    expect(await signIn("case01", "wrong-5")).toEqual({ ok: false, code: "too-many-attempts", retryAfterSeconds: 4 });
    // Many more failures: the wait grows to at most 5 minutes.
    for (let i = 0; i < 12; i++) {
      clock.advance(STAFF_SIGN_IN_DELAYS.maxDelaySeconds);
      await signIn("case01", "still-wrong");
    }
    expect(await signIn("case01", "x")).toEqual({ ok: false, code: "too-many-attempts", retryAfterSeconds: STAFF_SIGN_IN_DELAYS.maxDelaySeconds });
    // The caseworker at their own desk is not affected (the old 5-failure lock refused them for 15 minutes).
    expect((await verifyStaffCredentials({ username: "case01", password: PASSWORD, ip: "198.51.100.20" }, ctx)).ok).toBe(true);

    const reasons = (await audits()).map((r) => r.reason);
    expect(reasons.slice(0, 5)).toEqual(["wrong-password", "wrong-password", "wrong-password", "throttled", "wrong-password"]);
    expect(reasons.at(-1)).toBeNull();
  });

  test("an address that tries many accounts is slowed down for every account, other addresses are not", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `desk0${i}`);
    const hash = await hashPassword(PASSWORD, 4);
    for (const username of names) {
      await t.db.staffUser.create({ data: { username, passwordHash: hash, role: "desk", areaCode: "450223", displayName: username } });
    }
    let failures = 0;
    for (const username of names) {
      for (let i = 0; i < STAFF_SIGN_IN_DELAYS.freePerAccountAddress && failures < STAFF_SIGN_IN_DELAYS.freePerAddress; i++, failures++) {
        expect(await signIn(username, "wrong")).toEqual({ ok: false, code: "credentials-invalid" });
      }
    }
    expect(await signIn("case01", PASSWORD)).toEqual({ ok: false, code: "too-many-attempts", retryAfterSeconds: 2 });
    expect((await verifyStaffCredentials({ username: "case01", password: PASSWORD, ip: "198.51.100.20" }, ctx)).ok).toBe(true);
    clock.advance(2);
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);
  });

  test("failures are forgotten after an hour; the owner's success clears their own from that address", async () => {
    for (let i = 0; i < 3; i++) await signIn("case01", "wrong");
    clock.advance(STAFF_SIGN_IN_DELAYS.windowSeconds);
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 3; i++) await signIn("case01", "wrong");
    clock.advance(2);
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);
    expect(await signIn("case01", "wrong")).toEqual({ ok: false, code: "credentials-invalid" });
  });

  test("unknown user and wrong password do the same work: one bcrypt comparison against a hash of BCRYPT_COST", async () => {
    // The owner signs in once: an account's hash of an older cost (the demo's were 10) is replaced by one of BCRYPT_COST.
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);
    const stored = await t.db.staffUser.findUniqueOrThrow({ where: { username: "case01" } });
    expect(bcrypt.getRounds(stored.passwordHash)).toBe(BCRYPT_COST);
    expect(await bcrypt.compare(PASSWORD, stored.passwordHash)).toBe(true);

    const compare = vi.spyOn(bcrypt, "compare");
    try {
      await signIn("nobody", "wrong");
      await signIn("case01", "wrong");
      const rounds = compare.mock.calls.map(([, hash]) => bcrypt.getRounds(hash as string));
      expect(rounds).toEqual([BCRYPT_COST, BCRYPT_COST]);
    } finally {
      compare.mockRestore();
    }
  });

  test("a deactivated account cannot sign in", async () => {
    await t.db.staffUser.update({ where: { username: "case01" }, data: { active: false } });
    expect(await signIn("case01", PASSWORD)).toEqual({ ok: false, code: "credentials-invalid" });
    expect((await audits()).at(-1)).toMatchObject({ action: "staff.sign-in.failure", reason: "inactive" });
  });

  test("a school admin's session carries the school, not an area", async () => {
    const school = await t.db.school.create({
      data: { code: "T-1", areaCode: "450223", nameZhHans: "示例小学", nameZhHant: "示例小學" },
    });
    await t.db.staffUser.create({
      data: { username: "school01", passwordHash: await hashPassword(PASSWORD, 4), role: "school_admin", schoolId: school.id, displayName: "学校" },
    });
    expect(await signIn("school01", PASSWORD)).toEqual({
      ok: true,
      user: { kind: "staff", id: expect.any(String), role: "school_admin", schoolId: school.id, displayName: "学校" },
      sessionVersion: 0,
    });
  });
});
