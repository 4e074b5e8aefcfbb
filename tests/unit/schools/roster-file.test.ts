import { describe, expect, it } from "vitest";
import { decodeCsvBytes, readRosterFile, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from "@/lib/schools/roster-file";
import { encodeGbk, HEADER, makePupilRows, toCsv, toXlsx } from "@/tests/unit/schools/fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("reading a roster file", () => {
  it("reads an .xlsx, keeping an 18-digit ID number typed as a number exactly as stored", async () => {
    const rows = [HEADER, ...makePupilRows(3)];
    const bytes = await toXlsx([...rows, ["赵六", 110101201501010000 as unknown as string, "男", "一年级", "1班", ""]]);
    const result = await readRosterFile(bytes, "花名册.xlsx");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheet.kind).toBe("xlsx");
    expect(result.sheet.rows.slice(0, 4)).toEqual(rows);
    expect(result.sheet.rows[4][1]).toMatch(/^1\.10101201501\d*E\+17$|^110101201501010000$/i);
  });

  it("reads a UTF-8 CSV with and without BOM, and a GBK CSV as Chinese Excel saves it", async () => {
    const rows = [HEADER, ...makePupilRows(5)];
    const text = toCsv(rows);
    for (const bytes of [utf8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), encodeGbk(text)]) {
      const result = await readRosterFile(bytes, "roster.csv");
      expect(result.ok && result.sheet.rows).toEqual(rows);
    }
    const gbk = await readRosterFile(encodeGbk(text), "roster.csv");
    expect(gbk.ok && gbk.sheet.encoding).toBe("gbk");
  });

  it("refuses a file mixing UTF-8 and GBK lines instead of turning half of it into mojibake", () => {
    const bytes = new Uint8Array([...utf8("姓名,班级\r\n张三,1班\r\n"), ...encodeGbk("李四,2班\r\n")]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: false, error: "mixed-encoding" });
  });

  it.each([
    ["a PDF renamed", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), "roster.xlsx", "wrong-type"],
    ["a picture", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), "roster.png", "wrong-type"],
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "roster.xls", "old-xls"],
    ["a broken zip", utf8("PK\u0003\u0004 not really a zip"), "roster.xlsx", "unreadable"],
    ["an empty file", new Uint8Array(), "roster.csv", "empty"],
    ["a CSV of blank lines", utf8("\r\n,,\r\n\r\n"), "roster.csv", "empty"],
    ["text in neither UTF-8 nor GBK", new Uint8Array([0x41, 0xff, 0xff, 0x0a]), "roster.csv", "encoding"],
    ["a cut-off GBK character", new Uint8Array([0x41, 0x81, 0x20, 0x0a]), "roster.csv", "encoding"],
  ])("refuses %s with a reason (%s → %s)", async (_label, bytes, name, error) => {
    expect(await readRosterFile(bytes, name)).toEqual({ ok: false, error });
  });

  it("refuses a 50 MB upload before reading it", async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024);
    expect(ROSTER_MAX_BYTES).toBeLessThan(bytes.byteLength);
    expect(await readRosterFile(bytes, "big.csv")).toEqual({ ok: false, error: "too-large" });
  });

  it("refuses an empty sheet", async () => {
    expect(await readRosterFile(await toXlsx([[]]), "empty.xlsx")).toEqual({ ok: false, error: "empty" });
  });

  it("refuses a sheet with formulas: their values are whatever the last program cached, or nothing", async () => {
    const bytes = await toXlsx([HEADER, ["张三", { type: "Formula", value: 'CONCAT("2101","02")' }, "男", "一年级", "1班", ""]]);
    expect(await readRosterFile(bytes, "f.xlsx")).toEqual({ ok: false, error: "formulas" });
  });

  it("refuses 100,000 rows, in .xlsx and in CSV, without parsing them all", async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => [`学生${i}`, "1班"]);
    expect(ROSTER_MAX_ROWS).toBeLessThan(many.length);
    expect(await readRosterFile(utf8(toCsv([["姓名", "班级"], ...many])), "many.csv")).toEqual({ ok: false, error: "too-many-rows" });
    expect(await readRosterFile(await toXlsx([["姓名", "班级"], ...many]), "many.xlsx")).toEqual({ ok: false, error: "too-many-rows" });
  }, 60_000);
});
