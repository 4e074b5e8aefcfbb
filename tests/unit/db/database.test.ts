import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { resolveDatabaseUrl } from "@/lib/db/database-url";
import { StaffRole } from "@/lib/generated/prisma/client";
import { createTestDb, migrationScripts, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

async function pragma(name: string): Promise<unknown> {
  const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return Object.values(rows[0])[0];
}

describe("database", () => {
  test("the committed migrations create every table", async () => {
    expect(migrationScripts().length).toBeGreaterThan(0);
    const tables = await t.db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    expect(tables.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        "Application",
        "ApplicationEvent",
        "Area",
        "AuditLog",
        "Citizen",
        "LoginCode",
        "RateLimitEvent",
        "School",
        "SmsOutbox",
        "StaffUser",
      ]),
    );
  });

  test("connections use WAL, foreign keys and a busy timeout, also after a transaction", async () => {
    expect(await pragma("journal_mode")).toBe("wal");
    expect(Number(await pragma("foreign_keys"))).toBe(1);
    expect(Number(await pragma("busy_timeout"))).toBe(5000);
    // libsql opens a new connection after an interactive transaction.
    await t.db.$transaction(async (tx) => {
      await tx.area.count();
    });
    expect(Number(await pragma("busy_timeout"))).toBe(5000);
    expect(Number(await pragma("foreign_keys"))).toBe(1);
  });

  test("foreign keys are enforced", async () => {
    await expect(
      t.db.school.create({ data: { code: "X", areaCode: "999999", nameZhHans: "无", nameZhHant: "無" } }),
    ).rejects.toThrow();
  });

  test("AuditLog is append-only: rows cannot be changed or deleted", async () => {
    await recordAudit(t.db, { actorType: "system", action: "test.append" });
    expect(await t.db.auditLog.count()).toBe(1);
    await expect(t.db.auditLog.updateMany({ data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(t.db.auditLog.deleteMany()).rejects.toThrow(/append-only/);
    expect(await t.db.auditLog.count()).toBe(1);
  });

  test("staff roles in code match the schema's enum", () => {
    expect([...STAFF_ROLES].sort()).toEqual(Object.values(StaffRole).sort());
  });
});

describe("DATABASE_URL", () => {
  const root = "/srv/yizhan";
  test.each([
    [undefined, "file:/srv/yizhan/data/yizhan.db"],
    ["file:./data/yizhan.db", "file:/srv/yizhan/data/yizhan.db"],
    ["file:data/other.db", "file:/srv/yizhan/data/other.db"],
    ["file:/var/lib/yizhan/prod.db", "file:/var/lib/yizhan/prod.db"],
    ["file:///var/lib/yizhan/prod.db", "file:/var/lib/yizhan/prod.db"],
    [":memory:", ":memory:"],
  ])("%s → %s (relative to the repository root)", (raw, url) => {
    expect(resolveDatabaseUrl(raw, root).url).toBe(url);
  });

  test("other schemes are refused with a pointer to the PostgreSQL notes", () => {
    expect(() => resolveDatabaseUrl("postgresql://u@h/db", root)).toThrow(/adapter-pg/);
  });

  test("the file path is absolute", () => {
    expect(path.isAbsolute(resolveDatabaseUrl("file:./x.db", root).filePath!)).toBe(true);
  });
});
