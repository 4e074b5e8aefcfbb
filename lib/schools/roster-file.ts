import Papa from "papaparse";
import { unzipSync } from "fflate";
import { readSheet } from "read-excel-file/node";

/**
 * A roster file as a grid of text cells: `.xlsx` (read-excel-file) or `.csv` (papaparse; UTF-8 or
 * GBK, which Chinese Excel uses when it saves CSV). Everything a hostile or broken file can do is
 * answered with one `RosterFileError` code before anything is stored: the caller translates it.
 */

import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from "@/lib/schools/roster-limits";

export { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS };
/** Most columns read: a roster needs six; a sheet wider than this is not a roster. */
export const ROSTER_MAX_COLUMNS = 60;
/** Uncompressed size of one part of an `.xlsx` beyond which it is treated as a zip bomb. */
const XLSX_MAX_PART_BYTES = 60 * 1024 * 1024;

export type RosterFileError =
  | "too-large"
  | "wrong-type"
  | "old-xls"
  | "unreadable"
  | "empty"
  | "too-many-rows"
  | "too-many-columns"
  | "formulas"
  | "encoding"
  | "mixed-encoding";

export type RosterFileKind = "xlsx" | "csv";

export type RosterSheet = {
  kind: RosterFileKind;
  /** The encoding a CSV was decoded from. */
  encoding?: "utf-8" | "gbk";
  /** Every row as text cells, trimmed, ragged rows padded to the widest. Row 0 is the file's first row. */
  rows: string[][];
};

export type RosterFileResult = { ok: true; sheet: RosterSheet } | { ok: false; error: RosterFileError };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .doc (Compound File Binary)

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Which reader a file needs, judged by its bytes first (a renamed file is common) and its name second. */
export function detectRosterKind(bytes: Uint8Array, fileName: string): RosterFileKind | "old-xls" | "wrong-type" {
  if (startsWith(bytes, ZIP_MAGIC)) return "xlsx";
  if (startsWith(bytes, OLE_MAGIC)) return "old-xls";
  const name = fileName.toLowerCase();
  if (name.endsWith(".xls")) return "old-xls";
  // Text: no NUL bytes in the first 4 KB (binary formats such as PDF images and executables have them).
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return "wrong-type";
  if (name.endsWith(".csv") || name.endsWith(".txt") || !/\.[a-z0-9]+$/.test(name)) return "csv";
  return "wrong-type";
}

export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<RosterFileResult> {
  if (bytes.byteLength > ROSTER_MAX_BYTES) return { ok: false, error: "too-large" };
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  const kind = detectRosterKind(bytes, fileName);
  if (kind === "old-xls" || kind === "wrong-type") return { ok: false, error: kind };
  const result = kind === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  if (!result.ok) return result;
  const rows = result.sheet.rows.filter((row) => row.some((cell) => cell !== ""));
  if (rows.length === 0) return { ok: false, error: "empty" };
  return { ok: true, sheet: { ...result.sheet, rows: padRows(trimTrailingEmptyRows(result.sheet.rows)) } };
}

function trimTrailingEmptyRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((cell) => cell === "")) end--;
  return rows.slice(0, end);
}

function padRows(rows: string[][]): string[][] {
  const width = rows.reduce((max, row) => Math.max(max, lastFilled(row) + 1), 0);
  return rows.map((row) => (row.length === width ? row : Array.from({ length: width }, (_, i) => row[i] ?? "")));
}

function lastFilled(row: string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== "") return i;
  return -1;
}

/** One cell as the text a person sees: numbers kept exactly as stored (no float rounding), dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array): Promise<RosterFileResult> {
  // Look inside first: formulas (their values are only what the last editor cached, or nothing) and the
  // row count (a 100,000-row sheet is refused before it is parsed), and refuse zip bombs.
  let worksheets: Record<string, Uint8Array>;
  try {
    let tooBig = false;
    worksheets = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > XLSX_MAX_PART_BYTES) tooBig = true;
        return !tooBig && /^xl\/worksheets\/sheet\d+\.xml$/.test(file.name);
      },
    });
    if (tooBig) return { ok: false, error: "too-large" };
  } catch {
    return { ok: false, error: "unreadable" };
  }
  const first = Object.keys(worksheets).sort((a, b) => sheetNumber(a) - sheetNumber(b))[0];
  if (!first) return { ok: false, error: "unreadable" };
  const xml = new TextDecoder().decode(worksheets[first]);
  if (/<f[\s>/]/.test(xml)) return { ok: false, error: "formulas" };
  if (countOccurrences(xml, "<row") > ROSTER_MAX_ROWS + 50) return { ok: false, error: "too-many-rows" };

  let data: unknown[][];
  try {
    // parseNumber keeps a numeric cell's stored text, so a long number is not rounded by a float.
    data = (await readSheet(Buffer.from(bytes), 1, { parseNumber: (text: string) => text })) as unknown[][];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "XLS_FILE_NOT_SUPPORTED") return { ok: false, error: "old-xls" };
    if (code === "NO_DATA") return { ok: false, error: "empty" };
    return { ok: false, error: "unreadable" };
  }
  return gridResult({ kind: "xlsx", rows: data.map((row) => row.map(cellText)) });
}

function sheetNumber(name: string): number {
  return Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

function gridResult(sheet: RosterSheet): RosterFileResult {
  const dataRows = sheet.rows.length;
  if (dataRows > ROSTER_MAX_ROWS + 50) return { ok: false, error: "too-many-rows" };
  if (sheet.rows.some((row) => lastFilled(row) >= ROSTER_MAX_COLUMNS)) return { ok: false, error: "too-many-columns" };
  return { ok: true, sheet };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 (with or without BOM) or GBK. Decided line by line, so a file pasted together from two
 * sources (some lines UTF-8, some GBK) is refused rather than half turned into mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string; encoding: "utf-8" | "gbk" } | { ok: false; error: "encoding" | "mixed-encoding" } {
  if (startsWith(bytes, UTF8_BOM)) {
    try {
      return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3)), encoding: "utf-8" };
    } catch {
      return { ok: false, error: "mixed-encoding" };
    }
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8 throughout: either GBK throughout, or a mix.
  }
  let utf8Lines = 0;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    start = i + 1;
    if (line.every((b) => b < 0x80)) continue;
    try {
      utf8.decode(line);
      utf8Lines++;
    } catch {
      // a non-UTF-8 line
    }
  }
  if (utf8Lines > 0) return { ok: false, error: "mixed-encoding" };
  try {
    const text = new TextDecoder("gbk", { fatal: true }).decode(bytes);
    // ICU maps bytes GBK leaves unassigned (e.g. 0xFF) to the Private Use Area instead of failing.
    if (/[\uE000-\uF8FF]/.test(text)) return { ok: false, error: "encoding" };
    return { ok: true, text, encoding: "gbk" };
  } catch {
    return { ok: false, error: "encoding" };
  }
}

function readCsv(bytes: Uint8Array): RosterFileResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const parsed = Papa.parse<string[]>(decoded.text, {
    skipEmptyLines: false,
    // Stop reading past the limit instead of building a 100,000-row array.
    preview: ROSTER_MAX_ROWS + 51,
  });
  if (parsed.data.length === 0) return { ok: false, error: "empty" };
  return gridResult({ kind: "csv", encoding: decoded.encoding, rows: parsed.data.map((row) => row.map((cell) => cellText(cell))) });
}
