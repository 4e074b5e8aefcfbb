import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * The one field family: plain HTML form pieces (server-rendered, work without JavaScript; no hooks,
 * so client forms can use them too). Texts come in as props. Every field has a label, its hint and
 * error tied to it (aria-describedby), aria-invalid when in error, and an error with the test id
 * `<id>-error`; ErrorSummary links to the fields by id. Text, number and money are TextField
 * (inputMode), date is TextField type="date", then TextAreaField, SelectField, ChoiceField
 * (radios or checkboxes), CheckboxField (one consent or declaration).
 */

export interface ErrorLink {
  id: string;
  message: string;
}

/** GOV.UK-style error summary: first thing after the heading, links move focus to each field. */
export function ErrorSummary({ title, errors }: { title: string; errors: ErrorLink[] }) {
  if (!errors.length) return null;
  return (
    <div role="alert" aria-labelledby="error-summary-title" tabIndex={-1} className="mb-4 rounded-xl border-2 border-danger bg-cell px-4 py-3" data-testid="error-summary">
      <h2 id="error-summary-title" className="text-base font-semibold text-danger">
        {title}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`} className="target-link text-danger underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's error. `announce` makes it a live alert, for client forms whose errors appear without a page load. */
export function FieldError({ id, message, announce }: { id: string; message?: string; announce?: boolean }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} role={announce ? "alert" : undefined} className="mt-1 text-sm font-medium text-danger" data-testid={`${id}-error`}>
      {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="mt-0.5 text-sm text-ink-muted">
      {children}
    </p>
  );
}

export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

/** Label, hint and error above a control: the frame every single-control field shares. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  labelClass = "block text-base font-medium",
  announce,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  labelClass?: string;
  announce?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} message={error} announce={announce} />
      {children}
    </div>
  );
}

/** What ties a control to its hint and error, for screen readers. */
function fieldAria(id: string, hint?: unknown, error?: unknown) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) } as const;
}

const inputClass =
  "mt-1 block w-full rounded-lg border border-ink-muted bg-cell px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger min-h-[3rem]";

export function TextField({
  id,
  name,
  label,
  hint,
  error,
  value,
  type = "text",
  inputMode,
  suffix,
  autoComplete = "off",
  maxLength,
  max,
  required,
  labelClass = "block text-base font-medium",
  input,
  describedBy: alsoDescribedBy,
  announce,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  /** The value the page renders with; a client form that controls the field passes `input.value` instead. */
  value?: string;
  type?: string;
  inputMode?: "decimal" | "numeric" | "text" | "tel";
  suffix?: string;
  autoComplete?: string;
  maxLength?: number;
  /** For type="date": the latest date the picker offers. */
  max?: string;
  required?: boolean;
  labelClass?: string;
  /** For client forms: the input's own props (value and onChange when controlled, autoFocus…). */
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type" | "aria-invalid" | "aria-describedby">;
  /** Another element that describes the field, e.g. a form-level error shared by several fields (marks it invalid too). */
  describedBy?: string;
  announce?: boolean;
}) {
  const describers = [describedBy(id, hint, error), alsoDescribedBy].filter(Boolean).join(" ") || undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error ?? undefined} labelClass={labelClass} announce={announce}>
      <div className="flex items-center gap-2">
        <input
          {...input}
          id={id}
          name={name}
          type={type}
          inputMode={inputMode}
          defaultValue={input?.value === undefined ? value : undefined}
          autoComplete={autoComplete}
          maxLength={maxLength}
          max={max}
          required={required}
          aria-invalid={error || alsoDescribedBy ? true : undefined}
          aria-describedby={describers}
          className={`${inputClass} ${input?.className ?? ""}`}
        />
        {suffix ? <span aria-hidden="true">{suffix}</span> : null}
      </div>
    </FieldFrame>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  value,
  options,
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: { value: string; label: string }[];
  /** An empty first choice, so nothing is picked until the person picks. */
  placeholder?: string;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} defaultValue={value} {...fieldAria(id, hint, error)} className={inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Radios or checkboxes in a fieldset with a legend; the first input carries the field id for error links. */
export function ChoiceField({
  id,
  name,
  legend,
  hint,
  error,
  type = "radio",
  values,
  options,
  inline = false,
  legendClass = "text-base font-medium",
}: {
  id: string;
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  type?: "radio" | "checkbox";
  values: string[];
  options: { value: string; label: string; hint?: string }[];
  inline?: boolean;
  legendClass?: string;
}) {
  return (
    <fieldset className="mb-4" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className={legendClass}>{legend}</legend>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} message={error} />
      <div className={inline ? "mt-1 flex flex-wrap gap-2" : "mt-1 space-y-2"}>
        {options.map((o, i) => {
          const inputId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-3 rounded-lg bg-cell px-3 py-2 min-h-[3rem]">
              <input
                id={inputId}
                type={type}
                name={name}
                value={o.value}
                defaultChecked={values.includes(o.value)}
                aria-describedby={o.hint ? `${inputId}-ohint` : undefined}
                className="mt-1 h-6 w-6 shrink-0 accent-[var(--color-brand)]"
              />
              <label htmlFor={inputId} className="min-w-0 flex-1 text-base">
                {o.label}
                {o.hint ? (
                  <span id={`${inputId}-ohint`} className="block text-sm text-ink-muted">
                    {o.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function TextAreaField({
  id,
  name,
  label,
  hint,
  error,
  value,
  rows = 4,
  maxLength,
  required,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={name} defaultValue={value} rows={rows} maxLength={maxLength} required={required} {...fieldAria(id, hint, error)} className={inputClass} />
    </FieldFrame>
  );
}

/** One checkbox that stands alone (a declaration, a consent), its hint under the label. */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  error,
  checked,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  checked: boolean;
}) {
  return (
    <div className="mb-4">
      <FieldError id={id} message={error} />
      <div className="flex items-start gap-3 rounded-lg bg-cell px-3 py-3 min-h-[3rem]">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-1 h-6 w-6 shrink-0 accent-[var(--color-brand)]"
        />
        <label htmlFor={id} className="min-w-0 flex-1 text-base">
          <span className="block font-medium">{label}</span>
        </label>
      </div>
      <Hint id={id}>{hint}</Hint>
    </div>
  );
}

export function SubmitButton({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <button
      type="submit"
      data-testid={testId}
      className="tap-target mt-2 w-full rounded-xl bg-brand px-4 py-3 text-lg font-semibold text-white"
    >
      {children}
    </button>
  );
}

export function Disclosure({ summary, children, testId }: { summary: string; children: ReactNode; testId?: string }) {
  return (
    <details className="mt-1 text-sm" data-testid={testId}>
      <summary className="cursor-pointer py-2 text-brand underline">{summary}</summary>
      <div className="rounded-lg bg-brand-soft px-3 py-2">{children}</div>
    </details>
  );
}
