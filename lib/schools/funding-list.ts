import { isCalendarDate } from "@/lib/calendar/working-days";
import { validateIdNumber } from "@/lib/identity/id-number";
import { normalizeHeading } from "@/lib/schools/roster-columns";

/**
 * The 资助参保 funding list an area's caseworker receives from 民政 / 医保 (ID number, funding tier,
 * valid from / to), read from a grid of text cells (lib/schools/roster-file.ts reads the file). Pure.
 * The tier says why the pupil is funded (低保, 特困, 孤儿 …): it is carried to storage encrypted and
 * never into any problem text or report.
 */
export const FUNDING_FIELDS = ["idNumber", "tier", "validFrom", "validTo"] as const;
export type FundingField = (typeof FUNDING_FIELDS)[number];

/** Headings seen in 民政 / 医保 lists, normalised by `normalizeHeading`. */
const HEADINGS: Record<FundingField, string[]> = {
  idNumber: ["身份证号", "身份证号码", "身份证", "公民身份号码", "证件号码", "证件号", "居民身份证号码", "身份证件号码", "参保人身份证号"],
  tier: ["资助档次", "资助类别", "资助类型", "资助对象类别", "人员类别", "人员类型", "困难类别", "档次", "类别"],
  validFrom: ["有效期起", "有效期开始", "开始日期", "起始日期", "资助开始日期", "生效日期", "起"],
  validTo: ["有效期止", "有效期至", "有效期结束", "结束日期", "终止日期", "截止日期", "资助结束日期", "止"],
};

export type FundingProblemCode = "id-number" | "tier" | "tier-unknown" | "date" | "date-order" | "duplicate";
/** A row's problem, by its line in the file (1 = the first line) and field: no personal value in it. */
export type FundingProblem = { line: number; code: FundingProblemCode };

export type FundingRow = { line: number; idNumber: string; tier: string; validFrom: string; validTo: string };

export type FundingSheetResult =
  | { ok: true; rows: FundingRow[]; problems: FundingProblem[] }
  | { ok: false; error: "columns" | "empty" };

/** Longest tier text kept: a category name, never a note. */
export const FUNDING_TIER_MAX = 30;

function fieldOfHeading(cell: string): FundingField | null {
  const heading = normalizeHeading(cell);
  if (!heading) return null;
  for (const field of FUNDING_FIELDS) if (HEADINGS[field].includes(heading)) return field;
  return null;
}

/** The header row among the first ten (titles come first) and the column of each field; null when a field has no column. */
export function findFundingColumns(rows: string[][]): { headerRow: number; columns: Record<FundingField, number> } | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const columns: Partial<Record<FundingField, number>> = {};
    rows[r].forEach((cell, c) => {
      const field = fieldOfHeading(cell);
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (FUNDING_FIELDS.every((f) => columns[f] !== undefined)) return { headerRow: r, columns: columns as Record<FundingField, number> };
  }
  return null;
}

/** A date as lists write it: 2027-01-01, 2027/1/1, 2027.1.1, 20270101, 2027年1月1日; null if none or not a real day. */
export function parseListDate(text: string): string | null {
  const s = text.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  if (!isCalendarDate(iso)) return null;
  const [y, mo, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? iso : null;
}

/**
 * Every data row checked: the ID number (lib/identity), a tier (one the area's pack knows, when `knownTier` is
 * given), real dates in order, no duplicate of (ID number, valid from).
 */
export function readFundingSheet(rows: string[][], today: string, knownTier?: (tier: string) => boolean): FundingSheetResult {
  const found = findFundingColumns(rows);
  if (!found) return { ok: false, error: "columns" };
  const { headerRow, columns } = found;
  const out: FundingRow[] = [];
  const problems: FundingProblem[] = [];
  const seen = new Set<string>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((cell) => cell === "")) continue;
    const line = r + 1;
    const before = problems.length;
    const id = validateIdNumber(row[columns.idNumber] ?? "", { today });
    if (!id.ok) problems.push({ line, code: "id-number" });
    const tier = (row[columns.tier] ?? "").normalize("NFKC").trim();
    if (!tier || tier.length > FUNDING_TIER_MAX) problems.push({ line, code: "tier" });
    else if (knownTier && !knownTier(tier)) problems.push({ line, code: "tier-unknown" });
    const from = parseListDate(row[columns.validFrom] ?? "");
    const to = parseListDate(row[columns.validTo] ?? "");
    if (!from || !to) problems.push({ line, code: "date" });
    else if (from > to) problems.push({ line, code: "date-order" });
    if (problems.length > before || !id.ok || !from || !to) continue;
    const key = `${id.value}|${from}`;
    if (seen.has(key)) {
      problems.push({ line, code: "duplicate" });
      continue;
    }
    seen.add(key);
    out.push({ line, idNumber: id.value, tier, validFrom: from, validTo: to });
  }
  if (out.length === 0 && problems.length === 0) return { ok: false, error: "empty" };
  return { ok: true, rows: out, problems };
}

/** Whether an entry funds the given calendar year of cover: its validity overlaps that year. */
export function fundsCoverYear(entry: { validFrom: string; validTo: string }, coverYear: number): boolean {
  return entry.validFrom <= `${coverYear}-12-31` && entry.validTo >= `${coverYear}-01-01`;
}
