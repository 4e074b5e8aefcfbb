"use client";

import { useActionState } from "react";
import { TextField } from "@/components/form/fields";
import type { WalkInState } from "@/app/[lng]/desk/session-actions";

/** Reference + ID number → the application's page; the ID number is posted, never put in the address. */
export function WalkInForm({
  action,
  texts,
}: {
  action: (s: WalkInState, d: FormData) => Promise<WalkInState>;
  texts: { reference: string; idNumber: string; find: string; notFound: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3" data-testid="walk-in" noValidate>
      <TextField id="walk-in-reference" name="reference" label={texts.reference} maxLength={40} error={state?.errors.reference} value={state?.values.reference} />
      <TextField id="walk-in-id" name="idNumber" label={texts.idNumber} maxLength={40} error={state?.errors.idNumber} />
      {state?.notFound ? (
        <p role="alert" className="font-medium text-danger" data-testid="walk-in-none">
          {texts.notFound}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="tap-target w-full rounded-lg border border-brand bg-white text-lg font-semibold text-brand">
        {texts.find}
      </button>
    </form>
  );
}
