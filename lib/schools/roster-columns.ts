import { z } from "zod";

/**
 * Which column holds what. The header row is chosen (suggested, then confirmed by the admin) and the
 * columns mapped to the fields a roster needs; the school's choice is remembered for next year.
 * Pure: the import wizard in the browser suggests with the same functions.
 */
export const ROSTER_FIELDS = ["name", "idNumber", "gender", "grade", "className", "guardianPhone"] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Fields every row needs; gender is checked against the ID number when present, the phone is for the parent's link. */
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ["name", "idNumber", "grade", "className"];

/** Column headings seen in rosters (教育局 templates, 学籍系统 exports, 税务 forms), normalised by `normalizeHeading`. */
const HEADINGS: Record<RosterField, string[]> = {
  name: ["姓名", "学生姓名", "幼儿姓名", "学生名字", "参保人姓名", "名字"],
  idNumber: ["身份证号", "身份证号码", "身份证", "公民身份号码", "证件号码", "证件号", "学生身份证号", "居民身份证号码", "身份证件号码"],
  gender: ["性别"],
  grade: ["年级", "所在年级", "年级名称"],
  className: ["班级", "班别", "班级名称", "所在班级", "班"],
  guardianPhone: ["监护人电话", "监护人手机", "监护人手机号", "家长电话", "家长手机", "家长手机号", "联系电话", "手机号", "手机号码", "联系方式"],
};

export function normalizeHeading(text: string): string {
  return text.normalize("NFKC").replace(/[\s*＊:：()（）\-_/]/g, "");
}

export const columnMappingSchema = z
  .strictObject({
    headerRow: z.number().int().min(0).max(49),
    columns: z.partialRecord(z.enum(ROSTER_FIELDS), z.number().int().min(0).max(59)),
  })
  .refine((m) => REQUIRED_ROSTER_FIELDS.every((field) => m.columns[field] !== undefined), { message: "required-column-missing" })
  .refine((m) => new Set(Object.values(m.columns)).size === Object.values(m.columns).length, { message: "column-used-twice" });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

function fieldOfHeading(cell: string): RosterField | null {
  const heading = normalizeHeading(cell);
  if (!heading) return null;
  for (const field of ROSTER_FIELDS) if (HEADINGS[field].includes(heading)) return field;
  return null;
}

/** The row among the first ten whose cells name the most roster fields (titles and notes often come first). */
export function suggestHeaderRow(rows: string[][]): number {
  let best = 0;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const score = new Set(rows[r].map(fieldOfHeading).filter(Boolean)).size;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Columns for each field: the remembered mapping first when its headings still match (same template as
 * last year), else by heading name.
 */
export function suggestMapping(rows: string[][], remembered?: { headings: Partial<Record<RosterField, string>> } | null): ColumnMapping | { headerRow: number; columns: Partial<Record<RosterField, number>> } {
  const headerRow = suggestHeaderRow(rows);
  const header = rows[headerRow] ?? [];
  const columns: Partial<Record<RosterField, number>> = {};
  const used = new Set<number>();
  if (remembered) {
    for (const field of ROSTER_FIELDS) {
      const heading = remembered.headings[field];
      if (!heading) continue;
      const at = header.findIndex((cell, i) => !used.has(i) && normalizeHeading(cell) === normalizeHeading(heading));
      if (at >= 0) {
        columns[field] = at;
        used.add(at);
      }
    }
  }
  header.forEach((cell, i) => {
    const field = fieldOfHeading(cell);
    if (field && columns[field] === undefined && !used.has(i)) {
      columns[field] = i;
      used.add(i);
    }
  });
  return { headerRow, columns };
}

/** What is remembered for the school: the headings of the mapped columns (positions move between years). */
export function mappingToRemember(rows: string[][], mapping: ColumnMapping): { headings: Partial<Record<RosterField, string>> } {
  const header = rows[mapping.headerRow] ?? [];
  const headings: Partial<Record<RosterField, string>> = {};
  for (const field of ROSTER_FIELDS) {
    const at = mapping.columns[field];
    if (at !== undefined && header[at]) headings[field] = header[at];
  }
  return { headings };
}
