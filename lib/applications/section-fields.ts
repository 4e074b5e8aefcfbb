import { CERTIFICATIONS, type FormSectionId, RELATIONSHIPS, RELIEF_TYPES, URGENCY } from "@/lib/applications/draft-schema";

/** The form fields of each section (labels come from locales apply.json fields.* / hints.* / options.*). */
export type FieldDef =
  | { name: string; kind: "text"; inputMode?: "text" | "numeric" | "decimal" | "tel"; autoComplete?: string; maxLength?: number; hint?: boolean }
  | { name: string; kind: "textarea"; maxLength?: number; hint?: boolean }
  | { name: string; kind: "radio" | "checkboxes"; options: readonly string[]; optionGroup: string; hint?: boolean }
  | { name: string; kind: "select"; options: "areas"; hint?: boolean }
  | { name: string; kind: "checkbox"; hint?: boolean };

export const SECTION_FIELDS: Record<FormSectionId, FieldDef[]> = {
  applicant: [
    { name: "name", kind: "text", autoComplete: "name", maxLength: 40 },
    { name: "idNumber", kind: "text", autoComplete: "off", maxLength: 22, hint: true },
    { name: "phone", kind: "text", inputMode: "tel", autoComplete: "tel", maxLength: 20 },
    { name: "areaCode", kind: "select", options: "areas", hint: true },
    { name: "address", kind: "text", autoComplete: "street-address", maxLength: 120 },
  ],
  patient: [
    { name: "relationship", kind: "radio", options: RELATIONSHIPS, optionGroup: "relationship" },
    { name: "name", kind: "text", maxLength: 40, hint: true },
    { name: "idNumber", kind: "text", maxLength: 22, hint: true },
  ],
  household: [
    { name: "size", kind: "text", inputMode: "numeric", maxLength: 2, hint: true },
    { name: "monthlyIncome", kind: "text", inputMode: "decimal", maxLength: 14, hint: true },
    { name: "certifications", kind: "checkboxes", options: CERTIFICATIONS, optionGroup: "certifications", hint: true },
  ],
  illness: [
    { name: "diagnosis", kind: "text", maxLength: 200 },
    { name: "hospital", kind: "text", maxLength: 100 },
    { name: "totalCost", kind: "text", inputMode: "decimal", maxLength: 14, hint: true },
    { name: "reimbursed", kind: "text", inputMode: "decimal", maxLength: 14, hint: true },
    { name: "ongoingMonthly", kind: "text", inputMode: "decimal", maxLength: 14, hint: true },
  ],
  reason: [
    { name: "reliefType", kind: "radio", options: RELIEF_TYPES, optionGroup: "reliefType", hint: true },
    { name: "urgency", kind: "radio", options: URGENCY, optionGroup: "urgency" },
    { name: "description", kind: "textarea", maxLength: 1000, hint: true },
  ],
  bank: [
    { name: "accountName", kind: "text", autoComplete: "name", maxLength: 40, hint: true },
    { name: "bankName", kind: "text", maxLength: 60 },
    { name: "account", kind: "text", inputMode: "numeric", autoComplete: "off", maxLength: 30, hint: true },
  ],
  declarations: [
    { name: "truthful", kind: "checkbox", hint: true },
    { name: "consentSensitive", kind: "checkbox", hint: true },
    { name: "consentCheck", kind: "checkbox", hint: true },
  ],
};

/** A posted form as the section schema's input: one string per field, a list for multi-choice fields. */
export function formToInput(section: FormSectionId, form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of SECTION_FIELDS[section]) {
    if (f.kind === "checkboxes") out[f.name] = form.getAll(f.name).filter((v): v is string => typeof v === "string");
    else {
      const v = form.get(f.name);
      out[f.name] = typeof v === "string" ? v : "";
    }
  }
  return out;
}
