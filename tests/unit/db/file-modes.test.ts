import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/client";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-modes-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

test("a new database, its folder and its WAL and shared-memory files are owner-only (0600, folder 0700)", async () => {
  const file = path.join(dir, "fresh", "yizhan.db");
  const db = createPrismaClient(`file:${file}`);
  try {
    await db.$executeRawUnsafe("CREATE TABLE t (x TEXT)");
    await db.$executeRawUnsafe("INSERT INTO t VALUES ('a row that sits in the WAL')");
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
  } finally {
    await db.$disconnect();
  }
});

test("a database an older version left 0644 is tightened when the app next opens it", async () => {
  const file = path.join(dir, "old.db");
  for (const f of [file, `${file}-wal`]) fs.writeFileSync(f, "", { mode: 0o644 });
  fs.chmodSync(file, 0o644);
  fs.chmodSync(`${file}-wal`, 0o644);
  const db = createPrismaClient(`file:${file}`);
  try {
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
  } finally {
    await db.$disconnect();
  }
});
