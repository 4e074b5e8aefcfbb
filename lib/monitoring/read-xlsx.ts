import { SeenKeys } from "@/lib/monitoring/seen-keys";
import type { Readable } from "node:stream";
import { readSheet } from "read-excel-file/node";
import { D } from "@/lib/policy/money";
import type { FileProblem, ReadReport } from "@/lib/monitoring/read-csv";
import {
  columnIndexes,
  isRowError,
  readSettlementRecord,
  type ColumnMapping,
  type Period,
  type RowErrorCode,
  type SettlementRow,
} from "@/lib/monitoring/settlement";

/**
 * Reads a settlement extract saved as .xlsx (first sheet). Spreadsheet libraries hold the whole
 * workbook in memory, so this door takes files up to MAX_XLSX_ROWS rows; bigger extracts come as
 * CSV (streamed). Numbers are read as the text stored in the file (read-excel-file's
 * `parseNumber`), never through a float, except that a binary-float artefact such as
 * "1234.5599999999999" is taken as the 2-decimal amount it stands for.
 */

export const MAX_XLSX_ROWS = 100_000;
/** A workbook over this size is refused before it is opened (100,000 rows of 13 columns fit well below). */
export const MAX_XLSX_BYTES = 40 * 1024 * 1024;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  }
  if (typeof v === "string") {
    // A numeric cell's stored text; tidy float artefacts of 2-decimal amounts.
    if (/^\d+\.\d{3,}$/.test(v)) {
      const d = new D(v);
      const r = d.toDecimalPlaces(2);
      if (r.minus(d).abs().lt("0.000001")) return r.toFixed(2);
    }
    return v;
  }
  return String(v);
}

/** A workbook's first sheet as text cells (a registry file's rows); a file problem when it cannot be read or is too big. */
export async function readXlsxRows(input: Buffer): Promise<{ rows: string[][] } | { problem: FileProblem }> {
  if (input.length > MAX_XLSX_BYTES) return { problem: { code: "too-many-rows", limit: MAX_XLSX_ROWS } };
  let rows: unknown[][];
  try {
    rows = (await readSheet(input, { parseNumber: (s: string) => s })) as unknown[][];
  } catch {
    return { problem: { code: "malformed", line: 0 } };
  }
  if (rows.length - 1 > MAX_XLSX_ROWS) return { problem: { code: "too-many-rows", limit: MAX_XLSX_ROWS } };
  return { rows: rows.map((r) => r.map(cellText)).filter((r) => r.some((c) => c.trim() !== "")) };
}

export async function readSettlementXlsx(
  input: Buffer | Readable | string,
  options: { mapping: ColumnMapping; period: Period; maxErrors?: number },
  onRow: (row: SettlementRow) => void,
): Promise<ReadReport> {
  const maxErrors = options.maxErrors ?? 1000;
  const report: ReadReport = { lines: 0, accepted: 0, errorCounts: {}, errors: [], rejected: 0, encoding: "utf-8" };
  const done = (problem: FileProblem) => ({ ...report, problem });
  if (Buffer.isBuffer(input) && input.length > MAX_XLSX_BYTES) return done({ code: "too-many-rows", limit: MAX_XLSX_ROWS });
  let rows: unknown[][];
  try {
    rows = (await readSheet(input, { parseNumber: (s: string) => s })) as unknown[][];
  } catch {
    return done({ code: "malformed", line: 0 });
  }
  if (rows.length === 0) return done({ code: "empty" });
  if (rows.length - 1 > MAX_XLSX_ROWS) return done({ code: "too-many-rows", limit: MAX_XLSX_ROWS });
  const found = columnIndexes(rows[0].map(cellText), options.mapping);
  if (found.missing.length) return done({ code: "header", missing: found.missing });
  const seen = new SeenKeys();
  const reject = (line: number, code: RowErrorCode, field?: string) => {
    report.rejected++;
    report.errorCounts[code] = (report.errorCounts[code] ?? 0) + 1;
    if (report.errors.length < maxErrors) report.errors.push(field ? { line, code, field: field as never } : { line, code });
  };
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i].map(cellText);
    if (cells.every((c) => c.trim() === "")) continue;
    report.lines++;
    const line = i + 1;
    const r = readSettlementRecord(cells, found.indexes, options.period);
    if (isRowError(r)) {
      reject(line, r.code, r.field);
      continue;
    }
    if (!seen.addNew(r.settlementId)) {
      reject(line, "duplicate", "settlementId");
      continue;
    }
    report.accepted++;
    onRow(r);
  }
  return report;
}
