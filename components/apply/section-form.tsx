"use client";

import { useActionState } from "react";

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
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  initial: Record<string, string | string[]>;
  labels: { save: string; errorSummary: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? initial;
  const errors = state?.errors ?? {};
  const errorKeys = Object.keys(errors);
  return (
    // Remount with each answer: React resets a form after its action, and a remount makes every field
    // (selects included) start again from the values as typed.
    <form key={state ? JSON.stringify(state) : "saved"} action={formAction} noValidate className="space-y-5" data-testid="section-form">
      {errorKeys.length ? (
        <div role="alert" className="rounded-xl bg-danger-soft px-4 py-3 text-danger" data-testid="error-summary">
          <p className="font-semibold">{labels.errorSummary}</p>
          <ul className="mt-1 list-disc pl-5">
            {errorKeys.map((k) => (
              <li key={k}>
                <a href={`#f-${k}`} className="underline">
                  {fields.find((f) => f.name === k)?.label ?? ""} {errors[k]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fields.map((f) => (
        <Field key={f.name} spec={f} value={values[f.name]} error={errors[f.name]} />
      ))}
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

function Field({ spec, value, error }: { spec: FieldSpec; value: string | string[] | undefined; error?: string }) {
  const id = `f-${spec.name}`;
  const describedBy = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const str = typeof value === "string" ? value : "";
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const hint = spec.hint ? (
    <p id={`${id}-hint`} className="text-sm text-ink-muted">
      {spec.hint}
    </p>
  ) : null;
  const err = error ? (
    <p id={`${id}-error`} className="font-medium text-danger" data-testid={`error-${spec.name}`}>
      {error}
    </p>
  ) : null;
  const inputClass = `w-full rounded-lg border bg-white px-3 py-2 text-lg ${error ? "border-danger" : "border-line"}`;

  if (spec.kind === "text" || spec.kind === "textarea") {
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-medium">
          {spec.label}
        </label>
        {hint}
        {err}
        {spec.kind === "text" ? (
          <input
            id={id}
            name={spec.name}
            defaultValue={str}
            inputMode={spec.inputMode}
            autoComplete={spec.autoComplete ?? "off"}
            maxLength={spec.maxLength}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={`tap-target ${inputClass}`}
          />
        ) : (
          <textarea
            id={id}
            name={spec.name}
            defaultValue={str}
            rows={4}
            maxLength={spec.maxLength}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </div>
    );
  }
  if (spec.kind === "select") {
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-medium">
          {spec.label}
        </label>
        {hint}
        {err}
        <select id={id} name={spec.name} defaultValue={str} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={`tap-target ${inputClass}`}>
          <option value="" />
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.kind === "checkbox") {
    return (
      <div className="space-y-1">
        {err}
        <label htmlFor={id} className="tap-target flex items-start gap-3 rounded-lg bg-cell px-3 py-3">
          <input id={id} type="checkbox" name={spec.name} defaultChecked={str === "on"} aria-describedby={describedBy} className="mt-1 h-6 w-6 shrink-0" />
          <span>
            <span className="block font-medium">{spec.label}</span>
            {spec.hint ? (
              <span id={`${id}-hint`} className="block text-sm text-ink-muted">
                {spec.hint}
              </span>
            ) : null}
          </span>
        </label>
      </div>
    );
  }
  const type = spec.kind === "radio" ? "radio" : "checkbox";
  const options = (spec as { options: { value: string; label: string }[] }).options;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} id={id}>
      <legend className="font-medium">{spec.label}</legend>
      {hint}
      {err}
      {options.map((o) => (
        <label key={o.value} className="tap-target flex items-center gap-3 rounded-lg bg-cell px-3 py-2">
          <input type={type} name={spec.name} value={o.value} defaultChecked={list.includes(o.value)} className="h-6 w-6 shrink-0" />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
