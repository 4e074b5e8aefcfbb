import type { FieldSpec } from "@/components/apply/section-form";
import type { FormSectionId } from "@/lib/applications/draft-schema";
import { SECTION_FIELDS } from "@/lib/applications/section-fields";
import { localName } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

type T = (key: string, params?: Record<string, unknown>) => string;

/**
 * A section's fields as the form shows them, with labels and hints from locales apply.json: one builder
 * for the applicant's own form (/apply) and a desk worker's assisted form (/desk/sessions/…/apply), so
 * the two never drift apart. `prefilledFrom` names where a pre-filled value came from, per field.
 */
export function sectionFieldSpecs(
  id: FormSectionId,
  t: T,
  lng: Locale,
  areas: { code: string; nameZhHans: string; nameZhHant: string }[],
  prefilledFrom: Record<string, string> = {},
): FieldSpec[] {
  return SECTION_FIELDS[id].map((f) => {
    // A pre-filled field says so, and from which answers, beside its own hint.
    const source = prefilledFrom[f.name];
    const hints = [f.hint ? t(`hints.${id}.${f.name}`) : "", source ? t(`prefilledFrom.${source}.${id}.${f.name}`) : ""].filter(Boolean);
    const base = { name: f.name, label: t(`fields.${id}.${f.name}`), hint: hints.length ? hints.join(" ") : undefined };
    switch (f.kind) {
      case "text":
        return { ...base, kind: "text", inputMode: f.inputMode, autoComplete: f.autoComplete, maxLength: f.maxLength };
      case "textarea":
        return { ...base, kind: "textarea", maxLength: f.maxLength };
      case "radio":
      case "checkboxes":
        return { ...base, kind: f.kind, options: f.options.map((o) => ({ value: o, label: t(`options.${f.optionGroup}.${o}`) })) };
      case "select":
        return { ...base, kind: "select", options: areas.map((a) => ({ value: a.code, label: localName(a, lng) })) };
      case "checkbox":
        return { ...base, kind: "checkbox" };
    }
  });
}

/** What the form shows from a saved section. ID numbers and the bank account are shown in full to whoever fills the form in (masked everywhere else). */
export function savedSectionValues(id: FormSectionId, data: Partial<Record<FormSectionId, unknown>>): Record<string, string | string[]> {
  const saved = data[id] as Record<string, unknown> | undefined;
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(saved ?? {})) {
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (typeof v === "boolean") out[k] = v ? "on" : "";
    else if (v !== null && v !== undefined) out[k] = String(v);
  }
  return out;
}
