"use client";

import { useFormStatus } from "react-dom";

/** The submit button of a plain form; while the post is under way it shows as busy (the server is idempotent anyway). */
export function SubmitButton({ label, testId = "submit-application" }: { label: string; testId?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white aria-disabled:opacity-60"
      data-testid={testId}
    >
      {label}
    </button>
  );
}
