import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { rosterErrorFile } from "@/lib/schools/roster-error-file";
import { commitRosterImport, previewRosterImport, rememberedMapping } from "@/lib/schools/roster-import";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makeIdNumber, makePupilRows } from "@/tests/unit/schools/fixtures";

const TODAY = "2026-12-03";
const NOW = new Date("2026-12-03T10:00:00+08:00");
const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
let t: TestDb;
let schoolA: string;
let schoolB: string;

beforeEach(async () => {
  t = await createTestDb();
  await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
  schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲小学", nameZhHant: "甲小學" } })).id;
  schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙小学", nameZhHant: "乙小學" } })).id;
});
afterEach(async () => t.close());

const importInto = (schoolId: string, rows: string[][], mode: "full" | "add" = "full") =>
  commitRosterImport(t.db, { schoolId, rows: [HEADER, ...rows], mapping: MAPPING, mode, today: TODAY }, { actorId: "admin-a", coverYear: 2027, now: NOW });

describe("importing a roster", () => {
  it("commits every valid row and none with an error; pupils become Persons of the school's area; nothing in clear", async () => {
    const rows = makePupilRows(200);
    rows[10][1] = rows[10][1].slice(0, 17) + (rows[10][1][17] === "1" ? "2" : "1");
    rows[20][5] = "12345";
    const preview = await previewRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...rows], mapping: MAPPING, mode: "full", today: TODAY });
    expect(preview.counts).toMatchObject({ total: 200, errors: 2, new: 198 });
    expect(await t.db.schoolPupil.count()).toBe(0);

    const result = await importInto(schoolA, rows);
    expect(result.ok).toBe(true);
    expect(await t.db.schoolPupil.count({ where: { schoolId: schoolA, current: true } })).toBe(198);
    expect(await t.db.person.count()).toBe(198);
    expect(await t.db.personArea.count({ where: { areaCode: "210102", via: "school" } })).toBe(198);
    const dump = JSON.stringify(await t.db.person.findMany()) + JSON.stringify(await t.db.schoolPupil.findMany());
    expect(dump).not.toContain(rows[0][1]);
    expect(dump).not.toContain(rows[0][0]);
    expect(dump).not.toContain(rows[0][5]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "school.roster.import" } });
    expect(audit.reason).toContain("new=198");
    expect(await rememberedMapping(t.db, schoolA)).toEqual({ headings: { name: "姓名", idNumber: "身份证号", gender: "性别", grade: "年级", className: "班级", guardianPhone: "监护人电话" } });
  });

  it("re-importing next year sorts 续保 / 新增 / 转入 / 毕业·转出 and holds back pupils on another school's current roster", async () => {
    const [stay, graduate, elsewhere, returning] = makePupilRows(4);
    await importInto(schoolA, [stay, graduate]);
    await importInto(schoolB, [elsewhere, returning]);
    // returning leaves school B (B's next full roster has only `elsewhere`).
    await importInto(schoolB, [elsewhere]);
    const fresh = ["新同学", makeIdNumber("2020-02-02", 502), "女", "一年级", "1班", ""];
    const result = await importInto(schoolA, [stay, fresh, returning, elsewhere]);
    expect(result.ok && result.preview.counts).toMatchObject({ renew: 1, new: 1, "transfer-in": 1, "already-elsewhere": 1, leaving: 1 });
    expect(result.ok && result.preview.rows.map((r) => r.move)).toEqual(["renew", "new", "transfer-in", null]);
    expect(result.ok && result.preview.rows[3].problems.map((p) => p.code)).toEqual(["on-other-roster"]);
    const onA = await t.db.schoolPupil.findMany({ where: { schoolId: schoolA }, include: { person: true } });
    const byHash = new Map(onA.map((r) => [r.person.idNumberHash, r]));
    expect(byHash.get(hashIdNumber(graduate[1]))?.current).toBe(false);
    expect(byHash.get(hashIdNumber(returning[1]))?.current).toBe(true);
    expect(byHash.has(hashIdNumber(elsewhere[1]))).toBe(false);
    // The same pupil is one Person across both schools.
    expect(await t.db.person.count()).toBe(5);
  });

  it("an 'add' file adds pupils and lets nobody leave; a file of only errors changes nothing", async () => {
    const [a, b] = makePupilRows(2);
    await importInto(schoolA, [a]);
    await importInto(schoolA, [b], "add");
    expect(await t.db.schoolPupil.count({ where: { schoolId: schoolA, current: true } })).toBe(2);
    const before = await t.db.auditLog.count();
    const bad = await importInto(schoolA, [["张三", "123", "男", "一年级", "1班", ""]], "add");
    expect(bad).toMatchObject({ ok: false, error: "nothing-to-import" });
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it("the error file lists each row with its problems in words, formulas defused", async () => {
    const rows = [["=1+1", makeIdNumber("2019-05-06", 11), "男", "一年级", "1班", ""]];
    const preview = await previewRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...rows], mapping: MAPPING, mode: "full", today: TODAY });
    const file = rosterErrorFile(HEADER, preview.rows, (p) => `问题:${p.code}`, { row: "行号", problems: "问题" });
    expect(file.startsWith("\uFEFF行号,姓名")).toBe(true);
    expect(file).toContain("2,'=1+1,");
    expect(file).toContain("问题:formula");
  });
});
