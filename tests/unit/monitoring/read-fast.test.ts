import { Readable } from "node:stream";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fakeIdNumber, generatePopulation, prng, settlementCsv } from "@/lib/monitoring/generate";
import { readSettlementCsv, type ReadReport } from "@/lib/monitoring/read-csv";
import { columnIndexes, DEFAULT_COLUMNS, isRowError, readSettlementRecord, type RowError, type SettlementRow } from "@/lib/monitoring/settlement";

/**
 * The streamed reader (fast path for unquoted lines, papaparse for quoted records, ranges instead
 * of strings per field) gives exactly what the plain reference gives: papaparse over the whole
 * text, each record checked by readSettlementRecord, duplicates by a Set.
 */

const period = { from: "2025-01-01", to: "2025-12-31" };

function reference(text: string): { rows: SettlementRow[]; errors: RowError[] } {
  const records = Papa.parse<string[]>(text, { delimiter: ",", newline: "\n" }).data;
  const rows: SettlementRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  let indexes: Int32Array | null = null;
  records.forEach((cells, i) => {
    if (cells.length === 1 && cells[0].trim() === "") return;
    if (!indexes) return void (indexes = columnIndexes(cells, DEFAULT_COLUMNS).indexes);
    const r = readSettlementRecord(cells, indexes, period);
    const line = i + 1;
    if (isRowError(r)) errors.push(r.field ? { line, code: r.code, field: r.field } : { line, code: r.code });
    else if (seen.has(r.settlementId)) errors.push({ line, code: "duplicate", field: "settlementId" });
    else {
      seen.add(r.settlementId);
      rows.push(r);
    }
  });
  return { rows, errors };
}

async function streamed(bytes: Buffer, pieces: number[], encoding: "utf-8" | "gbk" | "auto" = "auto"): Promise<{ rows: SettlementRow[]; report: ReadReport }> {
  const parts: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; at += pieces[k++ % pieces.length]) parts.push(bytes.subarray(at, at + pieces[k % pieces.length]));
  const rows: SettlementRow[] = [];
  const report = await readSettlementCsv(Readable.from(parts), { mapping: DEFAULT_COLUMNS, period, encoding }, (r) => rows.push(r));
  return { rows, report };
}

/** A generated extract with bad rows, duplicates, blank lines and quoted fields mixed in (no line breaks inside quotes, so papaparse's record i is line i + 1). */
function messyExtract(seed: number, rows: number): string {
  const pop = generatePopulation(seed, { people: 400, registryHouseholds: 25, year: 2025 });
  const lines = [...settlementCsv(pop, { rows, year: 2025, seed })].join("").split("\n");
  const rand = prng(seed * 7);
  return lines
    .map((line, i) => {
      if (i === 0 || line === "") return line;
      const c = line.split(",");
      const x = rand();
      if (x < 0.03) c[1] = c[1].slice(0, 17) + (c[1][17] === "0" ? "1" : "0"); // check digit
      else if (x < 0.05) c[0] = lines[Math.max(1, i - 3)].split(",")[0]; // duplicate settlement
      else if (x < 0.06) c[3] = "2024-12-31"; // outside the period
      else if (x < 0.07) c[7] = "12.345"; // amount
      else if (x < 0.08) c[12] = String(Number(c[7]) + 1); // personal cash over the total
      else if (x < 0.09) c[2] = "新农合"; // scheme
      else if (x < 0.1) c[3] = "2025/3/7"; // another date spelling
      else if (x < 0.11) c[1] = ` ${c[1].toLowerCase()} `; // spaces around the ID
      else if (x < 0.13) c[7] = `"${Number(c[7]).toLocaleString("en", { minimumFractionDigits: 2 })}"`;
      else if (x < 0.14) return c.map((v) => `"${v}"`).join(",");
      else if (x < 0.15) return "";
      else if (x < 0.16) return c.slice(0, 5).join(","); // too few columns
      return c.join(",");
    })
    .join("\n");
}

