"use client";

import { useActionState } from "react";
import type { IssuedCode } from "@/app/[lng]/desk/actions";

/**
 * The tracking code's place on the receipt. The code is stored hashed, so it can be printed only
 * when it is issued: the button (not printed) issues a new one and shows it here.
 */
export function TrackingCodeIssuer({
  action,
  texts,
}: {
  action: (state: IssuedCode, data: FormData) => Promise<IssuedCode>;
  texts: { issue: string; hint: string; pending: string; issued: string; error: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const code = state && "code" in state ? state.code : null;
  return (
    <div>
      {code ? (
        <p className="paper-big" data-testid="tracking-code">
          {code}
        </p>
      ) : (
        <p data-testid="tracking-code-pending">{texts.pending}</p>
      )}
      <form action={formAction} className="no-print mt-2">
        <button type="submit" disabled={pending} className="tap-target rounded-lg bg-brand px-4 text-base font-semibold text-white" data-testid="issue-code">
          {texts.issue}
        </button>
        <p className="text-sm text-ink-muted">{code ? texts.issued : texts.hint}</p>
        {state && "error" in state ? (
          <p role="alert" className="text-danger">
            {texts.error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
