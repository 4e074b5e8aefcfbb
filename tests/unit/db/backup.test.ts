import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { listApplicationsForArea } from "@/lib/applications/queries";
import { getApplicationForStaff, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { readDocument, storeCitizenDocument } from "@/lib/applications/uploads";
import { createBackup, restoreBackup } from "@/lib/db/backup";
import { createPrismaClient } from "@/lib/db/client";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;
let work: string;
let uploads: string;
beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db };
  work = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-backup-"));
  uploads = path.join(work, "live-uploads");
  process.env.UPLOAD_DIR = uploads;
});
afterEach(async () => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(work, { recursive: true, force: true });
  await t.close();
});

test("a backup taken while the app runs restores into a fresh folder, and the app serves the same applications and files from it", async () => {
  await completeDraft(ctx, people.citizenA.id);
  const id1 = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
  const r = await submitApplication(ctx, people.citizenA.id, "submit-key-backup-00001");
  if (!r.ok || !id1.ok) throw new Error("setup");
  // The live database keeps its recent rows in the -wal file: a plain copy of the .db would miss them.
  expect(fs.statSync(`${t.file}-wal`).size).toBeGreaterThan(0);
  const before = await getApplicationForStaff(ctx, people.case1, r.applicationId);

  const { dir, manifest } = await createBackup({ outRoot: path.join(work, "backups"), databaseUrl: t.url, uploadDir: uploads, now: new Date("2026-12-03T08:30:00Z") });
  expect(path.basename(dir)).toBe("yizhan-backup-20261203-083000");
  expect(manifest.uploads).toHaveLength(1);
  expect(manifest.missingUploads).toEqual([]);
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);

  // The live app goes on; what comes after the backup is not in it.
  await t.db.application.deleteMany({});

  const target = path.join(work, "restored");
  const restored = await restoreBackup({ backupDir: dir, targetDir: target });
  expect(fs.statSync(restored.databaseFile).mode & 0o777).toBe(0o600);
  expect(fs.statSync(restored.uploadDir).mode & 0o777).toBe(0o700);
  const db = createPrismaClient(restored.databaseUrl);
  process.env.UPLOAD_DIR = restored.uploadDir;
  try {
    const rctx: ServiceContext = { db };
    const after = await getApplicationForStaff(rctx, people.case1, r.applicationId);
    expect(after).toMatchObject({ reference: before!.reference, status: before!.status, applicantName: "测试家长", data: before!.data });
    expect(after!.documents.map((d) => d.id)).toEqual(before!.documents.map((d) => d.id));
    expect((await listApplicationsForArea(db, "450223", 50, { name: "测试家长" })).map((a) => a.reference)).toEqual([r.reference]);
    // The restored file is still encrypted on disk, and decrypts through the authorised read.
    expect(fs.readFileSync(path.join(restored.uploadDir, manifest.uploads[0].key)).includes(PNG.subarray(0, 8))).toBe(false);
    expect((await readDocument(rctx, people.case1, id1.documentId))?.bytes).toEqual(PNG);
  } finally {
    await db.$disconnect();
  }

  // Never over a database by accident; a damaged backup is refused before anything is written.
  await expect(restoreBackup({ backupDir: dir, targetDir: target })).rejects.toThrow("exists");
  fs.appendFileSync(path.join(dir, "uploads", manifest.uploads[0].key), "x");
  const other = path.join(work, "restored-2");
  await expect(restoreBackup({ backupDir: dir, targetDir: other })).rejects.toThrow("checksum");
  expect(fs.existsSync(path.join(other, "yizhan.db"))).toBe(false);
});
