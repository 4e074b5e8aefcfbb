import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { readRosterFile } from "@/lib/schools/roster-file";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { commitReconciliation, planReconciliation, reconcileOutcome, type ConflictDecision } from "@/lib/schools/reconcile";
import { parseFileDate, parseFileStatus, readReturnRows, returnMappingSchema, suggestReturnMapping, type ReturnMapping } from "@/lib/schools/return-file";
import type { PupilStatus } from "@/lib/schools/statuses";
import { unpaidByClass } from "@/lib/schools/unpaid";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { encodeGbk, HEADER, makeIdNumber, makePupilRows, toCsv, toXlsx } from "@/tests/unit/schools/fixtures";

const TODAY = "2026-12-03";
const NOW = new Date("2026-12-03T10:00:00+08:00");
const ROSTER_MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
const RETURN_HEADER = ["证件号码", "缴费状态", "缴费日期"];
const RETURN_MAPPING: ReturnMapping = { headerRow: 0, columns: { idNumber: 0, status: 1, date: 2 } };

describe("reading a 税务 / 医保 return file", () => {
  it("finds the header under a title row and maps 证件号码 / 缴费状态 / 缴费日期 by their headings", () => {
    const rows = [["2027年度城乡居民医保缴费明细", "", ""], ["缴费人证件号码", "缴费状态", "入库日期"], [makeIdNumber("2019-01-02", 11), "已缴费", "2026-11-05"]];
    expect(suggestReturnMapping(rows)).toEqual({ headerRow: 1, columns: { idNumber: 0, status: 1, date: 2 } });
    expect(returnMappingSchema.safeParse({ headerRow: 1, columns: { idNumber: 0 } }).success).toBe(false);
  });

  it.each([
    ["已缴费", "paid"],
    ["正常参保", "paid"],
    [" 已 入 库 ", "paid"],
    ["未缴费", "unpaid"],
    ["暂停参保", "unpaid"],
    ["待缴费", "unpaid"],
    ["缴费中", null],
    ["", null],
  ])("the status word %j reads as %j (anything else is a row problem, never a guess)", (word, expected) => {
    expect(parseFileStatus(word)).toBe(expected);
  });

  it.each([
    ["2026-11-05", "2026-11-05"],
    ["2026/1/5", "2026-01-05"],
    ["20261105", "2026-11-05"],
    ["2026年11月5日", "2026-11-05"],
    ["2026-02-30", null],
    ["下周", null],
  ])("the date %j reads as %j", (text, expected) => {
    expect(parseFileDate(text)).toBe(expected);
  });

  it("lists bad rows with their problem: bad ID number, unknown status, bad date, formula, duplicate (the first row is used)", () => {
    const id = makeIdNumber("2019-01-02", 11);
    const rows = readReturnRows(
      [RETURN_HEADER, [id, "已缴费", "2026-11-05"], ["123", "已缴费", ""], [makeIdNumber("2019-01-02", 13), "缴费中", ""], [makeIdNumber("2019-01-02", 15), "已缴费", "昨天"], ["=HYPERLINK()", "已缴费", ""], [id, "未缴费", ""], ["", "", ""]],
      RETURN_MAPPING,
    );
    expect(rows.map((r) => r.problem)).toEqual([null, "id-invalid", "status-unknown", "date-invalid", "formula", "duplicate-in-file"]);
    expect(rows[5].otherRow).toBe(2);
  });

  it("reads a GBK CSV and an .xlsx return file through the roster's reader", async () => {
    const id = makeIdNumber("2019-01-02", 11);
    const csv = await readRosterFile(encodeGbk(toCsv([RETURN_HEADER, [id, "已缴费", "2026-11-05"]])), "回盘.csv");
    expect(csv.ok && csv.sheet.encoding).toBe("gbk");
    expect(csv.ok && readReturnRows(csv.sheet.rows, RETURN_MAPPING)[0]).toMatchObject({ idNumber: id, fileStatus: "paid", date: "2026-11-05", problem: null });
    const xlsx = await readRosterFile(await toXlsx([RETURN_HEADER, [id, "未缴费", "2026-11-06"]]), "回盘.xlsx");
    expect(xlsx.ok && readReturnRows(xlsx.sheet.rows, RETURN_MAPPING)[0]).toMatchObject({ idNumber: id, fileStatus: "unpaid" });
  });
});

