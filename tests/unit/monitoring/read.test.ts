import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { fakeIdNumber } from "@/lib/monitoring/generate";
import { fenString, parseFen } from "@/lib/monitoring/fen";
import { readSettlementCsv, type ReadReport } from "@/lib/monitoring/read-csv";
import { MAX_XLSX_ROWS, readSettlementXlsx } from "@/lib/monitoring/read-xlsx";
import { DEFAULT_COLUMNS, normaliseIdNumber, parseSettlementDate, SETTLEMENT_FIELDS, type SettlementRow } from "@/lib/monitoring/settlement";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";

const period = { from: "2025-01-01", to: "2025-12-31" };
const HEADER = SETTLEMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f]).join(",");
const id1 = fakeIdNumber(1);
const id2 = fakeIdNumber(2);

/** Bytes in small pieces, so records and multi-byte characters straddle chunk boundaries. */
function chunked(bytes: Buffer, size = 7): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

async function read(text: string | Buffer, opts: { encoding?: "utf-8" | "gbk" | "auto" } = {}): Promise<{ report: ReadReport; rows: SettlementRow[] }> {
  const rows: SettlementRow[] = [];
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const report = await readSettlementCsv(chunked(bytes), { mapping: DEFAULT_COLUMNS, period, encoding: opts.encoding }, (r) => rows.push(r));
  return { report, rows };
}

const line = (sid: string, id: string, extra = "居民,2025-03-02,富阳区中医院,县级,本地,1000.00,900.00,500.00,0,0,500.00") => `${sid},${id},${extra}`;

describe("amounts are read exactly, in whole fen", () => {
  it.each([
    ["0", 0],
    ["12", 1200],
    ["12.5", 1250],
    ["12.05", 1205],
    ["1,234.56", 123456],
    [" 7.00 ", 700],
  ])("%s → %d fen", (text, fen) => expect(parseFen(text)).toBe(fen));
  it.each(["", "-1", "1.234", "1e3", "abc", ".5", "5.", "100000001.00"])("%s is not an amount", (text) => expect(parseFen(text)).toBeNull());
  it("and back", () => expect(fenString(123405)).toBe("1234.05"));
});

describe("dates and ID numbers in the spellings extracts use", () => {
  it.each([
    ["2025-03-07", "2025-03-07"],
    ["2025/3/7", "2025-03-07"],
    ["20250307", "2025-03-07"],
    ["2025-03-07 10:22:01", "2025-03-07"],
    ["2025-02-29", null],
    ["2024-02-29", "2024-02-29"],
    ["07/03/2025", null],
  ])("%s → %s", (text, iso) => expect(parseSettlementDate(text)).toBe(iso));

  it("the fast ID check agrees with lib/identity on generated numbers", () => {
    for (let i = 0; i < 2000; i += 7) {
      const id = fakeIdNumber(i * 977);
      expect(id[17]).toBe(idNumberCheckCharacter(id.slice(0, 17)));
      expect(normaliseIdNumber(id)).toBe(id);
      const wrong = id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
      expect(normaliseIdNumber(wrong)).toBeNull();
    }
    expect(normaliseIdNumber(" " + id1.toLowerCase() + " ")).toBe(id1);
  });
});

