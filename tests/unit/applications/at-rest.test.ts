import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { encryptExistingData } from "@/lib/applications/at-rest";
import { listApplicationsForArea } from "@/lib/applications/queries";
import { getApplicationForStaff, submitApplication, type ServiceContext } from "@/lib/applications/service";
import { readDocument, storeCitizenDocument } from "@/lib/applications/uploads";
import { decryptFile, isEncryptedFile } from "@/lib/crypto/file-encryption";
import { hashName } from "@/lib/crypto/lookup-hash";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { completeDraft, seedPeople } from "@/tests/unit/applications/fixtures";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;
let dir: string;
beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-at-rest-"));
  process.env.UPLOAD_DIR = dir;
});
afterEach(async () => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

async function submitted(citizenId: string, key: string): Promise<string> {
  await completeDraft(ctx, citizenId);
  const r = await submitApplication(ctx, citizenId, key);
  if (!r.ok) throw new Error(r.code);
  return r.applicationId;
}

test("the applicant's name is stored encrypted with a keyed hash; staff find the application by the exact full name", async () => {
  const id = await submitted(people.citizenA.id, "submit-key-at-rest-0001");
  const row = await t.db.application.findUniqueOrThrow({ where: { id } });
  expect(row.applicantName).toBeNull();
  expect(JSON.stringify(row)).not.toContain("测试家长");
  expect(row.applicantNameHash).toBe(hashName("测试家长"));

  expect((await getApplicationForStaff(ctx, people.case1, id))?.applicantName).toBe("测试家长");
  const queue = await listApplicationsForArea(t.db, "450223");
  expect(queue.map((a) => [a.id, a.applicantName])).toEqual([[id, "测试家长"]]);
  // Exact full name (spaces and full-width forms as typed are forgiven); part of a name finds nothing.
  expect((await listApplicationsForArea(t.db, "450223", 50, { name: " 测试 家长 " })).map((a) => a.id)).toEqual([id]);
  expect(await listApplicationsForArea(t.db, "450223", 50, { name: "测试" })).toEqual([]);
  // Still scoped to the staff member's area.
  expect(await listApplicationsForArea(t.db, "210100", 50, { name: "测试家长" })).toEqual([]);
});

test("the at-rest step encrypts names and files an older version stored in clear, and running it again changes nothing", async () => {
  const id = await submitted(people.citizenA.id, "submit-key-at-rest-0002");
  const stored = await storeCitizenDocument(ctx, people.citizenA.id, { applicationId: id }, "bills", PNG);
  if (!stored.ok) throw new Error(stored.code);
  const doc = await t.db.applicationDocument.findUniqueOrThrow({ where: { id: stored.documentId } });
  // What an older version left: a clear name and no hash, a plaintext file readable by all.
  await t.db.application.update({ where: { id }, data: { applicantName: "旧版姓名", applicantNameEncrypted: null, applicantNameHash: null } });
  const file = path.join(dir, doc.storageKey);
  fs.writeFileSync(file, PNG);
  fs.chmodSync(file, 0o644);
  fs.chmodSync(dir, 0o755);
  // Before the step the old file still reads (plaintext is recognised by the missing header).
  expect((await readDocument(ctx, { kind: "citizen", id: people.citizenA.id }, stored.documentId))?.bytes).toEqual(PNG);

  expect(await encryptExistingData(t.db)).toEqual({ namesEncrypted: 1, filesEncrypted: 1, filesAlreadyEncrypted: 0, filesMissing: [] });
  const row = await t.db.application.findUniqueOrThrow({ where: { id } });
  expect(row.applicantName).toBeNull();
  expect(row.applicantNameHash).toBe(hashName("旧版姓名"));
  const onDisk = fs.readFileSync(file);
  expect(isEncryptedFile(onDisk)).toBe(true);
  expect(decryptFile(onDisk)).toEqual(PNG);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  expect(fs.readdirSync(dir)).toEqual([doc.storageKey]);

  // Idempotent: the second run finds nothing to do, and nothing is encrypted twice.
  expect(await encryptExistingData(t.db)).toEqual({ namesEncrypted: 0, filesEncrypted: 0, filesAlreadyEncrypted: 1, filesMissing: [] });
  expect(fs.readFileSync(file)).toEqual(onDisk);
  expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toEqual(row);
  expect((await readDocument(ctx, { kind: "citizen", id: people.citizenA.id }, stored.documentId))?.bytes).toEqual(PNG);
  expect((await listApplicationsForArea(t.db, "450223", 50, { name: "旧版姓名" })).map((a) => a.applicantName)).toEqual(["旧版姓名"]);
});
