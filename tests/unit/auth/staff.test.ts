import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { hashPassword, STAFF_LOCKOUT, verifyStaffCredentials } from "@/lib/auth/staff";
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

describe("staff sign-in", () => {
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

  test(`${STAFF_LOCKOUT.maxFailures} wrong passwords in a row lock the account for 15 minutes`, async () => {
    for (let i = 1; i < STAFF_LOCKOUT.maxFailures; i++) {
      expect(await signIn("case01", `wrong-${i}`)).toEqual({ ok: false, code: "credentials-invalid" });
    }
    expect(await signIn("case01", "wrong-5")).toEqual({ ok: false, code: "account-locked" });
    // Even the right password is refused while locked.
    clock.advance(STAFF_LOCKOUT.lockSeconds - 1);
    expect(await signIn("case01", PASSWORD)).toEqual({ ok: false, code: "account-locked" });
    clock.advance(1);
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);

    const actions = (await audits()).map((r) => `${r.action}:${r.reason ?? ""}`);
    expect(actions).toEqual([
      ...Array(5).fill("staff.sign-in.failure:wrong-password"),
      "staff.account-locked:5 failed sign-ins",
      "staff.sign-in.failure:locked",
      "staff.sign-in.success:",
    ]);
  });

  test("a successful sign-in resets the count of failures", async () => {
    for (let i = 0; i < 4; i++) await signIn("case01", "wrong");
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await signIn("case01", "wrong")).ok).toBe(false);
    expect((await signIn("case01", PASSWORD)).ok).toBe(true);
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
    });
  });
});