/** GBK bytes for the text (the characters of generated extracts), from Node's own GBK decoder run backwards. */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const td = new TextDecoder("gbk");
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(td.decode(Uint8Array.of(a, b)), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

describe("the streamed settlement reader against the reference reading", () => {
  it.each([1, 2, 3])("generated extract %i with bad rows and quoted fields: the same rows and the same errors, chunked any way", async (seed) => {
    const text = messyExtract(seed, 1500);
    const expected = reference(text);
    expect(expected.errors.length).toBeGreaterThan(50);
    expect(expected.rows.length).toBeGreaterThan(1000);
    for (const pieces of [[1 << 20], [7, 3, 101], [32 * 1024 + 5]]) {
      const { rows, report } = await streamed(Buffer.from(text, "utf8"), pieces);
      expect(report.problem).toBeUndefined();
      expect(rows).toEqual(expected.rows);
      expect(report.errors).toEqual(expected.errors);
      expect(report.accepted).toBe(expected.rows.length);
      expect(report.rejected).toBe(expected.errors.length);
    }
  });

  it("the same extract in GBK (found automatically) reads the same as in UTF-8", async () => {
    const text = messyExtract(4, 800);
    const utf8 = await streamed(Buffer.from(text, "utf8"), [4096]);
    const inGbk = await streamed(gbk(text), [5, 999]);
    expect(inGbk.report.encoding).toBe("gbk");
    expect(inGbk.rows).toEqual(utf8.rows);
    expect(inGbk.report.errors).toEqual(utf8.report.errors);
    expect(inGbk.rows.length).toBeGreaterThan(500);
  });

  it("CRLF line endings read the same as LF", async () => {
    const text = messyExtract(5, 500);
    const lf = await streamed(Buffer.from(text, "utf8"), [4096]);
    const crlf = await streamed(Buffer.from(text.split("\n").join("\r\n"), "utf8"), [333]);
    expect(crlf.rows).toEqual(lf.rows);
    expect(crlf.report.errors).toEqual(lf.report.errors);
  });

  it("a quoted field with a line break is one record; the rows after it keep their physical line numbers", async () => {
    const id = fakeIdNumber(3);
    const head = Object.values(DEFAULT_COLUMNS).join(",");
    const text = [head, `Q1,${id},居民,2025-03-02,"富阳区中医院\n住院部",县级,本地,100,90,50,0,0,50`, `Q2,${id},居民,2025-13-02,医院,县级,本地,1,1,0,0,0,1`].join("\n");
    const { rows, report } = await streamed(Buffer.from(text, "utf8"), [9]);
    expect(rows.map((r) => [r.settlementId, r.facility])).toEqual([["Q1", "富阳区中医院\n住院部"]]);
    expect(report.errors).toEqual([{ line: 4, code: "date", field: "date" }]);
  });

  it("a header-only file has no rows and no problem; bytes that are neither UTF-8 nor GBK are an encoding problem", async () => {
    const head = Buffer.from(Object.values(DEFAULT_COLUMNS).join(",") + "\n", "utf8");
    const headerOnly = (await streamed(head, [3])).report;
    expect(headerOnly).toMatchObject({ lines: 0, accepted: 0 });
    expect(headerOnly.problem).toBeUndefined();
    const bad = Buffer.concat([head, Buffer.from([0x41, 0xff, 0xff, 0x0a])]);
    expect((await streamed(bad, [64], "utf-8")).report.problem).toEqual({ code: "encoding", encoding: "utf-8" });
  });
});

describe("errors of the caller are not problems of the file", () => {
  it("an error thrown by onRow rejects the read instead of reporting a malformed file", async () => {
    const head = Object.values(DEFAULT_COLUMNS).join(",");
    const text = `${head}\nE1,${fakeIdNumber(1)},居民,2025-03-02,医院,县级,本地,100,90,50,0,0,50\n`;
    const read = readSettlementCsv(Readable.from([Buffer.from(text)]), { mapping: DEFAULT_COLUMNS, period }, () => {
      throw new Error("ledger full");
    });
    await expect(read).rejects.toThrow("ledger full");
  });
});
