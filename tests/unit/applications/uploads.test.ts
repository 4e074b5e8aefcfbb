import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/applications/documents";
import { submitApplication, type ServiceContext } from "@/lib/applications/service";
import { deleteDraftDocument, inspectUpload, readDocument, storeCitizenDocument, sweepUploads, tempNameFor } from "@/lib/applications/uploads";
import { vi } from "vitest";
import { decryptFile, isEncryptedFile } from "@/lib/crypto/file-encryption";
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-uploads-"));
  process.env.UPLOAD_DIR = dir;
});
afterEach(async () => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

test("the type comes from the bytes: a PNG passes, text named .jpg and an empty or oversized file do not", async () => {
  expect(await inspectUpload(PNG)).toEqual({ ok: true, mime: "image/png" });
  expect(await inspectUpload(Buffer.from("%PDF-1.4\n%…"))).toEqual({ ok: true, mime: "application/pdf" });
  expect(await inspectUpload(Buffer.from("not a picture, whatever the name says".repeat(10)))).toEqual({ ok: false, code: "bad-type" });
  expect(await inspectUpload(Buffer.from("<html><script>alert(1)</script></html>"))).toEqual({ ok: false, code: "bad-type" });
  expect(await inspectUpload(new Uint8Array(0))).toEqual({ ok: false, code: "no-file" });
  expect(await inspectUpload(Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)]))).toEqual({ ok: false, code: "too-large" });
});

// Issue 13: these threw inside file-type (End-Of-Stream, "Unexpected signature") and the upload answered 500.
test("a cut-off PNG or a bare zip header is refused as damaged, never a crash", async () => {
  for (const length of [8, 12, 15, 40, PNG.length - 12]) {
    expect(await inspectUpload(PNG.subarray(0, length)), `first ${length} bytes`).toEqual({ ok: false, code: "damaged" });
  }
  expect(await inspectUpload(Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(30, 0)]))).toEqual({ ok: false, code: "damaged" });
  expect(await inspectUpload(Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(30, 1)]))).toEqual({ ok: false, code: "bad-type" });
});

test("a document is stored encrypted, owner-only (file 0600, folder 0700), under UPLOAD_DIR by a random key, and read back only by its applicant and staff of its area", async () => {
  await completeDraft(ctx, people.citizenA.id);
  // A folder an older version (or a careless mkdir) left world-readable is tightened on the next upload.
  fs.chmodSync(dir, 0o755);
  const stored = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
  expect(stored).toMatchObject({ ok: true, docType: "applicant-id" });
  if (!stored.ok) return;
  const row = await t.db.applicationDocument.findUniqueOrThrow({ where: { id: stored.documentId } });
  const onDisk = fs.readFileSync(path.join(dir, row.storageKey));
  expect(isEncryptedFile(onDisk)).toBe(true);
  expect(onDisk.includes(PNG.subarray(0, 8))).toBe(false);
  expect(decryptFile(onDisk)).toEqual(PNG);
  expect(fs.statSync(path.join(dir, row.storageKey)).mode & 0o777).toBe(0o600);
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  expect(fs.readdirSync(dir)).toEqual([row.storageKey]);
  expect(row.storageKey).not.toContain("applicant");
  expect((await readDocument(ctx, { kind: "citizen", id: people.citizenA.id }, stored.documentId))?.bytes).toEqual(PNG);

  // While a draft, staff see nothing; the owner does.
  expect(await readDocument(ctx, { kind: "citizen", id: people.citizenA.id }, stored.documentId)).toMatchObject({ mimeType: "image/png" });
  expect(await readDocument(ctx, { kind: "staff", id: people.case1.id, role: "caseworker", areaCode: "450223" }, stored.documentId)).toBeNull();
  await submitApplication(ctx, people.citizenA.id, "submit-key-uploads-0001");

  expect(await readDocument(ctx, { kind: "citizen", id: people.citizenB.id }, stored.documentId)).toBeNull();
  expect(await readDocument(ctx, { kind: "staff", id: people.case2.id, role: "caseworker", areaCode: "210100" }, stored.documentId)).toBeNull();
  expect(await readDocument(ctx, { kind: "staff", id: "x", role: "school_admin" }, stored.documentId)).toBeNull();
  expect(await readDocument(ctx, { kind: "staff", id: people.case1.id, role: "caseworker", areaCode: "450223" }, stored.documentId)).toMatchObject({ docType: "applicant-id" });
  expect(await t.db.auditLog.count({ where: { action: "application.document-view", actorId: people.case1.id } })).toBe(1);
});

test("another citizen cannot upload to someone else's application, and a wrong type is refused before anything is written", async () => {
  await completeDraft(ctx, people.citizenA.id);
  const r = await submitApplication(ctx, people.citizenA.id, "submit-key-uploads-0002");
  if (!r.ok) throw new Error(r.code);
  expect(await storeCitizenDocument(ctx, people.citizenB.id, { applicationId: r.applicationId }, "bills", PNG)).toEqual({ ok: false, code: "not-found" });
  expect(await storeCitizenDocument(ctx, people.citizenA.id, { applicationId: r.applicationId }, "bills", Buffer.from("text".repeat(50)))).toEqual({ ok: false, code: "bad-type" });
  expect(await storeCitizenDocument(ctx, people.citizenA.id, { applicationId: r.applicationId }, "passport-photo", PNG)).toEqual({ ok: false, code: "bad-doc-type" });
  expect(fs.readdirSync(dir)).toHaveLength(0);
});

