import type { TFunction } from "i18next";
import { columnMappingSchema, ROSTER_FIELDS, suggestMapping, type ColumnMapping, type RosterField } from "@/lib/schools/roster-columns";
import type { RowProblem, ValidatedRow } from "@/lib/schools/roster-validate";
import { rememberedMapping } from "@/lib/schools/roster-import";
import type { Db } from "@/lib/db/client";

/**
 * Step 2 of the wizard: the header row and columns, from the query string when the admin changed them,
 * else suggested (the school's remembered headings first). Pure apart from reading the remembered headings.
 */
export type WizardMapping = { mapping: ColumnMapping | null; headerRow: number; columns: Partial<Record<RosterField, number>> };

export async function wizardMapping(db: Db, schoolId: string, rows: string[][], query: Record<string, string | undefined>): Promise<WizardMapping> {
  const suggested = suggestMapping(rows, await rememberedMapping(db, schoolId));
  const chosen = query.headerRow !== undefined;
  const headerRow = chosen ? Number(query.headerRow) : suggested.headerRow;
  const columns: Partial<Record<RosterField, number>> = chosen ? {} : { ...suggested.columns };
  if (chosen) {
    for (const field of ROSTER_FIELDS) {
      const value = query[`col_${field}`];
      if (value !== undefined && value !== "") columns[field] = Number(value);
    }
  }
  const parsed = columnMappingSchema.safeParse({ headerRow, columns });
  return { mapping: parsed.success && headerRow < rows.length ? parsed.data : null, headerRow: Number.isInteger(headerRow) ? headerRow : 0, columns };
}

/** A row problem in plain words, in the page's script. */
export function describeProblem(t: TFunction, problem: RowProblem, row: ValidatedRow): string {
  return t(`import.problem.${problem.code}`, {
    field: t(`import.field.${problem.field}`),
    other: problem.otherRow,
    value: problem.field === "grade" ? row.pupil.grade : "",
  });
}
