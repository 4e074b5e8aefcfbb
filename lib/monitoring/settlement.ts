import { z } from "zod";
import { parseFen } from "@/lib/monitoring/fen";
import { validateIdNumber } from "@/lib/identity/id-number";
import { KeyIndex } from "@/lib/monitoring/key-index";
import type { MonitoringScheme } from "@/lib/policy/monitoring-rules";

/**
 * One 医保 结算明细 row, as the batch reads it, and the rules that turn a line of a settlement
 * extract into it: the column mapping (saved per area), value spellings seen in extracts, and the
 * per-row error codes the import report lists.
 */

export interface SettlementRow {
  /** 结算流水号: unique per settlement; a repeated one is a duplicate row. */
  settlementId: string;
  /** Normalised 18-character ID number (upper-case X). In memory only: stored as a keyed hash. */
  idNumber: string;
  scheme: MonitoringScheme;
  /** ISO date of the settlement. */
  date: string;
  facility: string;
  level: string;
  inRegion: boolean;
  /** Whole fen. */
  total: number;
  policyScope: number;
  basic: number;
  critical: number;
  assistance: number;
  personalCash: number;
}

/** The fields of an extract, in the order of the default file layout. */
export const SETTLEMENT_FIELDS = [
  "settlementId",
  "idNumber",
  "scheme",
  "date",
  "facility",
  "level",
  "inRegion",
  "total",
  "policyScope",
  "basic",
  "critical",
  "assistance",
  "personalCash",
] as const;
export type SettlementField = (typeof SETTLEMENT_FIELDS)[number];

/** Fields a file may leave out (their amounts count as 0, their texts as empty). */
export const OPTIONAL_FIELDS: ReadonlySet<SettlementField> = new Set(["facility", "level", "inRegion", "policyScope", "basic", "critical", "assistance"]);

/** The header names of the default layout (a 医保 extract as exported by the 浙江 智慧医保 system, as we assume it). */
export const DEFAULT_COLUMNS: Record<SettlementField, string> = {
  settlementId: "结算流水号",
  idNumber: "身份证号码",
  scheme: "险种类型",
  date: "结算日期",
  facility: "医疗机构名称",
  level: "医疗机构等级",
  inRegion: "就医地",
  total: "医疗总费用",
  policyScope: "政策范围内费用",
  basic: "基本医保支付",
  critical: "大病保险支付",
  assistance: "医疗救助支付",
  personalCash: "个人现金支付",
};

const header = z.string().trim().min(1).max(60);
/** A column mapping: for each field, the header text in this area's files. */
export const columnMappingSchema = z.strictObject(
  Object.fromEntries(SETTLEMENT_FIELDS.map((f) => [f, OPTIONAL_FIELDS.has(f) ? header.optional() : header])) as {
    [K in SettlementField]: typeof header | z.ZodOptional<typeof header>;
  },
);
export type ColumnMapping = Partial<Record<SettlementField, string>>;

const SCHEME_SPELLING_LIST: Record<string, MonitoringScheme> = {
  居民: "resident",
  城乡居民: "resident",
  城乡居民医保: "resident",
  居民医保: "resident",
  resident: "resident",
  职工: "employee",
  在职: "employee",
  职工医保: "employee",
  employee: "employee",
  企退: "retiree",
  退休: "retiree",
  企业退休: "retiree",
  retiree: "retiree",
};

/** Spellings of the insurance scheme seen in extracts (a Map: faster than an object for CJK keys). */
export const SCHEME_SPELLINGS: ReadonlyMap<string, MonitoringScheme> = new Map(Object.entries(SCHEME_SPELLING_LIST));

const IN_REGION: ReadonlyMap<string, boolean> = new Map(Object.entries({ 本地: true, 区内: true, 市内: true, 是: true, "1": true, Y: true, 异地: false, 区外: false, 否: false, "0": false, N: false }));

/** A few spellings looked up straight from a field's range (no string cut per row), trimmed. */
class Spellings<T> {
  private readonly index = new KeyIndex(16);
  private readonly values: T[] = [];
  constructor(map: ReadonlyMap<string, T>) {
    for (const [spelling, value] of map) {
      this.index.add(spelling);
      this.values.push(value);
    }
  }
  /** The value of text[from, to) once trimmed, or undefined. */
  at(text: string, from: number, to: number): T | undefined {
    const i = from < to && text.charCodeAt(from) > 32 && text.charCodeAt(to - 1) > 32 ? this.index.find(text, from, to) : this.index.find(text.slice(from, to).trim());
    return i < 0 ? undefined : this.values[i];
  }
}

const SCHEME_AT = new Spellings(SCHEME_SPELLINGS);
const IN_REGION_AT = new Spellings(IN_REGION);

export const ROW_ERROR_CODES = [
  "columns",
  "settlement-id",
  "id-number",
  "scheme",
  "date",
  "outside-period",
  "amount",
  "inconsistent",
  "duplicate",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  /** 1-based line in the file (the header is line 1), or the spreadsheet row. */
  line: number;
  code: RowErrorCode;
  field?: SettlementField;
}

