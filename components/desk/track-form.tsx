"use client";

import { useActionState } from "react";
import { TextField } from "@/components/form/fields";
import type { TrackState } from "@/lib/desk/track-view";

type Texts = {
  reference: string;
  referenceHint: string;
  code: string;
  codeHint: string;
  submit: string;
  status: string;
  timeline: string;
};

/**
 * Reference + tracking code → the status. A plain form posting to a server action, so it works
 * without JavaScript too; the code is never put in the address (it stays out of history and logs).
 */
export function TrackForm({
  action,
  initialReference,
  texts,
}: {
  action: (state: TrackState, data: FormData) => Promise<TrackState>;
  initialReference: string;
  texts: Texts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const result = state?.result;
  return (
    <>
      <form action={formAction} className="space-y-3 rounded-xl bg-cell p-4" data-testid="track-form" noValidate>
        <TextField id="reference" name="reference" label={texts.reference} hint={texts.referenceHint} value={state?.values.reference ?? initialReference} maxLength={40} />
        <TextField id="code" name="code" label={texts.code} hint={texts.codeHint} inputMode="numeric" maxLength={20} value="" />
        {state?.error ? (
          <p className="font-medium text-danger" role="alert" data-testid="track-error">
            {state.error}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="track-submit">
          {texts.submit}
        </button>
      </form>
      {result ? (
        <section className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="track-result-h" data-testid="track-result">
          <p className="font-mono text-xl font-bold" data-testid="track-reference">{result.reference}</p>
          <p id="track-result-h">
            {texts.status}：<strong data-testid="track-status">{result.statusLabel}</strong>
          </p>
          {result.submittedOn ? <p className="text-sm text-ink-muted">{result.submittedOn}</p> : null}
          {result.assistedBy ? (
            <p className="text-sm" data-testid="track-assisted-by">
              {result.assistedBy}
            </p>
          ) : null}
          <h2 className="mt-3 mb-2 font-semibold">{texts.timeline}</h2>
          <ol className="space-y-2" data-testid="track-timeline">
            {result.steps.map((s) => (
              <li key={s.id} data-testid={`track-step-${s.id}`} data-state={s.state}>
                <p className={s.state === "current" ? "font-semibold" : undefined}>{s.title}</p>
                {s.detail ? <p className="text-sm">{s.detail}</p> : null}
              </li>
            ))}
          </ol>
          {result.owed ? (
            <div className="mt-3" data-testid="track-owed">
              <p className="font-semibold text-danger">{result.owed.heading}</p>
              <ul className="list-disc pl-6">
                {result.owed.documents.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