describe("what a return-file row does to a pupil's status", () => {
  it.each<[PupilStatus, "paid" | "unpaid", string]>([
    ["unpaid", "paid", "confirm"],
    ["paid-unverified", "paid", "confirm"],
    ["enrolled", "paid", "unchanged"],
    ["funded", "paid", "unchanged"],
    ["enrolled-elsewhere", "paid", "conflict"],
    ["not-enrolling", "paid", "conflict"],
    ["unpaid", "unpaid", "unchanged"],
    ["paid-unverified", "unpaid", "conflict"],
    ["enrolled", "unpaid", "conflict"],
    ["funded", "unpaid", "funded-unpaid"],
    ["enrolled-elsewhere", "unpaid", "unchanged"],
    ["not-enrolling", "unpaid", "unchanged"],
  ])("recorded %s, file says %s → %s", (current, file, outcome) => {
    expect(reconcileOutcome(current, file)).toBe(outcome);
  });
});

describe("reconciling against the school's roster", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolB: string;
  let pupils: string[][];
  let otherSchoolPupil: string[];

  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲小学", nameZhHant: "甲小學" } })).id;
    schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙小学", nameZhHant: "乙小學" } })).id;
    const all = makePupilRows(9);
    pupils = all.slice(0, 8);
    otherSchoolPupil = all[8];
    for (const [schoolId, rows] of [[schoolA, pupils], [schoolB, [otherSchoolPupil]]] as const) {
      await commitRosterImport(t.db, { schoolId, rows: [HEADER, ...rows], mapping: ROSTER_MAPPING, mode: "full", today: TODAY }, { actorId: "seed", coverYear: 2027, now: NOW });
    }
    // Pupils 0–7 of school A: unpaid, paid-unverified, enrolled, funded, enrolled-elsewhere, not-enrolling, unpaid, unpaid.
    const statuses: PupilStatus[] = ["unpaid", "paid-unverified", "enrolled", "funded", "enrolled-elsewhere", "not-enrolling", "unpaid", "unpaid"];
    for (let i = 0; i < pupils.length; i++) await t.db.schoolPupil.updateMany({ where: { schoolId: schoolA, person: { idNumberHash: hashIdNumber(pupils[i][1]) } }, data: { status: statuses[i] } });
  });
  afterEach(async () => t.close());

  const statusOf = async (row: string[]) => (await t.db.schoolPupil.findFirstOrThrow({ where: { person: { idNumberHash: hashIdNumber(row[1]) } } })).status;
  const returnFile = (entries: [string[], string][]) => [RETURN_HEADER, ...entries.map(([pupil, status]) => [pupil[1], status, "2026-11-05"])];
  const commit = (rows: string[][], decisions: Record<string, ConflictDecision> = {}) =>
    commitReconciliation(t.db, { schoolId: schoolA, rows, mapping: RETURN_MAPPING, decisions, fileName: "回盘.xlsx" }, { actorId: "admin-a", now: NOW });

  it("matches by keyed hash: paid rows confirm 待缴费 and 家长已缴 pupils as 已参保（已核对）, each change audited; IDs not on this school's roster are listed, never changed", async () => {
    const stranger = makeIdNumber("2018-03-04", 777);
    const rows = [...returnFile([[pupils[0], "已缴费"], [pupils[1], "已缴费"], [pupils[2], "已缴费"], [otherSchoolPupil, "已缴费"]]), [stranger, "已缴费", ""]];
    const plan = await planReconciliation(t.db, { schoolId: schoolA, rows, mapping: RETURN_MAPPING });
    expect(plan.counts).toMatchObject({ rows: 5, confirm: 2, unchanged: 1, conflict: 0, unknown: 2 });
    // Another school's pupil is "unknown" here, exactly like an ID never seen: nothing says where they are.
    expect(plan.unknown.map((u) => u.rowNumber)).toEqual([5, 6]);
    expect(plan.unknown[0].idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);

    const result = await commit(rows);
    expect(result).toMatchObject({ ok: true, counts: { confirm: 2, changed: 2, unknown: 2 } });
    expect(await statusOf(pupils[0])).toBe("enrolled");
    expect(await statusOf(pupils[1])).toBe("enrolled");
    expect(await statusOf(otherSchoolPupil)).toBe("unpaid");
    const audits = await t.db.auditLog.findMany({ where: { action: "school.pupil.status" } });
    expect(audits.map((a) => a.reason).sort()).toEqual(["paid-unverified→enrolled (return-file; file=paid 2026-11-05)", "unpaid→enrolled (return-file; file=paid 2026-11-05)"]);
    expect(audits[0].at.toISOString()).toBe(NOW.toISOString());
    const summary = await t.db.auditLog.findFirstOrThrow({ where: { action: "school.reconcile.commit" } });
    expect(summary.reason).toContain("confirmed=2");
    expect(summary.reason).toContain("unknown=2");
    expect(JSON.stringify(await t.db.auditLog.findMany())).not.toContain(pupils[0][1]);
  });

  it("a conflict changes nothing until the admin decides: no decision refuses the whole file; keep leaves the record, take the file's word moves it; a funded pupil's status is never the school's to change", async () => {
    const rows = returnFile([[pupils[0], "已缴费"], [pupils[2], "未缴费"], [pupils[4], "已缴费"], [pupils[1], "未缴费"], [pupils[3], "未缴费"]]);
    const plan = await planReconciliation(t.db, { schoolId: schoolA, rows, mapping: RETURN_MAPPING });
    expect(plan.counts).toMatchObject({ confirm: 1, conflict: 3, fundedUnpaid: 1 });
    const conflicts = plan.matched.filter((m) => m.outcome === "conflict");
    expect(conflicts.map((c) => [c.current, c.fileStatus])).toEqual([["enrolled", "unpaid"], ["enrolled-elsewhere", "paid"], ["paid-unverified", "unpaid"]]);
    expect(conflicts[0].nameMasked).toMatch(/^.\*+.?$/);

    const before = await t.db.auditLog.count();
    const refused = await commit(rows, { [conflicts[0].pupilId]: "keep" });
    expect(refused).toEqual({ ok: false, error: "decision-missing", missing: 2 });
    // All or none: not even the confirmation of pupil 0 was written.
    expect(await statusOf(pupils[0])).toBe("unpaid");
    expect(await t.db.auditLog.count()).toBe(before);

    const funded = plan.matched.find((m) => m.outcome === "funded-unpaid")!;
    const done = await commit(rows, { [conflicts[0].pupilId]: "keep", [conflicts[1].pupilId]: "take", [conflicts[2].pupilId]: "take", [funded.pupilId]: "take" });
    expect(done).toMatchObject({ ok: true, counts: { changed: 3, kept: 1, taken: 2 } });
    expect(await statusOf(pupils[0])).toBe("enrolled");
    expect(await statusOf(pupils[2])).toBe("enrolled");
    expect(await statusOf(pupils[4])).toBe("enrolled");
    expect(await statusOf(pupils[1])).toBe("unpaid");
    expect(await statusOf(pupils[3])).toBe("funded");
    const elsewhereRow = await t.db.schoolPupil.findFirstOrThrow({ where: { person: { idNumberHash: hashIdNumber(pupils[4][1]) } } });
    expect(elsewhereRow.statusNoteEncrypted).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "school.reconcile.keep" } })).toBe(1);
    expect((await t.db.auditLog.findMany({ where: { action: "school.pupil.status" } })).map((a) => a.reason)).toContain("enrolled-elsewhere→enrolled (return-file, decided: take the file's; file=paid 2026-11-05)");
  });

  it("is idempotent: the same file committed twice changes nothing the second time", async () => {
    const rows = returnFile([[pupils[0], "已缴费"], [pupils[6], "已缴费"], [pupils[7], "未缴费"]]);
    expect(await commit(rows)).toMatchObject({ ok: true, counts: { confirm: 2, changed: 2 } });
    const snapshot = JSON.stringify(await t.db.schoolPupil.findMany({ orderBy: { id: "asc" } }));
    const again = await commit(rows);
    expect(again).toMatchObject({ ok: true, counts: { confirm: 0, unchanged: 3, conflict: 0, changed: 0 } });
    expect(JSON.stringify(await t.db.schoolPupil.findMany({ orderBy: { id: "asc" } }))).toBe(snapshot);
    expect(await t.db.auditLog.count({ where: { action: "school.pupil.status" } })).toBe(2);
  });

  it("a file with no matching row is refused and writes nothing; a pupil who left the roster is not matched", async () => {
    expect(await commit([RETURN_HEADER, ["123", "已缴费", ""]])).toEqual({ ok: false, error: "nothing-to-do" });
    await t.db.schoolPupil.updateMany({ where: { schoolId: schoolA, person: { idNumberHash: hashIdNumber(pupils[0][1]) } }, data: { current: false } });
    const plan = await planReconciliation(t.db, { schoolId: schoolA, rows: returnFile([[pupils[0], "已缴费"]]), mapping: RETURN_MAPPING });
    expect(plan.counts).toMatchObject({ confirm: 0, unknown: 1 });
  });

  it("lists who is still unpaid, class by class, masked (待缴费 and unconfirmed receipts)", async () => {
    await commit(returnFile([[pupils[0], "已缴费"]]));
    const classes = await unpaidByClass(t.db, schoolA);
    const listed = classes.flatMap((c) => c.pupils.map((p) => [`${c.grade} ${c.className}`, p.status]));
    // Pupils 1 (paid-unverified), 6 and 7 (unpaid) remain; pupil i is in grade (i % 6) + 1, class (i % 4) + 1.
    expect(listed).toEqual([["一年级 3班", "unpaid"], ["二年级 2班", "paid-unverified"], ["二年级 4班", "unpaid"]]);
    expect(classes.every((c) => c.pupils.every((p) => p.nameMasked.includes("*")))).toBe(true);
  });
});
