import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

export interface TestDb {
  db: PrismaClient;
  /** libsql URL of the database file. */
  url: string;
  file: string;
  close(): Promise<void>;
}

/** The migration scripts in the order Prisma applies them. */
export function migrationScripts(): { name: string; sql: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") }));
}

/**
 * A real SQLite file in a fresh temp dir with every committed migration
 * applied, and a PrismaClient on it through the same adapter the app uses.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  const raw = createClient({ url });
  try {
    for (const migration of migrationScripts()) await raw.executeMultiple(migration.sql);
  } finally {
    raw.close();
  }
  const db = createPrismaClient(url);
  return {
    db,
    url,
    file,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A controllable clock for code expiry, lockouts and rate-limit windows. */
export function fakeClock(start = "2026-11-20T09:00:00+08:00") {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}
