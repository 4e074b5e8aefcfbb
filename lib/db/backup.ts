import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { createClient } from "@libsql/client";
import { resolveDatabaseUrl } from "@/lib/db/database-url";

/**
 * Backup and restore of the database and the uploaded files together (npm run backup / restore).
 *
 * The database is copied online with SQLite's `VACUUM INTO`: one consistent snapshot that includes
 * what still sits in the -wal file, taken while the app keeps running. Then exactly the files its
 * ApplicationDocument rows name are copied (uploads finished after the snapshot belong to the next
 * backup). Files stay encrypted as stored; names and fields are encrypted in the database: a backup
 * is useless without YIZHAN_DATA_KEY, so keep the key apart from the backups, and backed up itself.
 *
 * Layout: <out>/yizhan-backup-<UTC yyyymmdd-hhmmss>/ { yizhan.db, uploads/<key>…, manifest.json }
 * with SHA-256 of every file in the manifest; restore checks them before writing anything.
 */

export const BACKUP_DATABASE_FILE = "yizhan.db";
export const BACKUP_UPLOADS_DIR = "uploads";
const MANIFEST = "manifest.json";
const STORAGE_KEY = /^[A-Za-z0-9_-]{24}$/;

export type BackupManifest = {
  format: "yizhan-backup/1";
  createdAt: string;
  database: { file: string; sha256: string; bytes: number };
  uploads: { key: string; sha256: string; bytes: number }[];
  /** Rows whose file was not found (reported; the backup is still made). */
  missingUploads: string[];
};

async function sha256(file: string): Promise<{ sha256: string; bytes: number }> {
  const bytes = await fs.readFile(file);
  return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.byteLength };
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Back up the database (online) and its upload files into a new dated folder under `outRoot`. */
export async function createBackup(options: {
  outRoot: string;
  databaseUrl?: string;
  uploadDir: string;
  now?: Date;
}): Promise<{ dir: string; manifest: BackupManifest }> {
  const database = resolveDatabaseUrl(options.databaseUrl);
  if (!database.filePath) throw new Error("An in-memory database cannot be backed up.");
  await fs.mkdir(options.outRoot, { recursive: true, mode: 0o700 });
  const dir = path.join(path.resolve(options.outRoot), `yizhan-backup-${stamp(options.now ?? new Date())}`);
  await fs.mkdir(dir, { mode: 0o700 }); // fails if this second's backup exists: never overwrite one
  const dbCopy = path.join(dir, BACKUP_DATABASE_FILE);

  const live = createClient({ url: database.url });
  try {
    await live.execute("PRAGMA busy_timeout = 5000");
    await live.execute(`VACUUM INTO ${sqlString(dbCopy)}`);
  } finally {
    live.close();
  }
  await fs.chmod(dbCopy, 0o600);

  const snapshot = createClient({ url: `file:${dbCopy}` });
  let keys: string[];
  try {
    const rows = await snapshot.execute('SELECT "storageKey" FROM "ApplicationDocument" ORDER BY "storageKey"');
    keys = rows.rows.map((row) => String(row.storageKey));
  } finally {
    snapshot.close();
  }

  const uploadsOut = path.join(dir, BACKUP_UPLOADS_DIR);
  await fs.mkdir(uploadsOut, { mode: 0o700 });
  const manifest: BackupManifest = {
    format: "yizhan-backup/1",
    createdAt: (options.now ?? new Date()).toISOString(),
    database: { file: BACKUP_DATABASE_FILE, ...(await sha256(dbCopy)) },
    uploads: [],
    missingUploads: [],
  };
  for (const key of keys) {
    if (!STORAGE_KEY.test(key)) continue;
    const target = path.join(uploadsOut, key);
    // A crash between an upload's commit and its rename leaves the bytes under the temporary name.
    const copied = await copyFirst([path.join(options.uploadDir, key), path.join(options.uploadDir, `${key}.partial`)], target);
    if (!copied) {
      manifest.missingUploads.push(key);
      continue;
    }
    manifest.uploads.push({ key, ...(await sha256(target)) });
  }
  await fs.writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir, manifest };
}

async function copyFirst(sources: string[], target: string): Promise<boolean> {
  for (const source of sources) {
    try {
      await fs.copyFile(source, target);
      await fs.chmod(target, 0o600);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  return false;
}

export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * Restore a backup folder into `targetDir`: the database as <targetDir>/yizhan.db and the files in
 * <targetDir>/uploads, owner-only. Every checksum is verified first; an existing database there is
 * refused unless `force`. Point DATABASE_URL and UPLOAD_DIR at the result (the returned paths).
 */
export async function restoreBackup(options: { backupDir: string; targetDir: string; force?: boolean }): Promise<{
  databaseFile: string;
  databaseUrl: string;
  uploadDir: string;
  manifest: BackupManifest;
}> {
  const manifestFile = path.join(options.backupDir, MANIFEST);
  const manifest = JSON.parse(await fs.readFile(manifestFile, "utf8").catch(() => {
    throw new BackupError(`${manifestFile} not found: not a backup folder made by npm run backup.`);
  })) as BackupManifest;
  if (manifest.format !== "yizhan-backup/1") throw new BackupError(`Unknown backup format ${String(manifest.format)}.`);

  const check = async (file: string, expected: { sha256: string; bytes: number }) => {
    const actual = await sha256(file).catch(() => null);
    if (!actual || actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) {
      throw new BackupError(`${file} is missing or does not match its checksum in the manifest: the backup is damaged.`);
    }
  };
  await check(path.join(options.backupDir, manifest.database.file), manifest.database);
  for (const upload of manifest.uploads) {
    if (!STORAGE_KEY.test(upload.key)) throw new BackupError(`Bad file name in the manifest: ${upload.key}`);
    await check(path.join(options.backupDir, BACKUP_UPLOADS_DIR, upload.key), upload);
  }

  const targetDir = path.resolve(options.targetDir);
  await fs.mkdir(targetDir, { recursive: true, mode: 0o700 });
  const databaseFile = path.join(targetDir, BACKUP_DATABASE_FILE);
  const exists = await fs.stat(databaseFile).then(() => true, () => false);
  if (exists && !options.force) throw new BackupError(`${databaseFile} exists: restore into an empty folder, or pass --force to replace it.`);
  for (const suffix of ["-wal", "-shm", "-journal"]) await fs.rm(databaseFile + suffix, { force: true });
  await fs.copyFile(path.join(options.backupDir, manifest.database.file), databaseFile);
  await fs.chmod(databaseFile, 0o600);

  const uploadDir = path.join(targetDir, BACKUP_UPLOADS_DIR);
  await fs.mkdir(uploadDir, { recursive: true, mode: 0o700 });
  await fs.chmod(uploadDir, 0o700);
  for (const upload of manifest.uploads) {
    const target = path.join(uploadDir, upload.key);
    await fs.copyFile(path.join(options.backupDir, BACKUP_UPLOADS_DIR, upload.key), target);
    await fs.chmod(target, 0o600);
  }
  return { databaseFile, databaseUrl: `file:${databaseFile}`, uploadDir, manifest };
}
