import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import Papa from "papaparse";
import layoutsJson from "@/lib/schools/export-layouts.json";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { readRosterFile } from "@/lib/schools/roster-file";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { actorFor } from "@/lib/auth/access";
import { exportLayoutFor, exportRoster, exportRosterFor, exportToCsv } from "@/lib/schools/roster-export";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makePupilRows } from "@/tests/unit/schools/fixtures";

const TODAY = "2026-12-03";
const NOW = new Date("2026-12-03T10:00:00+08:00");
const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
const AREA = { areaCode: "210102", policyPackId: "shenyang-2023" };

describe("export layouts are data, chosen per area", () => {
  it("沈阳's pack gets its layout, any other area the default; every layout says where it comes from (assumed where no template is known)", () => {
    expect(exportLayoutFor(AREA).id).toBe("shenyang");
    expect(exportLayoutFor({ areaCode: "450223", policyPackId: "luzhai-2018" }).id).toBe("default");
    for (const layout of Object.values(layoutsJson.layouts)) {
      expect(layout.source.reliability).toBe("ASSUMED");
      expect(layout.source.note.length).toBeGreaterThan(40);
    }
  });

  it("the CSV opens in Excel without mojibake (UTF-8 BOM) and a formula-like cell stays text", () => {
    const layout = exportLayoutFor(AREA);
    const csv = exportToCsv({ layout, header: ["姓名"], rows: [["=cmd|' /C calc'!A0"]], idNumbersInClear: false });
    expect(csv.startsWith("\uFEFF姓名\r\n")).toBe(true);
    expect(csv).toContain("'=cmd");
  });
});

describe("exporting the roster with statuses", () => {
  let t: TestDb;
  let schoolA: string;
  let pupils: string[][];

  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲小学", nameZhHant: "甲小學" } })).id;
    const schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙小学", nameZhHant: "乙小學" } })).id;
    const all = makePupilRows(10);
    pupils = all.slice(0, 8);
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...pupils], mapping: MAPPING, mode: "full", today: TODAY }, { actorId: "seed", coverYear: 2027, now: NOW });
    await commitRosterImport(t.db, { schoolId: schoolB, rows: [HEADER, ...all.slice(8)], mapping: MAPPING, mode: "full", today: TODAY }, { actorId: "seed", coverYear: 2027, now: NOW });
    await t.db.schoolPupil.updateMany({ where: { person: { idNumberHash: hashIdNumber(pupils[0][1]) } }, data: { status: "funded" } });
    await t.db.schoolPupil.updateMany({ where: { person: { idNumberHash: hashIdNumber(pupils[1][1]) } }, data: { status: "enrolled" } });
  });
  afterEach(async () => t.close());

  const run = (viewer: Parameters<typeof exportRoster>[1]["viewer"], format: "xlsx" | "csv") =>
    exportRoster(t.db, { schoolId: schoolA, schoolName: "甲小学", area: AREA, viewer, format }, { actorId: "staff-1", now: NOW });

  it("the school admin's .xlsx: the layout's columns in order, the school's pupils only, ID numbers in clear as 18-character text, statuses in the office's words; the read is audited", async () => {
    const out = await run({ kind: "school-admin" }, "xlsx");
    const sheet = await readRosterFile(out.bytes as Uint8Array, "export.xlsx");
    if (!sheet.ok) throw new Error(sheet.error);
    const [header, ...rows] = sheet.sheet.rows;
    expect(header).toEqual(exportLayoutFor(AREA).columns.map((c) => c.heading));
    expect(rows).toHaveLength(8);
    const col = (heading: string) => header.indexOf(heading);
    const ids = rows.map((r) => r[col("证件号码")]);
    expect(new Set(ids)).toEqual(new Set(pupils.map((p) => p[1])));
    const byId = new Map(rows.map((r) => [r[col("证件号码")], r]));
    expect(byId.get(pupils[0][1])![col("参保缴费状态")]).toBe("资助参保");
    expect(byId.get(pupils[1][1])![col("参保缴费状态")]).toBe("已缴费");
    expect(byId.get(pupils[2][1])![col("参保缴费状态")]).toBe("未缴费");
    expect(byId.get(pupils[2][1])![col("姓名")]).toBe(pupils[2][0]);
    expect(byId.get(pupils[2][1])![col("学校")]).toBe("甲小学");
    expect(byId.get(pupils[2][1])![col("出生日期")]).toBe(`${pupils[2][1].slice(6, 10)}-${pupils[2][1].slice(10, 12)}-${pupils[2][1].slice(12, 14)}`);
    expect(rows.map((r) => r[col("序号")])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "school.roster.export" } });
    expect(audit).toMatchObject({ actorId: "staff-1", target: schoolA, reason: "layout=shenyang format=xlsx rows=8 school id-numbers=clear" });
  });

  it("a class teacher's .csv: their class only, names, ID numbers and phones masked, no birth date; audited as masked", async () => {
    const out = await run({ kind: "teacher", grade: "一年级", className: "1班" }, "csv");
    const text = out.bytes as string;
    for (const p of pupils) {
      expect(text).not.toContain(p[1]);
      expect(text).not.toContain(p[0]);
      expect(text).not.toContain(p[5]);
    }
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    // Pupil i is in grade (i % 6) + 1 and class (i % 4) + 1: only pupil 0 is in 一年级 1班.
    expect(rows).toHaveLength(1);
    expect(rows[0][header.indexOf("证件号码")]).toBe(`${pupils[0][1].slice(0, 3)}***********${pupils[0][1].slice(-4)}`);
    expect(rows[0][header.indexOf("出生日期")]).toBe("");
    expect(rows[0][header.indexOf("监护人联系电话")]).toMatch(/^139\*{4}\d{4}$/);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "school.roster.export" } });
    expect(audit.reason).toBe("layout=shenyang format=csv rows=1 class=一年级 1班 id-numbers=masked");
  });

  it("who gets which export: the school admin their school in clear, a teacher their class masked, area staff and a teacher without a class nothing", async () => {
    const ctx = { actorId: "x", now: NOW };
    const admin = await exportRosterFor(t.db, actorFor({ kind: "staff", id: "a1", role: "school_admin", schoolId: schoolA }), "csv", ctx);
    expect(admin?.rows).toBe(8);
    expect(admin?.bytes as string).toContain(pupils[3][1]);
    const teacher = await exportRosterFor(t.db, actorFor({ kind: "staff", id: "t1", role: "teacher", schoolId: schoolA, classOf: { grade: "一年级", className: "1班" } }), "csv", ctx);
    expect(teacher?.rows).toBe(1);
    expect(teacher?.bytes as string).not.toContain(pupils[0][1]);
    expect(await exportRosterFor(t.db, actorFor({ kind: "staff", id: "c1", role: "caseworker", areaCode: "210102" }), "csv", ctx)).toBeNull();
    expect(await exportRosterFor(t.db, actorFor({ kind: "staff", id: "t2", role: "teacher", schoolId: schoolA }), "csv", ctx)).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "school.roster.export" } })).toBe(2);
  });
});
