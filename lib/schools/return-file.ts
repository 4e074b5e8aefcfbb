import { z } from "zod";
import { chinaDateOf } from "@/lib/calendar/china-date";
import { validateIdNumber } from "@/lib/identity/id-number";
import { normalizeHeading } from "@/lib/schools/roster-columns";
import { looksLikeFormula } from "@/lib/schools/roster-validate";

/**
 * The return file 税务 / 医保经办 send back to a school (回盘文件 / 缴费明细): one row per pupil with the
 * ID number, whether the year's contribution is paid, and the date. Read with the roster's reader
 * (lib/schools/roster-file.ts); this module maps its columns and reads its rows. Pure.
 */
export const RETURN_FIELDS = ["idNumber", "status", "date"] as const;
export type ReturnField = (typeof RETURN_FIELDS)[number];

/** Headings seen in 税务 缴费明细 and 医保 参保名单 exports (normalised by normalizeHeading). */
const HEADINGS: Record<ReturnField, string[]> = {
  idNumber: ["身份证号", "身份证号码", "身份证", "公民身份号码", "证件号码", "证件号", "居民身份证号码", "身份证件号码", "缴费人证件号码", "参保人证件号码"],
  status: ["缴费状态", "参保状态", "状态", "缴费情况", "参保情况", "是否缴费", "是否参保", "核定状态"],
  date: ["缴费日期", "参保日期", "日期", "缴费时间", "入库日期", "到账日期", "办理日期", "参保时间"],
};

export const returnMappingSchema = z
  .strictObject({
    headerRow: z.number().int().min(0).max(49),
    columns: z.partialRecord(z.enum(RETURN_FIELDS), z.number().int().min(0).max(59)),
  })
  .refine((m) => m.columns.idNumber !== undefined && m.columns.status !== undefined, { message: "required-column-missing" })
  .refine((m) => new Set(Object.values(m.columns)).size === Object.values(m.columns).length, { message: "column-used-twice" });
export type ReturnMapping = z.infer<typeof returnMappingSchema>;

function fieldOfHeading(cell: string): ReturnField | null {
  const heading = normalizeHeading(cell);
  if (!heading) return null;
  for (const field of RETURN_FIELDS) if (HEADINGS[field].includes(heading)) return field;
  return null;
}

/** The header row among the first ten and the columns named like return-file fields. */
export function suggestReturnMapping(rows: string[][]): { headerRow: number; columns: Partial<Record<ReturnField, number>> } {
  let headerRow = 0;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const score = new Set(rows[r].map(fieldOfHeading).filter(Boolean)).size;
    if (score > bestScore) {
      headerRow = r;
      bestScore = score;
    }
  }
  const columns: Partial<Record<ReturnField, number>> = {};
  (rows[headerRow] ?? []).forEach((cell, i) => {
    const field = fieldOfHeading(cell);
    if (field && columns[field] === undefined) columns[field] = i;
  });
  return { headerRow, columns };
}

/**
 * What the file says about the year's contribution. The words are those of 税务 缴费明细 (已缴费 / 未缴费,
 * 已入库) and 医保 参保名单 (参保缴费, 正常参保, 待缴费, 暂停 / 终止参保); anything else is a row problem,
 * never a guess.
 */
const PAID_WORDS = ["已缴费", "已缴", "已参保", "参保缴费", "正常参保", "正常", "已入库", "缴费成功", "已到账", "是", "paid", "y", "1"];
const UNPAID_WORDS = ["未缴费", "未缴", "待缴费", "欠费", "未参保", "暂停参保", "暂停", "终止参保", "终止", "停保", "缴费失败", "未到账", "否", "unpaid", "n", "0"];

export type FileStatus = "paid" | "unpaid";

export function parseFileStatus(text: string): FileStatus | null {
  const value = text.normalize("NFKC").replace(/\s/g, "").toLowerCase();
  if (PAID_WORDS.includes(value)) return "paid";
  if (UNPAID_WORDS.includes(value)) return "unpaid";
  return null;
}

/** "2026-11-05", "2026/11/5", "20261105", "2026年11月5日" (a date written in the cell as text) → "2026-11-05"; null when not a real date. */
export function parseFileDate(text: string): string | null {
  const value = text.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export type ReturnRowProblem = "id-missing" | "id-invalid" | "status-unknown" | "date-invalid" | "formula" | "duplicate-in-file";

export type ReturnRow = {
  /** The row number in Excel (1-based). */
  rowNumber: number;
  /** Normalised 18 characters when valid, else as typed. */
  idNumber: string;
  fileStatus: FileStatus | null;
  date: string | null;
  problem: ReturnRowProblem | null;
  /** For duplicates: the first row with that ID number (that row is the one used). */
  otherRow?: number;
};

/**
 * Every data row read. A row with a problem takes no part in the reconciliation; it is listed. A second
 * row for the same ID number is listed as a duplicate and the first is used (税务 lists one payment per
 * pupil and year; two rows mean the file was pasted together).
 */
export function readReturnRows(rows: string[][], mapping: ReturnMapping, options: { today?: string } = {}): ReturnRow[] {
  // China's date once for the file (validateIdNumber would work it out again for every row).
  const today = options.today ?? chinaDateOf(new Date());
  const out: ReturnRow[] = [];
  const firstRowOf = new Map<string, number>();
  const cellOf = (cells: string[], field: ReturnField) => {
    const at = mapping.columns[field];
    return at === undefined ? "" : (cells[at] ?? "").trim();
  };
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((c) => c === "")) continue;
    const rowNumber = r + 1;
    const rawId = cellOf(cells, "idNumber");
    const rawStatus = cellOf(cells, "status");
    const rawDate = cellOf(cells, "date");
    const row: ReturnRow = { rowNumber, idNumber: rawId, fileStatus: null, date: null, problem: null };
    out.push(row);
    if ([rawId, rawStatus, rawDate].some(looksLikeFormula)) {
      row.problem = "formula";
      continue;
    }
    if (!rawId) {
      row.problem = "id-missing";
      continue;
    }
    const id = validateIdNumber(rawId, { today });
    if (!id.ok) {
      row.problem = "id-invalid";
      continue;
    }
    row.idNumber = id.value;
    row.fileStatus = parseFileStatus(rawStatus);
    if (!row.fileStatus) {
      row.problem = "status-unknown";
      continue;
    }
    if (rawDate) {
      row.date = parseFileDate(rawDate);
      if (!row.date) {
        row.problem = "date-invalid";
        continue;
      }
    }
    const first = firstRowOf.get(id.value);
    if (first !== undefined) {
      row.problem = "duplicate-in-file";
      row.otherRow = first;
      continue;
    }
    firstRowOf.set(id.value, rowNumber);
  }
  return out;
}