describe("reading a settlement extract as a stream", () => {
  it("reads good rows, in UTF-8 with a BOM, across tiny chunks", async () => {
    const { report, rows } = await read("\uFEFF" + [HEADER, line("A1", id1), line("A2", id2, "职工,2025-04-01,医院,市级,异地,2000,1500,1000,0,0,1000")].join("\r\n") + "\r\n");
    expect(report.problem).toBeUndefined();
    expect(report).toMatchObject({ lines: 2, accepted: 2, rejected: 0, encoding: "utf-8" });
    expect(rows[1]).toMatchObject({ idNumber: id2, scheme: "employee", date: "2025-04-01", inRegion: false, total: 200000, personalCash: 100000 });
  });

  it("reads GBK (Chinese Excel's CSV), found automatically, with quoted amounts and other date spellings", async () => {
    const bytes = readFileSync(path.join(__dirname, "fixtures", "settlements-gbk.csv"));
    const { report, rows } = await read(bytes);
    expect(report.encoding).toBe("gbk");
    expect(report.accepted).toBe(3);
    expect(rows.map((r) => r.scheme)).toEqual(["resident", "employee", "retiree"]);
    expect(rows[1]).toMatchObject({ total: 200050, date: "2025-03-05", facility: "浙江大学医学院附属第一医院" });
    expect(rows[2].date).toBe("2025-03-10");
  });

  it("a GBK file declared as UTF-8 is refused whole: wrong encoding", async () => {
    const bytes = readFileSync(path.join(__dirname, "fixtures", "settlements-gbk.csv"));
    const { report } = await read(bytes, { encoding: "utf-8" });
    expect(report.problem).toEqual({ code: "encoding", encoding: "utf-8" });
  });

  it("reports each bad row with its line and reason, and keeps the good ones", async () => {
    const badId = id1.slice(0, 17) + (id1[17] === "0" ? "1" : "0");
    const text = [
      HEADER,
      line("B1", id1), // 2: good
      line("B2", badId), // 3: id-number
      line("B3", id2, "居民,2025-13-01,医院,县级,本地,1,1,0,0,0,1"), // 4: date
      line("B4", id2, "居民,2024-12-31,医院,县级,本地,1,1,0,0,0,1"), // 5: outside the period
      line("B5", id2, "居民,2025-02-01,医院,县级,本地,1O0,1,0,0,0,1"), // 6: amount
      line("B6", id2, "居民,2025-02-01,医院,县级,本地,100,100,80,0,0,50"), // 7: inconsistent (80 + 50 > 100)
      line("B1", id2), // 8: duplicate settlement
      line("B8", id2, "新农合,2025-02-01,医院,县级,本地,1,1,0,0,0,1"), // 9: scheme
      "",
      line("B9", id2), // 11: good
    ].join("\n");
    const { report, rows } = await read(text);
    expect(report.problem).toBeUndefined();
    expect(rows.map((r) => r.settlementId)).toEqual(["B1", "B9"]);
    expect(report.errors).toEqual([
      { line: 3, code: "id-number", field: "idNumber" },
      { line: 4, code: "date", field: "date" },
      { line: 5, code: "outside-period", field: "date" },
      { line: 6, code: "amount", field: "total" },
      { line: 7, code: "inconsistent", field: "personalCash" },
      { line: 8, code: "duplicate", field: "settlementId" },
      { line: 9, code: "scheme", field: "scheme" },
    ]);
    expect(report.errorCounts).toMatchObject({ "id-number": 1, duplicate: 1 });
    expect(report).toMatchObject({ lines: 9, accepted: 2, rejected: 7 });
  });

  it("spellings of the scheme and of 就医地 are read trimmed; a blank 就医地 is in the region; the period's last day is in it", async () => {
    const text = [
      HEADER,
      line("C1", id1, " 城乡居民 ,2025-03-02,医院,县级, 异地 ,10,10,0,0,0,10"),
      line("C2", id1, "企退,2025-12-31,医院,县级,   ,10,10,0,0,0,10"),
      line("C3", id1, "职工,2025-01-01,医院,县级,N,10,10,0,0,0,10"),
      line("C4", id1, "职工,2025-01-01,医院,县级,外省,10,10,0,0,0,10"),
      line("C5", id1, "职工 医保,2025-01-01,医院,县级,本地,10,10,0,0,0,10"),
      line("C6", id1, "职工,2026-01-01,医院,县级,本地,10,10,0,0,0,10"),
    ].join("\n");
    const { report, rows } = await read(text);
    expect(rows.map((r) => [r.settlementId, r.scheme, r.inRegion])).toEqual([
      ["C1", "resident", false],
      ["C2", "retiree", true],
      ["C3", "employee", false],
    ]);
    expect(report.errors).toEqual([
      { line: 5, code: "columns", field: "inRegion" },
      { line: 6, code: "scheme", field: "scheme" },
      { line: 7, code: "outside-period", field: "date" },
    ]);
  });

  it("a file without the mapped columns is refused whole, naming them", async () => {
    const { report, rows } = await read("姓名,金额\n张三,100\n");
    expect(report.problem).toMatchObject({ code: "header" });
    expect((report.problem as { missing: string[] }).missing).toContain("身份证号码");
    expect(rows).toEqual([]);
  });

  it("a saved column mapping reads another area's headers", async () => {
    const mapping = { ...DEFAULT_COLUMNS, idNumber: "证件号码", personalCash: "现金支付" };
    const header = SETTLEMENT_FIELDS.map((f) => mapping[f]).join(",");
    const rows: SettlementRow[] = [];
    const report = await readSettlementCsv(Readable.from([Buffer.from(`${header}\n${line("C1", id1)}\n`)]), { mapping, period }, (r) => rows.push(r));
    expect(report.accepted).toBe(1);
  });

  it("an empty file is a problem, not a crash", async () => {
    expect((await read("")).report.problem).toEqual({ code: "empty" });
  });

  it("an unclosed quote is a malformed file or a bad row, never a crash", async () => {
    const { report } = await read(`${HEADER}\nD1,"${id1},居民,2025-03-02,x,y,本地,1,1,0,0,0,1\n`);
    expect(report.accepted).toBe(0);
  });
});

describe("reading an .xlsx extract", () => {
  async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
    const data = rows.map((r) => r.map((v) => (v === null ? null : { value: v, ...(v instanceof Date ? { format: "yyyy-mm-dd" } : {}) })));
    return await writeXlsxFile(data as never).toBuffer();
  }

  it("reads the first sheet with numbers as stored and date cells", async () => {
    const header = SETTLEMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f]);
    const buf = await workbook([
      header,
      ["X1", id1, "居民", new Date(Date.UTC(2025, 2, 2)), "医院", "县级", "本地", 1234.56, 1000, 500, 0, 0, 734.56],
      ["X2", id2, "职工", "2025-05-01", "医院", "县级", "本地", 0.3, 0.1, 0, 0, 0, 0.3],
      ["X3", "not an id", "职工", "2025-05-01", "医院", "县级", "本地", 1, 1, 0, 0, 0, 1],
    ]);
    const rows: SettlementRow[] = [];
    const report = await readSettlementXlsx(buf, { mapping: DEFAULT_COLUMNS, period }, (r) => rows.push(r));
    expect(report.problem).toBeUndefined();
    expect(rows[0]).toMatchObject({ date: "2025-03-02", total: 123456, personalCash: 73456 });
    expect(rows[1]).toMatchObject({ total: 30, personalCash: 30 });
    expect(report.errors).toEqual([{ line: 4, code: "id-number", field: "idNumber" }]);
  });

  it("a file that is not a workbook is refused whole", async () => {
    const report = await readSettlementXlsx(Buffer.from("not a zip"), { mapping: DEFAULT_COLUMNS, period }, () => {});
    expect(report.problem).toMatchObject({ code: "malformed" });
    expect(MAX_XLSX_ROWS).toBe(100_000);
  });
});
