import { describe, expect, it } from "vitest";
import { columnMappingSchema, mappingToRemember, suggestHeaderRow, suggestMapping, type ColumnMapping } from "@/lib/schools/roster-columns";
import { ageFitsGrade, parseGrade } from "@/lib/schools/grades";
import { rowHasErrors, validateRosterRows } from "@/lib/schools/roster-validate";
import { HEADER, makeIdNumber, makePupilRows } from "@/tests/unit/schools/fixtures";

const TODAY = "2026-12-03";
const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
const codes = (rows: string[][]) => validateRosterRows([HEADER, ...rows], MAPPING, { today: TODAY }).map((r) => r.problems.map((p) => p.code));

describe("choosing the header row and the columns", () => {
  it("finds the header under a title row and maps headings by their usual names", () => {
    const rows = [["沈阳市和平区某小学 2027 年度居民医保参保名册", "", ""], ["序号", "学生姓名", "身份证号码", "班级", "年级", "家长手机号"], ["1", "张三", "x", "1班", "一年级", ""]];
    expect(suggestHeaderRow(rows)).toBe(1);
    expect(suggestMapping(rows)).toEqual({ headerRow: 1, columns: { name: 1, idNumber: 2, className: 3, grade: 4, guardianPhone: 5 } });
  });

  it("remembers the school's headings for next year, wherever the columns moved", () => {
    const lastYear = [["名", "证件", "年", "班"]];
    const remembered = mappingToRemember(lastYear, { headerRow: 0, columns: { name: 0, idNumber: 1, grade: 2, className: 3 } });
    expect(suggestMapping([["班", "名", "年", "证件"]], remembered).columns).toEqual({ className: 0, name: 1, grade: 2, idNumber: 3 });
  });

  it("needs the four required columns, each used once", () => {
    expect(columnMappingSchema.safeParse({ headerRow: 0, columns: { name: 0, idNumber: 1, grade: 2 } }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ headerRow: 0, columns: { name: 0, idNumber: 0, grade: 2, className: 3 } }).success).toBe(false);
    expect(columnMappingSchema.safeParse(MAPPING).success).toBe(true);
  });
});

describe("grades", () => {
  it.each([
    ["小班", -2], ["大班", 0], ["一年级", 1], ["3年级", 3], ["六年级(2)班", 6], ["初一", 7], ["七年级", 7], ["初四", 10], ["高三", 12], ["大学", null], ["", null],
  ])("%s → %s", (text, level) => expect(parseGrade(text)).toBe(level));

  it("a 一年级 pupil is six on 1 September (义务教育法 第十一条); a 12-year-old in 一年级 is flagged", () => {
    expect(ageFitsGrade("2020-03-01", 1, "2026-09-01")).toBe(true);
    expect(ageFitsGrade("2014-03-01", 1, "2026-09-01")).toBe(false);
  });
});

describe("validating each row", () => {
  it("passes generated valid rows", () => {
    const rows = validateRosterRows([HEADER, ...makePupilRows(60)], MAPPING, { today: TODAY });
    expect(rows).toHaveLength(60);
    expect(rows.filter(rowHasErrors)).toEqual([]);
    expect(rows[0].rowNumber).toBe(2);
  });

  it("names each problem: ID check digit, birth date, duplicate, gender, grade, phone, missing cells, formulas", () => {
    const good = makeIdNumber("2019-05-06", 11);
    const badCheck = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const future = makeIdNumber("2027-05-06", 11);
    const result = validateRosterRows(
      [
        HEADER,
        ["张三", good, "男", "一年级", "1班", "13900000001"],
        ["李四", badCheck, "男", "一年级", "1班", ""],
        ["王五", future, "男", "一年级", "1班", ""],
        ["赵六", good, "男", "一年级", "1班", ""],
        ["钱七", makeIdNumber("2019-05-06", 12), "男", "一年级", "1班", "12345"],
        ["孙八", makeIdNumber("2019-05-06", 13), "男", "大学一年", "1班", ""],
        ["", "", "", "", "", ""].map((_, i) => (i === 3 ? "二年级" : "")),
        ["=HYPERLINK(\"http://x\")", makeIdNumber("2019-05-06", 15), "男", "一年级", "1班", ""],
        ["周九", "1.10101201505E+17", "男", "一年级", "1班", ""],
        ["吴十", makeIdNumber("2013-05-06", 17), "男", "一年级", "1班", ""],
      ],
      MAPPING,
      { today: TODAY },
    );
    expect(result.map((r) => r.problems.map((p) => p.code))).toEqual([
      [],
      ["id-check-digit"],
      ["id-birth-date"],
      ["duplicate-in-file"],
      ["gender-mismatch", "phone-format"],
      ["grade-unknown"],
      ["required", "required", "required"],
      ["formula"],
      ["id-as-number"],
      ["age-grade"],
    ]);
    expect(result[3].problems[0].otherRow).toBe(2);
    expect(rowHasErrors(result[9])).toBe(false);
    expect(result[0].pupil).toMatchObject({ idNumber: good, gender: "male", gradeLevel: 1, guardianPhone: "13900000001", birthDate: "2019-05-06" });
  });

  it("accepts a lower-case x and full-width digits in the ID number", () => {
    const id = makeIdNumber("2019-01-01", 3);
    const fullWidth = [...id].map((c) => (c === "X" ? "x" : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join("");
    expect(codes([["张三", fullWidth, "", "一年级", "1班", ""]])).toEqual([[]]);
  });
});
