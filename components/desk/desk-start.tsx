"use client";

import { useActionState } from "react";
import { CheckboxField, TextField } from "@/components/form/fields";
import type { SearchState, StartState } from "@/app/[lng]/desk/session-actions";

export type DeskStartTexts = {
  searchHeading: string;
  phone: string;
  idNumber: string;
  idNumberHint: string;
  search: string;
  noneFound: string;
  newHeading: string;
  name: string;
  phoneOptional: string;
  phoneOptionalHint: string;
  consent: string;
  consentHint: string;
  start: string;
  startWith: string;
  noPhone: string;
};

function ConsentAndStart({ action, texts, personId, testId }: { action: (s: StartState, d: FormData) => Promise<StartState>; texts: DeskStartTexts; personId: string; testId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-2 space-y-2" data-testid={testId} noValidate>
      <input type="hidden" name="personId" value={personId} />
      <CheckboxField id={`consent-${personId}`} name="consentPaperSigned" label={texts.consent} hint={texts.consentHint} error={state?.errors.consentPaperSigned} checked={false} />
      {state?.errors.name ? (
        <p role="alert" className="text-danger">
          {state.errors.name}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white">
        {texts.startWith}
      </button>
    </form>
  );
}

/**
 * Starting a session: find the area's people by phone or ID number (shown masked), or take down a new
 * person (phone optional). Either way the signed 授权书 is confirmed before anything is saved.
 */
export function DeskStart({
  searchAction,
  startAction,
  texts,
}: {
  searchAction: (s: SearchState, d: FormData) => Promise<SearchState>;
  startAction: (s: StartState, d: FormData) => Promise<StartState>;
  texts: DeskStartTexts;
}) {
  const [found, search, searching] = useActionState(searchAction, null);
  const [created, create, creating] = useActionState(startAction, null);
  const errors = created?.errors ?? {};
  const typed = created?.values ?? {};
  return (
    <div className="space-y-4">
      <section className="rounded-xl bg-cell p-4" aria-labelledby="desk-search-h">
        <h2 id="desk-search-h" className="mb-2 text-lg font-semibold">
          {texts.searchHeading}
        </h2>
        <form action={search} className="space-y-3" data-testid="person-search" noValidate>
          <TextField id="search-phone" name="phone" label={texts.phone} inputMode="tel" maxLength={20} error={found?.errors.phone} />
          <TextField id="search-id" name="idNumber" label={texts.idNumber} hint={texts.idNumberHint} maxLength={40} error={found?.errors.idNumber} />
          <button type="submit" disabled={searching} className="tap-target w-full rounded-lg border border-brand bg-white text-lg font-semibold text-brand">
            {texts.search}
          </button>
        </form>
        {found?.people ? (
          found.people.length ? (
            <ul className="mt-3 space-y-3" data-testid="person-results">
              {found.people.map((p) => (
                <li key={p.id} className="rounded-lg border border-line bg-white p-3" data-testid="person-card">
                  <p className="font-semibold">{p.nameMasked}</p>
                  <p className="text-sm">
                    {p.idNumberMasked} · {p.phoneMasked ?? texts.noPhone}
                  </p>
                  <ConsentAndStart action={startAction} texts={texts} personId={p.id} testId="start-existing" />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3" role="status" data-testid="person-none">
              {texts.noneFound}
            </p>
          )
        ) : null}
      </section>
      <section className="rounded-xl bg-cell p-4" aria-labelledby="desk-new-h">
        <h2 id="desk-new-h" className="mb-2 text-lg font-semibold">
          {texts.newHeading}
        </h2>
        <form action={create} className="space-y-3" data-testid="person-new" noValidate>
          <TextField id="new-name" name="name" label={texts.name} maxLength={40} error={errors.name} value={typed.name} />
          <TextField id="new-id" name="idNumber" label={texts.idNumber} hint={texts.idNumberHint} maxLength={40} error={errors.idNumber} value={typed.idNumber} />
          <TextField id="new-phone" name="phone" label={texts.phoneOptional} hint={texts.phoneOptionalHint} inputMode="tel" maxLength={20} error={errors.phone} value={typed.phone} />
          <CheckboxField id="new-consent" name="consentPaperSigned" label={texts.consent} hint={texts.consentHint} error={errors.consentPaperSigned} checked={false} />
          <button type="submit" disabled={creating} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="start-new">
            {texts.start}
          </button>
        </form>
      </section>
    </div>
  );
}
