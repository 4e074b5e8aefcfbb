import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { toStaffSession } from "@/lib/auth/staff";
import { decryptData, getOrCreateDraft, type ServiceContext } from "@/lib/applications/service";
import { readDocument, storeCitizenDocument } from "@/lib/applications/uploads";
import { assistedDraft } from "@/lib/desk/assisted";
import { assistedDocuments, assistedToFollow, deleteAssistedDocument, readAssistedDocument, storeAssistedDocument } from "@/lib/desk/assisted-documents";
import { startSession, startSessionSchema, withdrawConsent } from "@/lib/desk/sessions";
import { idNumber, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

// Documents photographed or scanned at the desk (issue 15: "documents photographed or scanned at the desk (several
// pages per document)"): the citizen's upload pipeline, entered by the worker, reached only through the open session.

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
const ELDER_ID = idNumber("45022319440305002");

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;
let dir: string;
let sessionId: string;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-desk-uploads-"));
  process.env.UPLOAD_DIR = dir;
  ({ sessionId } = await startSession(ctx, people.desk, startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: "", consentPaperSigned: "on" })));
  await assistedDraft(ctx, people.desk, sessionId);
});
afterEach(async () => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe("documents taken in at the desk", () => {
  test("several pages per document, encrypted at rest, recorded as entered by the worker, audited; a page taken in no longer 'follows'", async () => {
    expect(await assistedToFollow(ctx, people.desk, sessionId, ["diagnosis", "bills"])).toBe(true);
    const first = await storeAssistedDocument(ctx, people.desk, sessionId, "diagnosis", PNG);
    const second = await storeAssistedDocument(ctx, people.desk, sessionId, "diagnosis", PNG);
    expect(first).toMatchObject({ ok: true, docType: "diagnosis" });
    expect(second).toMatchObject({ ok: true, docType: "diagnosis" });
    const pages = await assistedDocuments(ctx, people.desk, sessionId);
    expect(pages).toHaveLength(2);
    const rows = await t.db.applicationDocument.findMany();
    expect(rows.every((r) => r.uploadedByKind === "desk" && r.uploadedById === people.desk.id)).toBe(true);
    // Encrypted at rest: the stored bytes are not the PNG.
    const stored = fs.readFileSync(path.join(dir, rows[0].storageKey));
    expect(stored.includes(PNG.subarray(0, 8))).toBe(false);
    // The worker reads it back through the session (thumbnail).
    expect(await readAssistedDocument(ctx, people.desk, sessionId, rows[0].id)).toMatchObject({ mimeType: "image/png", bytes: PNG });
    // Only bills still follow; and ticking a document that has pages does not make it follow again.
    const app = await t.db.application.findUniqueOrThrow({ where: { deskSessionId: sessionId } });
    expect(decryptData(app.dataEncrypted).documentsToFollow).toEqual(["bills"]);
    await assistedToFollow(ctx, people.desk, sessionId, ["diagnosis", "bills", "applicant-id"]);
    const after = await t.db.application.findUniqueOrThrow({ where: { deskSessionId: sessionId } });
    expect(decryptData(after.dataEncrypted).documentsToFollow).toEqual(["bills", "applicant-id"]);
    expect(await t.db.auditLog.count({ where: { action: "desk.document.upload", actorId: people.desk.id, target: sessionId } })).toBe(2);
  });

  test("the same validation as the citizen's: not an image, a bad document type, an empty file", async () => {
    expect(await storeAssistedDocument(ctx, people.desk, sessionId, "diagnosis", Buffer.from("not an image"))).toEqual({ ok: false, code: "bad-type" });
    expect(await storeAssistedDocument(ctx, people.desk, sessionId, "passport", PNG)).toEqual({ ok: false, code: "bad-doc-type" });
    expect(await storeAssistedDocument(ctx, people.desk, sessionId, "diagnosis", new Uint8Array())).toEqual({ ok: false, code: "no-file" });
    expect(await t.db.applicationDocument.count()).toBe(0);
  });

  test("a page is deleted (row and file) by the worker of the session, before submit", async () => {
    const stored = await storeAssistedDocument(ctx, people.desk, sessionId, "bills", PNG);
    if (!stored.ok) throw new Error(stored.code);
    const key = (await t.db.applicationDocument.findUniqueOrThrow({ where: { id: stored.documentId } })).storageKey;
    expect(await deleteAssistedDocument(ctx, people.desk, sessionId, stored.documentId)).toEqual({ ok: true, docType: "bills" });
    expect(await t.db.applicationDocument.count()).toBe(0);
    expect(fs.existsSync(path.join(dir, key))).toBe(false);
  });

  test("ownership and access: another area's desk, another session, a citizen's document, and after withdrawal: nothing", async () => {
    const stored = await storeAssistedDocument(ctx, people.desk, sessionId, "bills", PNG);
    if (!stored.ok) throw new Error(stored.code);
    const otherDesk = toStaffSession(await t.db.staffUser.create({ data: { username: "desk02", role: "desk", areaCode: "210100", passwordHash: "x", displayName: "desk02" } }));
    expect(await storeAssistedDocument(ctx, otherDesk, sessionId, "bills", PNG)).toEqual({ ok: false, code: "not-found" });
    expect(await readAssistedDocument(ctx, otherDesk, sessionId, stored.documentId)).toBeNull();
    expect(await deleteAssistedDocument(ctx, otherDesk, sessionId, stored.documentId)).toEqual({ ok: false, code: "not-found" });
    expect(await assistedDocuments(ctx, otherDesk, sessionId)).toBeNull();

    // A citizen's own draft page is not reachable through a desk session, even by id.
    await getOrCreateDraft(ctx, people.citizenA.id);
    const citizenPage = await storeCitizenDocument(ctx, people.citizenA.id, {}, "bills", PNG);
    if (!citizenPage.ok) throw new Error(citizenPage.code);
    expect(await readAssistedDocument(ctx, people.desk, sessionId, citizenPage.documentId)).toBeNull();
    expect(await deleteAssistedDocument(ctx, people.desk, sessionId, citizenPage.documentId)).toEqual({ ok: false, code: "not-found" });
    // Nor does the desk reach the session's draft pages as area staff, without the session (drafts are private).
    expect(await readDocument(ctx, people.desk, stored.documentId)).toBeNull();
    // The citizen does not reach the desk draft's pages either.
    expect(await readDocument(ctx, { kind: "citizen", id: people.citizenA.id } as never, stored.documentId)).toBeNull();

    // Another session of the same desk does not reach this one's pages.
    const other = await startSession(ctx, people.desk, startSessionSchema.parse({ name: "韦阿公", idNumber: idNumber("45022319400101001"), phone: "", consentPaperSigned: "on" }));
    await assistedDraft(ctx, people.desk, other.sessionId);
    expect(await readAssistedDocument(ctx, people.desk, other.sessionId, stored.documentId)).toBeNull();
    expect(await deleteAssistedDocument(ctx, people.desk, other.sessionId, stored.documentId)).toEqual({ ok: false, code: "not-found" });

    // Withdrawal: the session ends and its unsubmitted draft goes with its pages, files included.
    const key = (await t.db.applicationDocument.findUniqueOrThrow({ where: { id: stored.documentId } })).storageKey;
    expect(fs.existsSync(path.join(dir, key))).toBe(true);
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(true);
    expect(fs.existsSync(path.join(dir, key))).toBe(false);
    expect(await readAssistedDocument(ctx, people.desk, sessionId, stored.documentId)).toBeNull();
    expect(await storeAssistedDocument(ctx, people.desk, sessionId, "bills", PNG)).toEqual({ ok: false, code: "not-found" });
    expect(await t.db.applicationDocument.count({ where: { id: stored.documentId } })).toBe(0);
  });
});
