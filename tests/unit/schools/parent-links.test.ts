import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { actorFor } from "@/lib/auth/access";
import { isEncryptedFile } from "@/lib/crypto/file-encryption";
import { parentLinkExpiry, parentPupilView, PARENT_LINK_POLICY, resolveParentToken } from "@/lib/schools/parent-links";
import { qrSheetFor } from "@/lib/schools/qr-sheet";
import { readLatestReceipt, receiptDir, storeParentReceipt } from "@/lib/schools/receipts";
import { changePupilStatus } from "@/lib/schools/pupils";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { seasonFor } from "@/lib/schools/season";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makePupilRows } from "@/tests/unit/schools/fixtures";

// A whole PNG (1×1), as a phone's screenshot would be.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

describe("parent links (SQLite)", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolB: string;
  let uploads: string;
  const clock = fakeClock("2026-12-03T10:00:00+08:00");
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
  const season = seasonFor("shenyang-2023", "2026-12-03")!;
  const teacher = (schoolId: string, className = "1班") => actorFor({ kind: "staff", id: "t1", role: "teacher", schoolId, classOf: { grade: "一年级", className } });

  beforeEach(async () => {
    uploads = await fs.mkdtemp(path.join(os.tmpdir(), "yz-receipts-"));
    vi.stubEnv("UPLOAD_DIR", uploads);
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210100", nameZhHans: "沈阳市", nameZhHant: "瀋陽市", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210100", nameZhHans: "甲校", nameZhHant: "甲校" } })).id;
    schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210100", nameZhHans: "乙校", nameZhHant: "乙校" } })).id;
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...makePupilRows(24)], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: clock.now() });
    await commitRosterImport(t.db, { schoolId: schoolB, rows: [HEADER, ...makePupilRows(8, { seed: 5, region: "210105" })], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "b", coverYear: 2027, now: clock.now() });
  });
  afterEach(async () => {
    await t.close();
    vi.unstubAllEnvs();
    await fs.rm(uploads, { recursive: true, force: true });
  });

  it("the season's end is the expiry: the last day a late payment is accepted, else the closing day, in China", () => {
    const expiry = parentLinkExpiry({ closes: "2026-12-31", latePaymentUntil: null });
    expect(expiry.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(parentLinkExpiry({ closes: "2026-12-31", latePaymentUntil: "2027-02-28" }).toISOString()).toBe("2027-02-28T16:00:00.000Z");
  });

  it("a teacher's QR sheet holds their own class only, one unguessable link each, the same links when printed again; printing is audited", async () => {
    const first = await qrSheetFor(t.db, teacher(schoolA), { grade: "二年级", className: "3班", now: clock.now() });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.sheet).toMatchObject({ grade: "一年级", className: "1班" });
    // makePupilRows: 24 pupils, grade i%6 and class i%4 → 一年级 1班 holds pupils 0 and 12.
    expect(first.sheet.pupils).toHaveLength(2);
    for (const p of first.sheet.pupils) expect(p.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Set(first.sheet.pupils.map((p) => p.token)).size).toBe(2);
    const again = await qrSheetFor(t.db, teacher(schoolA), { now: clock.now() });
    expect(again.ok && again.sheet.pupils.map((p) => p.token)).toEqual(first.sheet.pupils.map((p) => p.token));
    // Tokens are stored only hashed and encrypted.
    expect(JSON.stringify(await t.db.schoolParentLink.findMany())).not.toContain(first.sheet.pupils[0].token);
    expect(await t.db.auditLog.count({ where: { action: "school.parent-links.print" } })).toBe(2);
    // A school admin names the class; a citizen or another role gets nothing.
    const admin = actorFor({ kind: "staff", id: "a1", role: "school_admin", schoolId: schoolA });
    expect(await qrSheetFor(t.db, admin, { now: clock.now() })).toEqual({ ok: false, code: "no-class" });
    expect(await qrSheetFor(t.db, actorFor({ kind: "citizen", id: "c" }), { grade: "一年级", className: "1班", now: clock.now() })).toEqual({ ok: false, code: "not-found" });
  });

  it("a token opens one child only, stops at the season's end, and wrong tokens are rate-limited per address", async () => {
    const sheet = await qrSheetFor(t.db, teacher(schoolA), { now: clock.now() });
    if (!sheet.ok) throw new Error("no sheet");
    const [one, two] = sheet.sheet.pupils;
    const resolved = await resolveParentToken(t.db, one.token, { ip: "10.0.0.1", now: clock.now() });
    expect(resolved).toMatchObject({ ok: true, reach: { scope: "parent-token", pupilId: one.id } });
    if (!resolved.ok) return;
    const view = await parentPupilView(t.db, resolved.reach, one.id);
    expect(view).toMatchObject({ pupilId: one.id, status: "unpaid", coverYear: 2027 });
    expect(view!.nameMasked).toContain("*");
    // The same token does not reach the classmate, nor can it upload for them.
    expect(await parentPupilView(t.db, resolved.reach, two.id)).toBeNull();
    expect(await storeParentReceipt(t.db, resolved.reach, { pupilId: two.id, bytes: PNG, now: clock.now(), ip: "10.0.0.1" })).toEqual({ ok: false, code: "not-found" });

    // After the season's end the link is expired.
    const after = new Date(parentLinkExpiry(season).getTime() + 1000);
    expect(await resolveParentToken(t.db, one.token, { ip: "10.0.0.1", now: after })).toEqual({ ok: false, code: "expired" });

    // Guessing: every wrong token counts; past the limit even a right token gets no answer from that address.
    const max = PARENT_LINK_POLICY.missesPerIp[0].max;
    for (let i = 0; i < max; i++) {
      expect(await resolveParentToken(t.db, `guess-${String(i).padStart(18, "0")}`, { ip: "10.0.0.9", now: clock.now() })).toEqual({ ok: false, code: "not-found" });
    }
    expect(await resolveParentToken(t.db, one.token, { ip: "10.0.0.9", now: clock.now() })).toEqual({ ok: false, code: "rate-limited" });
    expect((await resolveParentToken(t.db, one.token, { ip: "10.0.0.2", now: clock.now() })).ok).toBe(true);
  });

  it("a parent's receipt is stored encrypted and moves the status to 家长已缴（待核对）; the class teacher can read it, another class cannot; a funded child needs none", async () => {
    const sheet = await qrSheetFor(t.db, teacher(schoolA), { now: clock.now() });
    if (!sheet.ok) throw new Error("no sheet");
    const [one, two] = sheet.sheet.pupils;
    const reach = { scope: "parent-token", pupilId: one.id } as const;
    expect(await storeParentReceipt(t.db, reach, { pupilId: one.id, bytes: Buffer.from("not an image"), now: clock.now(), ip: "10.0.0.1" })).toEqual({ ok: false, code: "bad-type" });
    expect(await storeParentReceipt(t.db, reach, { pupilId: one.id, bytes: PNG, now: clock.now(), ip: "10.0.0.1" })).toEqual({ ok: true, status: "paid-unverified" });
    const files = await fs.readdir(receiptDir());
    expect(files).toHaveLength(1);
    expect(isEncryptedFile(await fs.readFile(path.join(receiptDir(), files[0])))).toBe(true);
    expect((await t.db.schoolPupil.findUniqueOrThrow({ where: { id: one.id } })).status).toBe("paid-unverified");

    const classReach = { scope: "class", schoolId: schoolA, grade: "一年级", className: "1班" } as const;
    const read = await readLatestReceipt(t.db, classReach, { pupilId: one.id, actorId: "t1", now: clock.now() });
    expect(read?.bytes.equals(PNG)).toBe(true);
    expect(await readLatestReceipt(t.db, { ...classReach, className: "2班" }, { pupilId: one.id, actorId: "t2", now: clock.now() })).toBeNull();
    expect(await readLatestReceipt(t.db, { scope: "school", schoolId: schoolB }, { pupilId: one.id, actorId: "b", now: clock.now() })).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "school.pupil.receipt-view" } })).toBe(1);

    await changePupilStatus(t.db, { schoolId: schoolA, pupilId: two.id, event: { kind: "funding-listed" } }, { actorType: "staff", actorId: "case", now: clock.now() });
    expect(await storeParentReceipt(t.db, { scope: "parent-token", pupilId: two.id }, { pupilId: two.id, bytes: PNG, now: clock.now(), ip: "10.0.0.1" })).toEqual({ ok: false, code: "not-needed" });
  });
});
