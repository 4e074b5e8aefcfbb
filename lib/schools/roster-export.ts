import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import { z } from "zod";
import { reachOf, type Actor } from "@/lib/auth/access";
import type { Db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { getDataKey } from "@/lib/crypto/keys";
import { maskIdNumber, maskName, maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import { PUPIL_STATUSES, isPupilStatus } from "@/lib/schools/statuses";
import { looksLikeFormula } from "@/lib/schools/roster-validate";
import layoutsJson from "@/lib/schools/export-layouts.json";

/**
 * The roster with statuses as the file 医保经办 asks for (.xlsx or .csv), in a column layout that is data
 * (lib/schools/export-layouts.json: per area code, else per policy pack, else the default; each layout
 * says where it comes from, and that it is assumed where no official template is known). The school
 * admin's export carries names, ID numbers and phones in clear; anyone else's (a class teacher's, their
 * class only) carries them masked. Every export is audited, saying whether ID numbers were read in clear.
 */
export const EXPORT_FIELDS = ["sequence", "school", "name", "idType", "idNumber", "gender", "birthDate", "grade", "className", "status", "guardianPhone"] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

const layoutSchema = z.strictObject({
  source: z.strictObject({ reliability: z.enum(["OFFICIAL", "ASSUMED"]), note: z.string().min(1), url: z.string().url().optional() }),
  sheetName: z.string().min(1).max(31),
  columns: z.array(z.strictObject({ field: z.enum(EXPORT_FIELDS), heading: z.string().min(1) })).min(1),
  idType: z.string(),
  gender: z.strictObject({ male: z.string(), female: z.string() }),
  status: z.strictObject(Object.fromEntries(PUPIL_STATUSES.map((s) => [s, z.string().min(1)])) as Record<(typeof PUPIL_STATUSES)[number], z.ZodString>),
});
export type ExportLayout = z.infer<typeof layoutSchema> & { id: string };

const layoutsFileSchema = z.object({
  layouts: z.record(z.string(), layoutSchema).refine((l) => "default" in l, { message: "default layout missing" }),
  byPolicyPack: z.record(z.string(), z.string()),
  byAreaCode: z.record(z.string(), z.string()),
});

// Checked once when the module loads: a broken layout file fails the tests and the build, not an export.
const LAYOUTS = layoutsFileSchema.parse(layoutsJson);
for (const id of [...Object.values(LAYOUTS.byPolicyPack), ...Object.values(LAYOUTS.byAreaCode)]) {
  if (!(id in LAYOUTS.layouts)) throw new Error(`export-layouts.json: unknown layout ${id}`);
}

export function exportLayoutFor(area: { areaCode: string; policyPackId: string }): ExportLayout {
  const id = LAYOUTS.byAreaCode[area.areaCode] ?? LAYOUTS.byPolicyPack[area.policyPackId] ?? "default";
  return { id, ...LAYOUTS.layouts[id] };
}

export type ExportViewer = { kind: "school-admin" } | { kind: "teacher"; grade: string; className: string };

export type RosterExport = { layout: ExportLayout; header: string[]; rows: string[][]; idNumbersInClear: boolean };

/** The rows, in the layout's columns, sorted by grade, class and name. Current pupils only. */
export async function buildRosterExport(db: Db, input: { schoolId: string; schoolName: string; layout: ExportLayout; viewer: ExportViewer }): Promise<RosterExport> {
  const clear = input.viewer.kind === "school-admin";
  const pupils = await db.schoolPupil.findMany({
    where: { schoolId: input.schoolId, current: true, ...(input.viewer.kind === "teacher" ? { grade: input.viewer.grade, className: input.viewer.className } : {}) },
    select: { grade: true, gradeLevel: true, className: true, gender: true, status: true, guardianPhoneEncrypted: true, person: { select: { nameEncrypted: true, idNumberEncrypted: true } } },
  });
  const dataKey = getDataKey();
  const sealing = { dataKey };
  const decoded = pupils
    .map((p) => ({
      ...p,
      name: p.person.nameEncrypted ? decryptField(p.person.nameEncrypted, sealing) : "",
      idNumber: p.person.idNumberEncrypted ? decryptField(p.person.idNumberEncrypted, sealing) : "",
      phone: p.guardianPhoneEncrypted ? decryptField(p.guardianPhoneEncrypted, sealing) : "",
    }))
    .sort((a, b) => (a.gradeLevel ?? 99) - (b.gradeLevel ?? 99) || a.className.localeCompare(b.className, "zh") || a.name.localeCompare(b.name, "zh"));
  const { layout } = input;
  const cell = (p: (typeof decoded)[number], index: number, field: ExportField): string => {
    switch (field) {
      case "sequence":
        return String(index + 1);
      case "school":
        return input.schoolName;
      case "name":
        return clear ? p.name : maskName(p.name);
      case "idType":
        return layout.idType;
      case "idNumber":
        return clear ? p.idNumber : maskIdNumber(p.idNumber);
      case "gender":
        return p.gender === "male" ? layout.gender.male : p.gender === "female" ? layout.gender.female : "";
      case "birthDate":
        // A masked export shows no birth date: with the masked number it would narrow the pupil down.
        return clear && /^\d{17}[\dX]$/.test(p.idNumber) ? `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}` : "";
      case "grade":
        return p.grade;
      case "className":
        return p.className;
      case "status":
        return layout.status[isPupilStatus(p.status) ? p.status : "unpaid"];
      case "guardianPhone":
        return p.phone ? (clear ? p.phone : maskPhone(p.phone)) : "";
    }
  };
  return {
    layout,
    header: layout.columns.map((c) => c.heading),
    rows: decoded.map((p, i) => layout.columns.map((c) => cell(p, i, c.field))),
    idNumbersInClear: clear,
  };
}

/** CSV as Excel opens it without garbling Chinese: UTF-8 with a BOM, CRLF; formula-like cells made text. */
export function exportToCsv(data: RosterExport): string {
  const safe = (c: string) => (looksLikeFormula(c) ? `'${c}` : c);
  return "\uFEFF" + Papa.unparse({ fields: data.header.map(safe), data: data.rows.map((r) => r.map(safe)) }, { newline: "\r\n" });
}

/** .xlsx with every cell as text (ID numbers stay 18 characters, never a rounded number). */
export async function exportToXlsx(data: RosterExport): Promise<Uint8Array> {
  const rows = [data.header, ...data.rows].map((row) => row.map((value) => ({ type: String, value })));
  const columns = data.layout.columns.map((c) => ({ width: c.field === "idNumber" ? 22 : c.field === "guardianPhone" ? 15 : c.field === "school" ? 20 : 10 }));
  return new Uint8Array(await writeXlsxFile(rows, { sheet: data.layout.sheetName, columns }).toBuffer());
}

export type ExportFormat = "xlsx" | "csv";

/**
 * The export as bytes, audited: who, which school (and class), the layout, the format, how many rows and
 * whether ID numbers were read in clear. The audit is written before the bytes are returned.
 */
export async function exportRoster(
  db: Db,
  input: { schoolId: string; schoolName: string; area: { areaCode: string; policyPackId: string }; viewer: ExportViewer; format: ExportFormat },
  context: { actorId: string; now: Date },
): Promise<{ bytes: Uint8Array | string; layout: ExportLayout; rows: number }> {
  const layout = exportLayoutFor(input.area);
  const data = await buildRosterExport(db, { schoolId: input.schoolId, schoolName: input.schoolName, layout, viewer: input.viewer });
  const bytes = input.format === "xlsx" ? await exportToXlsx(data) : exportToCsv(data);
  const scope = input.viewer.kind === "teacher" ? `class=${input.viewer.grade} ${input.viewer.className}` : "school";
  await recordAudit(db, {
    actorType: "staff",
    actorId: context.actorId,
    action: "school.roster.export",
    target: input.schoolId,
    reason: `layout=${layout.id} format=${input.format} rows=${data.rows.length} ${scope} id-numbers=${data.idNumbersInClear ? "clear" : "masked"}`,
    at: context.now,
  });
  return { bytes, layout, rows: data.rows.length };
}

/**
 * The export for whoever asks (lib/auth/access.ts decides): a school admin's reach is their school, in clear;
 * a teacher's their class, masked; anyone else gets nothing. The school's name is the Simplified one (the
 * office's template is in Simplified characters whatever script the page is read in).
 */
export async function exportRosterFor(
  db: Db,
  actor: Actor,
  format: ExportFormat,
  context: { actorId: string; now: Date },
): Promise<{ bytes: Uint8Array | string; layout: ExportLayout; rows: number; schoolCode: string } | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "school" && reach.scope !== "class") return null;
  const school = await db.school.findUnique({ where: { id: reach.schoolId }, select: { id: true, code: true, nameZhHans: true, areaCode: true, area: { select: { policyPackId: true } } } });
  if (!school) return null;
  const viewer: ExportViewer = reach.scope === "school" ? { kind: "school-admin" } : { kind: "teacher", grade: reach.grade, className: reach.className };
  const out = await exportRoster(db, { schoolId: school.id, schoolName: school.nameZhHans, area: { areaCode: school.areaCode, policyPackId: school.area.policyPackId }, viewer, format }, context);
  return { ...out, schoolCode: school.code };
}
