import Papa from "papaparse";
import { looksLikeFormula, type RowProblem, type ValidatedRow } from "@/lib/schools/roster-validate";

/**
 * The downloadable error file: the file's own header and rows that have problems, each with one more
 * column saying what is wrong in plain words, so the admin fixes the rows in Excel and imports them
 * again. UTF-8 with a BOM (Excel then opens it without garbling Chinese); cells a spreadsheet would run
 * as a formula are prefixed with an apostrophe.
 */
export function rosterErrorFile(header: string[], rows: ValidatedRow[], describe: (problem: RowProblem, row: ValidatedRow) => string, labels: { row: string; problems: string }): string {
  const safe = (cell: string) => (looksLikeFormula(cell) ? `'${cell}` : cell);
  const data = rows
    .filter((row) => row.problems.length > 0)
    .map((row) => [String(row.rowNumber), ...row.cells.map(safe), row.problems.map((p) => describe(p, row)).join("；")]);
  return "\uFEFF" + Papa.unparse({ fields: [labels.row, ...header.map(safe), labels.problems], data }, { newline: "\r\n" });
}
