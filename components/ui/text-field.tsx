"use client";

import { useId, type InputHTMLAttributes } from "react";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-invalid" | "aria-describedby"> & {
  label: string;
  hint?: string;
  error?: string | null;
  /** An extra element id that describes the field, e.g. a form-level error shared by several fields. */
  describedBy?: string;
};

/** A labelled input with its hint and inline error wired for screen readers (aria-describedby, aria-invalid). */
export function TextField({ label, hint, error, describedBy, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describers = [hint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mb-2 text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error || describedBy ? true : undefined}
        aria-describedby={describers || undefined}
        className={`tap-target w-full rounded-lg border border-line bg-cell px-3 text-lg aria-[invalid=true]:border-danger ${className ?? ""}`}
        {...input}
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-2 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