test("a crash during an upload leaves no orphan: the file has a temporary name until its row commits, and the start-up sweep removes leftovers", async () => {
  await completeDraft(ctx, people.citizenA.id);
  // A row that failed to commit removes its temporary file at once.
  const failing = { ...ctx, db: Object.create(t.db, { $transaction: { value: async () => Promise.reject(new Error("disk full")) } }) as typeof t.db };
  await expect(storeCitizenDocument(failing, people.citizenA.id, {}, "bills", PNG)).rejects.toThrow("disk full");
  expect(fs.readdirSync(dir)).toEqual([]);

  // A process killed between writing and committing (simulated: the write, then nothing) leaves a temporary file and
  // no row; one killed after the commit but before the rename leaves a temporary file with a row; a stored file
  // whose row is gone is an orphan. Fresh leftovers are kept (another process may be mid-upload).
  const stored = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
  if (!stored.ok) throw new Error(stored.code);
  const kept = await t.db.applicationDocument.findUniqueOrThrow({ where: { id: stored.documentId } });
  fs.renameSync(path.join(dir, kept.storageKey), path.join(dir, tempNameFor(kept.storageKey)));
  // Read meanwhile from the temporary name.
  expect((await readDocument(ctx, { kind: "citizen", id: people.citizenA.id }, stored.documentId))?.bytes).toEqual(PNG);
  const unfinished = tempNameFor("AAAAAAAAAAAAAAAAAAAAAAAA");
  fs.writeFileSync(path.join(dir, unfinished), "half an upload");
  fs.writeFileSync(path.join(dir, "BBBBBBBBBBBBBBBBBBBBBBBB"), "a file whose row is gone");
  fs.writeFileSync(path.join(dir, "README.txt"), "not ours: never swept");

  const now = new Date();
  const log: string[] = [];
  expect(await sweepUploads(t.db, { dir, now, log: (l) => log.push(l) })).toEqual({ removedTemp: 0, completed: 1, removedOrphans: 0 });
  expect(fs.readdirSync(dir).sort()).toEqual(["BBBBBBBBBBBBBBBBBBBBBBBB", "README.txt", kept.storageKey, unfinished].sort());

  const later = new Date(now.getTime() + 11 * 60 * 1000);
  expect(await sweepUploads(t.db, { dir, now: later, log: (l) => log.push(l) })).toEqual({ removedTemp: 1, completed: 0, removedOrphans: 1 });
  expect(fs.readdirSync(dir).sort()).toEqual(["README.txt", kept.storageKey].sort());
  expect(log.join("\n")).toContain("1 unfinished and 1 orphan file(s) removed");
  expect((await readDocument(ctx, { kind: "citizen", id: people.citizenA.id }, stored.documentId))?.bytes).toEqual(PNG);
});

describe("deleting a page before submit (issue 14: photo preview and delete)", () => {
  test("removes the row and the encrypted file together, bumps the draft, and leaves the other pages", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const a = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
    const b = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
    if (!a.ok || !b.ok) throw new Error("upload failed");
    const rowA = await t.db.applicationDocument.findUniqueOrThrow({ where: { id: a.documentId } });
    const rowB = await t.db.applicationDocument.findUniqueOrThrow({ where: { id: b.documentId } });
    const before = (await t.db.application.findUniqueOrThrow({ where: { id: rowA.applicationId } })).updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    expect(await deleteDraftDocument(ctx, people.citizenA.id, a.documentId)).toEqual({ ok: true, docType: "applicant-id" });
    expect(await t.db.applicationDocument.findUnique({ where: { id: a.documentId } })).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([rowB.storageKey]);
    expect((await t.db.application.findUniqueOrThrow({ where: { id: rowA.applicationId } })).updatedAt.getTime()).toBeGreaterThan(before.getTime());
    // Twice is the same as not found: nothing else moves.
    expect(await deleteDraftDocument(ctx, people.citizenA.id, a.documentId)).toEqual({ ok: false, code: "not-found" });
    expect(fs.readdirSync(dir)).toEqual([rowB.storageKey]);
  });

  test("another citizen's page, or a page of a submitted application, is not deleted (same answer as not found)", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const a = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
    if (!a.ok) throw new Error("upload failed");
    expect(await deleteDraftDocument(ctx, people.citizenB.id, a.documentId)).toEqual({ ok: false, code: "not-found" });
    await submitApplication(ctx, people.citizenA.id, "submit-key-delete-0001");
    expect(await deleteDraftDocument(ctx, people.citizenA.id, a.documentId)).toEqual({ ok: false, code: "not-found" });
    expect(await t.db.applicationDocument.count({ where: { id: a.documentId } })).toBe(1);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  test("atomic: when the transaction fails, row and file both stay; a crash after the commit leaves only a file the sweep removes", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const a = await storeCitizenDocument(ctx, people.citizenA.id, {}, "applicant-id", PNG);
    if (!a.ok) throw new Error("upload failed");
    const row = await t.db.applicationDocument.findUniqueOrThrow({ where: { id: a.documentId } });
    const failing = { db: { ...t.db, applicationDocument: t.db.applicationDocument, $transaction: () => Promise.reject(new Error("disk full")) } } as unknown as ServiceContext;
    await expect(deleteDraftDocument(failing, people.citizenA.id, a.documentId)).rejects.toThrow("disk full");
    expect(await t.db.applicationDocument.count({ where: { id: a.documentId } })).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([row.storageKey]);

    // The row's commit happened, the process died before the file went: the next start's sweep removes the file.
    const rm = vi.spyOn(fs.promises, "rm").mockRejectedValueOnce(new Error("killed"));
    await expect(deleteDraftDocument(ctx, people.citizenA.id, a.documentId)).rejects.toThrow("killed");
    rm.mockRestore();
    expect(await t.db.applicationDocument.count({ where: { id: a.documentId } })).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([row.storageKey]);
    const report = await sweepUploads(t.db, { dir, minAgeMs: 0, now: new Date(Date.now() + 1000), log: () => {} });
    expect(report.removedOrphans).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
