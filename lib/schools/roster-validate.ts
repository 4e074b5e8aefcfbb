import { validateIdNumber, type IdNumberFailure } from "@/lib/identity/id-number";
import { parsePhone } from "@/lib/auth/phone";
import { ageFitsGrade, parseGrade, schoolYearStartOf } from "@/lib/schools/grades";
import { ROSTER_FIELDS, type ColumnMapping, type RosterField } from "@/lib/schools/roster-columns";

/**
 * Every row of a roster checked before anything is stored: required cells, the ID number (check
 * digit, birth date: lib/identity), duplicates within the file, gender against the ID number, a grade
 * we know and an age that fits it, the guardian's phone. Pure; the database checks (already on
 * another school's roster) are added by lib/schools/roster-import.ts as one more problem code.
 */

export type RowProblemCode =
  | "required"
  | "formula"
  | "name-characters"
  | `id-${IdNumberFailure}`
  | "id-as-number"
  | "duplicate-in-file"
  | "on-other-roster"
  | "gender-mismatch"
  | "grade-unknown"
  | "age-grade"
  | "phone-format";

/** Errors keep a row out of the import; warnings are shown and the row is imported. */
export const WARNING_CODES: ReadonlySet<RowProblemCode> = new Set(["age-grade"]);

export type RowProblem = { code: RowProblemCode; field: RosterField; /** The other row, for duplicates. */ otherRow?: number };

export type PupilRow = {
  name: string;
  /** Normalised 18 characters when valid, else as typed. */
  idNumber: string;
  gender: "male" | "female" | null;
  grade: string;
  gradeLevel: number | null;
  className: string;
  guardianPhone: string | null;
  birthDate: string | null;
};

export type ValidatedRow = {
  /** The row number the admin sees in Excel (1-based). */
  rowNumber: number;
  /** The row's cells as in the file, for the error file. */
  cells: string[];
  pupil: PupilRow;
  problems: RowProblem[];
};

export function rowHasErrors(row: ValidatedRow): boolean {
  return row.problems.some((p) => !WARNING_CODES.has(p.code));
}

/** Text a spreadsheet would run as a formula (CSV injection): =, +, @, or - not followed by a digit. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@]/.test(text) || /^-[^\d]/.test(text) || /^[\t\r]/.test(text);
}

const NAME = /^[\p{Script=Han}\p{L}\p{M}·•・. ]{1,40}$/u;

function genderOf(text: string): "male" | "female" | null | "unknown" {
  const value = text.normalize("NFKC").trim().toLowerCase();
  if (!value) return null;
  if (["男", "男性", "m", "male", "1"].includes(value)) return "male";
  if (["女", "女性", "f", "female", "2"].includes(value)) return "female";
  return "unknown";
}

export type ValidateOptions = {
  /** China's date today, "YYYY-MM-DD" (birth dates after it are impossible; the school year is taken from it). */
  today: string;
};

export function validateRosterRows(rows: string[][], mapping: ColumnMapping, options: ValidateOptions): ValidatedRow[] {
  const schoolYearStart = schoolYearStartOf(options.today);
  const firstRowOfId = new Map<string, number>();
  const result: ValidatedRow[] = [];
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((cell) => cell === "")) continue;
    const cell = (field: RosterField) => {
      const at = mapping.columns[field];
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const problems: RowProblem[] = [];
    const rowNumber = r + 1;

    for (const field of ROSTER_FIELDS) {
      if (looksLikeFormula(cell(field))) problems.push({ code: "formula", field });
    }
    const name = cell("name").normalize("NFKC");
    if (!name) problems.push({ code: "required", field: "name" });
    else if (!problems.some((p) => p.field === "name") && !NAME.test(name)) problems.push({ code: "name-characters", field: "name" });

    const rawId = cell("idNumber");
    let idNumber = rawId;
    let birthDate: string | null = null;
    let idSex: "male" | "female" | null = null;
    if (!rawId) problems.push({ code: "required", field: "idNumber" });
    else if (/^\d(\.\d+)?e\+\d+$/i.test(rawId)) problems.push({ code: "id-as-number", field: "idNumber" });
    else {
      const id = validateIdNumber(rawId, { today: options.today });
      if (!id.ok) problems.push({ code: `id-${id.reason}`, field: "idNumber" });
      else {
        idNumber = id.value;
        birthDate = id.birthDate;
        idSex = id.sex;
        const first = firstRowOfId.get(id.value);
        if (first !== undefined) problems.push({ code: "duplicate-in-file", field: "idNumber", otherRow: first });
        else firstRowOfId.set(id.value, rowNumber);
      }
    }

    const genderText = cell("gender");
    const gender = genderOf(genderText);
    if (gender === "unknown" || (gender && idSex && gender !== idSex)) problems.push({ code: "gender-mismatch", field: "gender" });

    const grade = cell("grade");
    const gradeLevel = grade ? parseGrade(grade) : null;
    if (!grade) problems.push({ code: "required", field: "grade" });
    else if (gradeLevel === null) problems.push({ code: "grade-unknown", field: "grade" });
    else if (birthDate && !ageFitsGrade(birthDate, gradeLevel, schoolYearStart)) problems.push({ code: "age-grade", field: "grade" });

    const className = cell("className").normalize("NFKC");
    if (!className) problems.push({ code: "required", field: "className" });

    const phoneText = cell("guardianPhone");
    const guardianPhone = phoneText ? parsePhone(phoneText) : null;
    if (phoneText && !guardianPhone && !problems.some((p) => p.field === "guardianPhone")) problems.push({ code: "phone-format", field: "guardianPhone" });

    result.push({
      rowNumber,
      cells,
      pupil: {
        name,
        idNumber,
        gender: gender === "unknown" ? null : (gender ?? idSex),
        grade,
        gradeLevel,
        className,
        guardianPhone,
        birthDate,
      },
      problems,
    });
  }
  return result;
}
