import fs from "node:fs";
import path from "node:path";
// Relative on purpose: prisma.config.ts loads this file, and the Prisma CLI does not know the @/ alias.
import { DEFAULT_DATABASE_URL, readEnv } from "@/lib/config/env";

export interface ResolvedDatabase {
  /** A libsql URL: "file:/absolute/path.db" or ":memory:". */
  url: string;
  /** The database file on disk, or null for an in-memory database. */
  filePath: string | null;
}

/**
 * Turn DATABASE_URL (default "file:./data/yizhan.db") into an absolute libsql URL.
 *
 * Relative paths are taken from the repository root (the directory the app,
 * the Prisma CLI and the tests are started from), not from prisma/ as
 * Prisma's own convention would have it: one rule for every entry point.
 */
export function resolveDatabaseUrl(
  raw: string | undefined = readEnv().DATABASE_URL,
  rootDir: string = process.cwd(),
): ResolvedDatabase {
  const value = raw ?? DEFAULT_DATABASE_URL;
  if (value === ":memory:" || value === "file::memory:") return { url: ":memory:", filePath: null };
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL for the libsql adapter (got "${value.split(":")[0]}:…"). ` +
        "PostgreSQL needs @prisma/adapter-pg: see docs/database.md.",
    );
  }
  // Drop query parameters ("?mode=…"): libsql's local client takes the path only.
  let location = value.slice("file:".length).split("?")[0];
  // "file:///abs/path" and "file://localhost/abs/path" are absolute too.
  if (location.startsWith("//")) location = location.replace(/^\/\/(localhost)?/, "");
  const filePath = path.resolve(rootDir, decodeURIComponent(location));
  return { url: `file:${filePath}`, filePath };
}

/** SQLite's companion files: the write-ahead log and its shared-memory index hold recent rows too. */
export const DATABASE_COMPANION_SUFFIXES = ["-wal", "-shm", "-journal"] as const;

/**
 * Create the database's directory if missing (e.g. data/ on a fresh clone, owner-only), and make
 * the database owner-only (0600): SQLite would create it 0644 under the usual umask, and gives its
 * -wal and -shm files the database file's mode. An empty file is a valid new SQLite database, so
 * creating it here first sets the mode from the start; files left by older versions are tightened.
 */
export function ensureDatabaseDirectory(db: ResolvedDatabase): void {
  if (!db.filePath) return;
  fs.mkdirSync(path.dirname(db.filePath), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(db.filePath, fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o600));
  } catch {
    return; // not ours to create (read-only mount): SQLite will say so when it opens it
  }
  for (const file of [db.filePath, ...DATABASE_COMPANION_SUFFIXES.map((suffix) => db.filePath + suffix)]) {
    try {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    } catch {
      // missing companion file, or owned by another user: nothing to tighten
    }
  }
}
