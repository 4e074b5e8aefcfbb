import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { actorFor } from "@/lib/auth/access";
import { decryptField } from "@/lib/crypto/field-encryption";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { classViewFor } from "@/lib/schools/class-view";
import { importFundingList } from "@/lib/schools/funding";
import { findFundingColumns, fundsCoverYear, parseListDate, readFundingSheet } from "@/lib/schools/funding-list";
import { parentPupilView } from "@/lib/schools/parent-links";
import { changePupilStatus, listRoster } from "@/lib/schools/pupils";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makeIdNumber, makePupilRows, toCsv, toXlsx } from "@/tests/unit/schools/fixtures";

const LIST_HEADER = ["身份证号", "资助类别", "有效期起", "有效期止"];

describe("reading a 资助参保 list (lib/schools/funding-list.ts)", () => {
  it("finds the header under a title row and reads dates as lists write them", () => {
    expect(findFundingColumns([["某区2027年资助参保名单"], ["序号", "姓名", "公民身份号码", "人员类别", "开始日期", "结束日期"]])).toEqual({
      headerRow: 1,
      columns: { idNumber: 2, tier: 3, validFrom: 4, validTo: 5 },
    });
    expect(findFundingColumns([["姓名", "身份证号"]])).toBeNull();
    expect(parseListDate("2027/1/1")).toBe("2027-01-01");
    expect(parseListDate("2027年12月31日")).toBe("2027-12-31");
    expect(parseListDate("20270228")).toBe("2027-02-28");
    expect(parseListDate("2027-02-30")).toBeNull();
    expect(parseListDate("明年")).toBeNull();
  });

  it("reports each bad row by line and code, never with the row's values", () => {
    const good = makeIdNumber("2018-03-04", 1);
    const badCheck = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const result = readFundingSheet(
      [
        LIST_HEADER,
        [good, "低保", "2027-01-01", "2027-12-31"],
        [badCheck, "特困", "2027-01-01", "2027-12-31"],
        [makeIdNumber("2018-03-05", 2), "", "2027-01-01", "2027-12-31"],
        [makeIdNumber("2018-03-06", 3), "孤儿", "2027-12-31", "2027-01-01"],
        [good, "低保", "2027-01-01", "2027-12-31"],
        ["", "", "", ""],
      ],
      "2026-12-03",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(1);
    expect(result.problems).toEqual([
      { line: 3, code: "id-number" },
      { line: 4, code: "tier" },
      { line: 5, code: "date-order" },
      { line: 6, code: "duplicate" },
    ]);
    expect(JSON.stringify(result.problems)).not.toMatch(/低保|特困|孤儿|\d{17}/);
  });

  it("an entry funds a cover year when its validity overlaps it", () => {
    expect(fundsCoverYear({ validFrom: "2027-01-01", validTo: "2027-12-31" }, 2027)).toBe(true);
    expect(fundsCoverYear({ validFrom: "2026-07-01", validTo: "2027-06-30" }, 2027)).toBe(true);
    expect(fundsCoverYear({ validFrom: "2026-01-01", validTo: "2026-12-31" }, 2027)).toBe(false);
  });
});

describe("importing the list and matching pupils (SQLite)", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolOther: string;
  let rows: string[][];
  const clock = fakeClock("2026-12-03T10:00:00+08:00");
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
  const by = { actorId: "case02", now: clock.now(), today: "2026-12-03" };
  const csv = (lines: string[][]) => new TextEncoder().encode(toCsv([LIST_HEADER, ...lines]));

  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210100", nameZhHans: "沈阳市", nameZhHant: "瀋陽市", policyPackId: "shenyang-2023" } });
    await t.db.area.create({ data: { code: "450223", nameZhHans: "鹿寨县", nameZhHant: "鹿寨縣", policyPackId: "luzhai-2018" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210100", nameZhHans: "甲校", nameZhHant: "甲校" } })).id;
    schoolOther = (await t.db.school.create({ data: { code: "Z", areaCode: "450223", nameZhHans: "外区学校", nameZhHant: "外區學校" } })).id;
    rows = makePupilRows(24);
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...rows], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: clock.now() });
  });
  afterEach(async () => t.close());

  it("matches by keyed hash, stores the ID number and tier only encrypted, and re-importing the same list changes nothing", async () => {
    // Pupils 0 and 1 are on the list; pupil 1's family payment is already confirmed (a conflict, not overwritten).
    const pupil1 = await t.db.schoolPupil.findFirstOrThrow({ where: { person: { idNumberHash: hashIdNumber(rows[1][1]) } } });
    await changePupilStatus(t.db, { schoolId: schoolA, pupilId: pupil1.id, event: { kind: "verified" } }, { actorType: "staff", actorId: "a", now: clock.now() });
    const outsider = makeIdNumber("2016-05-05", 7, "210104");
    const list = csv([
      [rows[0][1], "特困供养", "2027-01-01", "2027-12-31"],
      [rows[1][1], "低保", "2027-01-01", "2027-12-31"],
      [outsider, "孤儿", "2027-01-01", "2027-12-31"],
    ]);
    const first = await importFundingList(t.db, { areaCode: "210100", fileName: "名单.csv", bytes: list }, by);
    expect(first).toMatchObject({ ok: true, counts: { rows: 3, added: 3, updated: 0, unchanged: 0, matched: 1, conflicts: 1 } });

    const stored = await t.db.schoolFundingEntry.findMany();
    expect(stored.map((e) => e.idNumberHash).sort()).toEqual([rows[0][1], rows[1][1], outsider].map((id) => hashIdNumber(id)).sort());
    const raw = JSON.stringify(stored);
    expect(raw).not.toMatch(/特困|低保|孤儿/);
    expect(raw).not.toContain(rows[0][1]);
    expect(decryptField(stored.find((e) => e.idNumberHash === hashIdNumber(rows[0][1]))!.tierEncrypted)).toBe("特困供养");
    const audit = await t.db.auditLog.findMany({ where: { action: "school.funding.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).not.toMatch(/特困|低保|孤儿/);

    const again = await importFundingList(t.db, { areaCode: "210100", fileName: "名单.csv", bytes: list }, by);
    expect(again).toMatchObject({ ok: true, counts: { rows: 3, added: 0, updated: 0, unchanged: 3, matched: 0, conflicts: 1 } });
    expect(await t.db.schoolFundingEntry.count()).toBe(3);

    // A corrected tier or end date updates the one entry (same person, same start).
    const changed = await importFundingList(t.db, { areaCode: "210100", fileName: "名单2.csv", bytes: csv([[rows[0][1], "特困", "2027-01-01", "2027-06-30"]]) }, by);
    expect(changed).toMatchObject({ ok: true, counts: { added: 0, updated: 1, unchanged: 0 } });
    expect(await t.db.schoolFundingEntry.count()).toBe(3);

    const statuses = await listRoster(t.db, schoolA, { withNotes: true });
    expect(statuses.filter((r) => r.status === "funded")).toHaveLength(1);
    expect(statuses.find((r) => r.id === pupil1.id)?.status).toBe("enrolled");
  });

  it("another area's list never touches this area's pupils; a list for another year funds nobody now", async () => {
    const other = await importFundingList(t.db, { areaCode: "450223", fileName: "x.csv", bytes: csv([[rows[2][1], "低保", "2027-01-01", "2027-12-31"]]) }, by);
    expect(other).toMatchObject({ ok: true, counts: { matched: 0 } });
    const lastYear = await importFundingList(t.db, { areaCode: "210100", fileName: "y.csv", bytes: csv([[rows[3][1], "低保", "2026-01-01", "2026-12-31"]]) }, by);
    expect(lastYear).toMatchObject({ ok: true, counts: { matched: 0 } });
    expect((await listRoster(t.db, schoolA, { withNotes: false })).some((r) => r.status === "funded")).toBe(false);
    expect(schoolOther).toBeTruthy();
  });

  it("a file with a bad row is refused whole: nothing stored, each problem by line", async () => {
    const bad = csv([
      [rows[0][1], "低保", "2027-01-01", "2027-12-31"],
      ["123", "低保", "2027-01-01", "2027-12-31"],
    ]);
    expect(await importFundingList(t.db, { areaCode: "210100", fileName: "bad.csv", bytes: bad }, by)).toEqual({ ok: false, error: "rows", problems: [{ line: 3, code: "id-number" }] });
    expect(await importFundingList(t.db, { areaCode: "210100", fileName: "n.csv", bytes: new TextEncoder().encode("姓名,电话\n张三,1\n") }, by)).toMatchObject({ ok: false, error: "columns" });
    expect(await t.db.schoolFundingEntry.count()).toBe(0);
    expect(await t.db.schoolFundingImport.count()).toBe(0);
    // An .xlsx list reads the same way.
    const xlsx = await toXlsx([LIST_HEADER, [rows[0][1], "低保", "2027-01-01", "2027-12-31"]]);
    expect(await importFundingList(t.db, { areaCode: "210100", fileName: "名单.xlsx", bytes: xlsx }, by)).toMatchObject({ ok: true, counts: { added: 1, matched: 1 } });
  });

  it("the teacher and the parent see 资助参保 (no payment), never the tier", async () => {
    await importFundingList(t.db, { areaCode: "210100", fileName: "名单.csv", bytes: csv([[rows[0][1], "特困供养", "2027-01-01", "2027-12-31"]]) }, by);
    // makePupilRows: pupil 0 is in 一年级 1班.
    const teacher = actorFor({ kind: "staff", id: "t1", role: "teacher", schoolId: schoolA, classOf: { grade: rows[0][3], className: rows[0][4] } });
    const view = await classViewFor(t.db, teacher);
    const funded = view!.rows.find((r) => r.status === "funded");
    expect(funded).toBeDefined();
    expect(JSON.stringify(view)).not.toMatch(/特困|低保|孤儿|tier/);
    const parent = await parentPupilView(t.db, { scope: "parent-token", pupilId: funded!.id }, funded!.id);
    expect(parent?.status).toBe("funded");
    expect(JSON.stringify(parent)).not.toMatch(/特困|低保|孤儿|tier/);
  });
});
