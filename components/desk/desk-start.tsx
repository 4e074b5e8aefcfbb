"use client";

import { type ReactNode, useActionState, useState } from "react";
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
  consentHeading: string;
  consentByPaper: string;
  consentByCode: string;
  consentByCodeHint: string;
  phoneForCode: string;
  phoneForCodeHint: string;
  sendCode: string;
  resendCode: string;
  codeSentTo: string;
  code: string;
  codeHint: string;
};

/**
 * How the applicant consents, inside a start form: the signed paper 授权书 (ticked), or a one-time code
 * sent to their phone that they read out (the "send code" button posts the same form with
 * intent=send-code; the start button checks the code). Nothing is saved before either.
 */
function ConsentChoice({ idPrefix, state, texts, phoneField, pending }: { idPrefix: string; state: StartState; texts: DeskStartTexts; phoneField?: ReactNode; pending: boolean }) {
  const [method, setMethod] = useState(state?.values.consentMethod === "sms-code" ? "sms-code" : "paper");
  const errors = state?.errors ?? {};
  return (
    <fieldset className="space-y-2" data-testid={`${idPrefix}-consent`}>
      <legend className="mb-1 font-semibold">{texts.consentHeading}</legend>
      {(["paper", "sms-code"] as const).map((m) => (
        <label key={m} className="tap-target flex items-center gap-3">
          {/* Uncontrolled: React resets the form after each action, and a reset returns a radio to its default, so the
              default follows the method as posted (state.values) and the reset keeps the worker's choice. */}
          <input
            type="radio"
            name="consentMethod"
            value={m}
            defaultChecked={(state?.values.consentMethod || "paper") === m}
            onChange={() => setMethod(m)}
            className="h-6 w-6"
            data-testid={`${idPrefix}-method-${m}`}
          />
          <span>{m === "paper" ? texts.consentByPaper : texts.consentByCode}</span>
        </label>
      ))}
      {method === "paper" ? (
        <CheckboxField id={`${idPrefix}-consent-paper`} name="consentPaperSigned" label={texts.consent} hint={texts.consentHint} error={errors.consentPaperSigned} checked={false} />
      ) : (
        <div className="space-y-3 rounded-lg border border-line bg-white p-3">
          <p className="text-sm text-ink-muted">{texts.consentByCodeHint}</p>
          {phoneField}
          <button
            type="submit"
            name="intent"
            value="send-code"
            disabled={pending}
            className="tap-target w-full rounded-lg border border-brand bg-white text-lg font-semibold text-brand"
            data-testid={`${idPrefix}-send-code`}
          >
            {state?.codeSentTo ? texts.resendCode : texts.sendCode}
          </button>
          {state?.codeSentTo ? (
            <p role="status" data-testid={`${idPrefix}-code-sent`}>
              {texts.codeSentTo.replace("{{phone}}", state.codeSentTo)}
            </p>
          ) : null}
          <TextField id={`${idPrefix}-code`} name="consentCode" label={texts.code} hint={texts.codeHint} inputMode="numeric" maxLength={12} autoComplete="one-time-code" error={errors.consentCode} />
        </div>
      )}
    </fieldset>
  );
}

function ConsentAndStart({ action, texts, personId, testId }: { action: (s: StartState, d: FormData) => Promise<StartState>; texts: DeskStartTexts; personId: string; testId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [phone, setPhone] = useState("");
  return (
    <form action={formAction} className="mt-2 space-y-2" data-testid={testId} noValidate>
      <input type="hidden" name="personId" value={personId} />
      <ConsentChoice
        idPrefix={`existing-${personId}`}
        state={state}
        texts={texts}
        pending={pending}
        phoneField={
          <TextField id={`phone-${personId}`} name="phone" label={texts.phoneForCode} hint={texts.phoneForCodeHint} inputMode="tel" maxLength={20} error={state?.errors.phone} input={{ value: phone, onChange: (e) => setPhone(e.target.value) }} />
        }
      />
      {state?.errors.name ? (
        <p role="alert" className="text-danger">
          {state.errors.name}
        </p>
      ) : null}
      <button type="submit" name="intent" value="start" disabled={pending} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white">
        {texts.startWith}
      </button>
    </form>
  );
}

/**
 * Starting a session: find the area's people by phone or ID number (shown masked), or take down a new
 * person (phone optional). Either way consent (the signed 授权书, or a code read out from the applicant's
 * phone) comes before anything is saved.
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
  // Controlled, so what the worker typed stays when "send code" posts the form (React resets uncontrolled fields).
  const [typed, setTyped] = useState({ name: "", idNumber: "", phone: "" });
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
          <TextField id="new-name" name="name" label={texts.name} maxLength={40} error={errors.name} input={{ value: typed.name, onChange: (e) => setTyped({ ...typed, name: e.target.value }) }} />
          <TextField id="new-id" name="idNumber" label={texts.idNumber} hint={texts.idNumberHint} maxLength={40} error={errors.idNumber} input={{ value: typed.idNumber, onChange: (e) => setTyped({ ...typed, idNumber: e.target.value }) }} />
          <TextField id="new-phone" name="phone" label={texts.phoneOptional} hint={texts.phoneOptionalHint} inputMode="tel" maxLength={20} error={errors.phone} input={{ value: typed.phone, onChange: (e) => setTyped({ ...typed, phone: e.target.value }) }} />
          <ConsentChoice idPrefix="new" state={created} texts={texts} pending={creating} />
          <button type="submit" name="intent" value="start" disabled={creating} className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="start-new">
            {texts.start}
          </button>
        </form>
      </section>
    </div>
  );
}