export interface Period {
  /** ISO dates, inclusive. */
  from: string;
  to: string;
}

/** Positions of the mapped fields in a header row; throws the missing header names. */
export function columnIndexes(headerRow: readonly string[], mapping: ColumnMapping): { indexes: Int32Array; missing: string[] } {
  const clean = headerRow.map((h) => h.replace(/^\uFEFF/, "").trim());
  const indexes = new Int32Array(SETTLEMENT_FIELDS.length).fill(-1);
  const missing: string[] = [];
  SETTLEMENT_FIELDS.forEach((f, i) => {
    const name = mapping[f];
    if (!name) {
      if (!OPTIONAL_FIELDS.has(f)) missing.push(DEFAULT_COLUMNS[f]);
      return;
    }
    const at = clean.indexOf(name);
    if (at < 0 && !OPTIONAL_FIELDS.has(f)) missing.push(name);
    indexes[i] = at;
  });
  return { indexes, missing };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "2025-03-07", "2025/3/7", "20250307", "2025-03-07 10:21:00" → "2025-03-07"; null when not a real date. `from`/`to`: a range of `text` (a field of a line). */
export function parseSettlementDate(text: string, from = 0, to = text.length): string | null {
  // The usual spelling, read in place: "2025-03-07".
  if (to - from === 10 && text.charCodeAt(from + 4) === 45 && text.charCodeAt(from + 7) === 45) {
    const y = num(text, from, from + 4);
    const m = num(text, from + 5, from + 7);
    const d = num(text, from + 8, from + 10);
    if (isRealDate(y, m, d)) return text.slice(from, to);
    // else the spellings below ("2025-03-7 ", …) decide
  }
  const s = tidy(from === 0 && to === text.length ? text : text.slice(from, to));
  let y: number, m: number, d: number;
  if (s.length >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && (s.length === 10 || s.charCodeAt(10) === 32 || s.charCodeAt(10) === 84)) {
    y = num(s, 0, 4);
    m = num(s, 5, 7);
    d = num(s, 8, 10);
  } else if (/^\d{8}$/.test(s)) {
    y = num(s, 0, 4);
    m = num(s, 4, 6);
    d = num(s, 6, 8);
  } else {
    const match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T].*)?$/.exec(s);
    if (!match) return null;
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  }
  if (!isRealDate(y, m, d)) return null;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) return s; // already ISO: no new string
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1])) return false;
  return !(m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

function num(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

const CHECK_CHARS = "10X98765432";
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The normalised ID number, or null. The common case (18 ASCII characters) is checked inline
 * (characters and GB 11643 check digit, the same algorithm as lib/identity's
 * idNumberCheckCharacter); anything else goes through validateIdNumber (full-width digits,
 * spaces, lower-case x, and the region and birth-date checks). `from`/`to`: a range of `text`.
 */
export function normaliseIdNumber(text: string, from = 0, to = text.length): string | null {
  if (to - from === 18) {
    let sum = 0;
    let ok = true;
    for (let i = 0; i < 17; i++) {
      const c = text.charCodeAt(from + i) - 48;
      if (c < 0 || c > 9) {
        ok = false;
        break;
      }
      sum += c * WEIGHTS[i];
    }
    if (ok) {
      const last = text.charCodeAt(from + 17);
      if (last === CHECK_CHARS.charCodeAt(sum % 11)) return from === 0 && to === text.length ? text : text.slice(from, to);
      if (last !== 120 /* x */) return null;
    }
  }
  const r = validateIdNumber(from === 0 && to === text.length ? text : text.slice(from, to));
  return r.ok ? r.value : null;
}

/**
 * A record's fields as ranges of one text: field k is text[start[k], end[k]) for k < count. The
 * CSV reader hands lines over this way (no string per field); other readers use `fieldRanges`.
 */
export interface FieldRanges {
  text: string;
  start: Int32Array;
  end: Int32Array;
  count: number;
}

/** Cells (a spreadsheet row, a record papaparse read) as field ranges. */
export function fieldRanges(cells: readonly string[]): FieldRanges {
  const start = new Int32Array(cells.length);
  const end = new Int32Array(cells.length);
  let at = 0;
  for (let k = 0; k < cells.length; k++) {
    start[k] = at;
    at += cells[k].length;
    end[k] = at;
    at++; // the separator below
  }
  return { text: cells.join(","), start, end, count: cells.length };
}

/** The ranges' fields as strings (a header row). */
export function cellsOf(f: FieldRanges): string[] {
  const out: string[] = [];
  for (let k = 0; k < f.count; k++) out.push(f.text.slice(f.start[k], f.end[k]));
  return out;
}

/**
 * Turns one record's fields (already split by the CSV or spreadsheet reader) into a row, or the
 * first problem found. `cells` is indexed through `indexes` (columnIndexes).
 */
export function readSettlementRecord(cells: readonly string[], indexes: Int32Array, period: Period): SettlementRow | { code: RowErrorCode; field?: SettlementField } {
  return readSettlementFields(fieldRanges(cells), indexes, period);
}

/** readSettlementRecord over field ranges: the checks, in one place for every reader. */
export function readSettlementFields(f: FieldRanges, indexes: Int32Array, period: Period): SettlementRow | { code: RowErrorCode; field?: SettlementField } {
  // Hot path (a million rows): plain loops, no closures, amounts and the usual date read in place.
  if (f.count < 2) return { code: "columns" };
  const { text, start, end } = f;
  const settlementId = fieldText(f, indexes, 0);
  if (!settlementId || settlementId.length > 64) return { code: "settlement-id", field: "settlementId" };
  let k = fieldAt(f, indexes, 1);
  let idNumber: string | null = null;
  if (k >= 0) {
    const a = start[k];
    const b = end[k];
    idNumber = b > a && text.charCodeAt(a) > 32 && text.charCodeAt(b - 1) > 32 ? normaliseIdNumber(text, a, b) : normaliseIdNumber(text.slice(a, b).trim());
  }
  if (!idNumber) return { code: "id-number", field: "idNumber" };
  k = fieldAt(f, indexes, 2);
  const scheme = k < 0 ? undefined : SCHEME_AT.at(text, start[k], end[k]);
  if (!scheme) return { code: "scheme", field: "scheme" };
  k = fieldAt(f, indexes, 3);
  const date = k < 0 ? null : parseSettlementDate(text, start[k], end[k]);
  if (!date) return { code: "date", field: "date" };
  if (period !== periodRead) readPeriod(period);
  const day = dayOf(date);
  if (day < periodFrom || day > periodTo) return { code: "outside-period", field: "date" };
  k = fieldAt(f, indexes, 6);
  const inRegion = k < 0 || isBlank(text, start[k], end[k]) ? true : IN_REGION_AT.at(text, start[k], end[k]);
  if (inRegion === undefined) return { code: "columns", field: "inRegion" };
  const amounts = AMOUNTS;
  for (let a = 0; a < 6; a++) {
    const i = 7 + a;
    k = fieldAt(f, indexes, i);
    if ((k < 0 || start[k] === end[k]) && OPTIONAL_AMOUNT[a]) {
      amounts[a] = 0;
      continue;
    }
    const fen = k < 0 ? null : parseFen(text, start[k], end[k]);
    if (fen === null) return { code: "amount", field: SETTLEMENT_FIELDS[i] };
    amounts[a] = fen;
  }
  const total = amounts[0];
  const personalCash = amounts[5];
  if (personalCash > total || amounts[2] + amounts[3] + amounts[4] + personalCash > total) return { code: "inconsistent", field: "personalCash" };
  return {
    settlementId,
    idNumber,
    scheme,
    date,
    facility: fieldText(f, indexes, 4),
    level: fieldText(f, indexes, 5),
    inRegion,
    total,
    policyScope: amounts[1],
    basic: amounts[2],
    critical: amounts[3],
    assistance: amounts[4],
    personalCash,
  };
}

/** The period last read (rows of one file share it) as yyyymmdd numbers: comparing numbers, not strings. */
let periodRead: Period | null = null;
let periodFrom = 0;
let periodTo = 0;
function readPeriod(period: Period): void {
  periodFrom = dayOf(period.from);
  periodTo = dayOf(period.to);
  if (!(periodFrom > 0 && periodTo > 0)) throw new RangeError(`not a period of ISO dates: ${period.from} – ${period.to}`);
  periodRead = period;
}

/** "2025-03-07" → 20250307 (an ISO date as parseSettlementDate returns it). */
function dayOf(iso: string): number {
  return num(iso, 0, 4) * 10000 + num(iso, 5, 7) * 100 + num(iso, 8, 10);
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

/** Scratch for one record's six amounts (read at once, so one buffer serves every row). */
const AMOUNTS = new Float64Array(6);

/** s.trim(), without a new string in the usual case of nothing to trim. */
function tidy(s: string): string {
  const n = s.length;
  return n > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) ? s.trim() : s;
}

/** Which of the six amount fields (total … personalCash) may be empty. */
const OPTIONAL_AMOUNT = SETTLEMENT_FIELDS.slice(7).map((f) => OPTIONAL_FIELDS.has(f));

/** The record's field number for SETTLEMENT_FIELDS[i], or -1 when the file has no such column (or the line is short). */
function fieldAt(f: FieldRanges, indexes: Int32Array, i: number): number {
  const k = indexes[i];
  return k < f.count ? k : -1;
}

/** Field SETTLEMENT_FIELDS[i] as a trimmed string ("" when absent). */
function fieldText(f: FieldRanges, indexes: Int32Array, i: number): string {
  const k = fieldAt(f, indexes, i);
  return k < 0 ? "" : tidy(f.text.slice(f.start[k], f.end[k]));
}

export function isRowError(r: SettlementRow | { code: RowErrorCode }): r is { code: RowErrorCode; field?: SettlementField } {
  return "code" in r;
}
