"use client";

import { useActionState } from "react";
import { CheckboxField, ChoiceField, ErrorSummary, SelectField, TextAreaField, TextField } from "@/components/form/fields";

export type FieldSpec =
  | {
      name: string;
      kind: "text" | "textarea";
      label: string;
      hint?: string;
      inputMode?: "text" | "numeric" | "decimal" | "tel";
      autoComplete?: string;
      maxLength?: number;
    }
  | { name: string; kind: "radio" | "select"; label: string; hint?: string; options: { value: string; label: string }[] }
  | { name: string; kind: "checkboxes"; label: string; hint?: string; options: { value: string; label: string }[] }
  | { name: string; kind: "checkbox"; label: string; hint?: string };

/** What the save action answers on a refusal: each field's error, already translated, and the values as typed. */
export type FormState = { errors: Record<string, string>; values: Record<string, string | string[]> } | null;

/**
 * A section's form: a plain HTML form posting to a server action, so it works before (or without)
 * JavaScript. On a refusal the same page comes back with every value as typed and the errors inline.
 */
export function SectionForm({
  action,
  fields,
  initial,
  labels,
  marks,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  initial: Record<string, string | string[]>;
  labels: { save: string; errorSummary: string };
  /**
   * The assisted frame only (a desk worker filling in for the applicant): one box per field, ticked when the
   * applicant said or typed that answer themselves (posted as `byApplicant`); unticked answers are the worker's.
   */
  marks?: { legend: string; hint: string; initial: string[]; fieldSuffix: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? initial;
  const errors = state?.errors ?? {};
  const errorKeys = Object.keys(errors);
  return (
    // Remount with each answer: React resets a form after its action, and a remount makes every field
    // (selects included) start again from the values as typed.
    <form key={state ? JSON.stringify(state) : "saved"} action={formAction} noValidate className="space-y-5" data-testid="section-form">
      <ErrorSummary title={labels.errorSummary} errors={errorKeys.map((k) => ({ id: `f-${k}`, message: `${fields.find((f) => f.name === k)?.label ?? ""} ${errors[k]}` }))} />
      {fields.map((f) => (
        <Field key={f.name} spec={f} value={values[f.name]} error={errors[f.name]} />
      ))}
      {marks ? (
        <fieldset className="rounded-lg border border-line p-3" data-testid="entered-by">
          <legend className="px-1 font-semibold">{marks.legend}</legend>
          <p className="mb-2 text-sm text-ink-muted">{marks.hint}</p>
          {fields.map((f) => {
            const ticked = state ? ([] as string[]).concat(values.byApplicant ?? []).includes(f.name) : marks.initial.includes(f.name);
            return (
              <label key={f.name} className="tap-target flex items-center gap-3">
                <input type="checkbox" name="byApplicant" value={f.name} defaultChecked={ticked} className="h-6 w-6" data-testid={`by-applicant-${f.name}`} />
                <span>
                  {f.label}
                  {/* Its own name for screen readers: not the field's label again. */}
                  <span className="sr-only">{marks.fieldSuffix}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white disabled:opacity-60"
        data-testid="save-section"
      >
        {labels.save}
      </button>
    </form>
  );
}

/** One field of a section, drawn by the one field family (components/form/fields.tsx). */
function Field({ spec, value, error }: { spec: FieldSpec; value: string | string[] | undefined; error?: string }) {
  const common = { id: `f-${spec.name}`, name: spec.name, label: spec.label, hint: spec.hint, error };
  const str = typeof value === "string" ? value : "";
  switch (spec.kind) {
    case "text":
      return <TextField {...common} value={str} inputMode={spec.inputMode} autoComplete={spec.autoComplete} maxLength={spec.maxLength} />;
    case "textarea":
      return <TextAreaField {...common} value={str} maxLength={spec.maxLength} />;
    case "select":
      return <SelectField {...common} value={str} options={spec.options} placeholder="" />;
    case "checkbox":
      return <CheckboxField {...common} checked={str === "on"} />;
    case "radio":
    case "checkboxes": {
      const { label, ...rest } = common;
      return <ChoiceField {...rest} legend={label} type={spec.kind === "radio" ? "radio" : "checkbox"} values={Array.isArray(value) ? value : value ? [value] : []} options={spec.options} />;
    }
  }
}
