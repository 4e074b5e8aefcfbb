import { notFound } from "next/navigation";
import { redirectWithinSite } from "@/lib/http/redirect";
import { ChoiceField, ErrorSummary, SubmitButton, TextField } from "@/components/form/fields";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import {
  activeSteps,
  certOptions,
  checkStep,
  isHistoric,
  nextStep,
  previousStep,
  readState,
  stateQuery,
  STEPS,
  type Query,
  type ScreenerState,
  type Step,
} from "@/lib/eligibility/screener";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { listPolicies } from "@/lib/policy";

/** Query keys each step owns; everything else rides along as hidden fields. */
const OWN: Record<Step, (keyof ScreenerState)[]> = {
  place: ["policy"],
  who: ["who"],
  age: ["age"],
  insurance: ["insurance"],
  enrolled: ["enrolled"],
  certs: ["cert"],
  costs: ["costs"],
  union: ["union"],
  urgent: ["urgent"],
};

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; step: string }>;
  searchParams: Promise<Query>;
}) {
  const lng = await pageLocale(params);
  const { step: rawStep } = await params;
  if (!(STEPS as readonly string[]).includes(rawStep)) notFound();
  const step = rawStep as Step;
  const t = getT(lng, "eligibility");
  const sp = await searchParams;
  const state = readState(sp);
  const returnToCheck = sp.return === "check";
  const submitted = sp.go === "1";
  const error = submitted ? checkStep(step, state) : null;

  if (submitted && !error) {
    const after = returnToCheck ? null : nextStep(step, state);
    redirectWithinSite(after ? `/${lng}/eligibility/q/${after}?${stateQuery(state)}` : `/${lng}/eligibility/check?${stateQuery(state)}`);
  }

  const steps = activeSteps(state);
  const prev = previousStep(step, state);
  const backHref = returnToCheck
    ? `/${lng}/eligibility/check?${stateQuery(state)}`
    : prev
      ? `/${lng}/eligibility/q/${prev}?${stateQuery(state)}`
      : `/${lng}/eligibility?${stateQuery(state)}`;

  // Hidden fields: every answer this step does not own.
  const hidden: [string, string][] = [];
  for (const [key, value] of new URLSearchParams(stateQuery(state))) {
    if (!OWN[step].includes(key as keyof ScreenerState)) hidden.push([key, value]);
  }
  const yesNo = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  const title = t(`question.${step}.title`);
  const errorMessage = error ? t(`error.${error}`) : undefined;
  const fieldId = `q-${step}`;
  const help = (
    <details className="mt-1" data-testid="help">
      <summary className="cursor-pointer py-2 text-brand underline">{t("whatDoesThisMean")}</summary>
      <p className="rounded-lg bg-brand-soft px-3 py-2 text-sm">{t(`question.${step}.help`)}</p>
    </details>
  );
  const hint = t(`question.${step}.hint`, { defaultValue: "" }) || undefined;
  const legend = { legend: title, legendClass: "mb-2 text-xl font-semibold" };

  let field;
  switch (step) {
    case "place":
      field = (
        <ChoiceField
          id={fieldId}
          name="policy"
          {...legend}
          hint={hint}
          error={errorMessage}
          values={[state.policy ?? ""]}
          options={listPolicies().map((p) => ({
            value: p.id,
            label: p.title[lng],
            hint: isHistoric(p.id) ? t("results.historicNote") : p.region[lng],
          }))}
        />
      );
      break;
    case "who":
      field = (
        <ChoiceField id={fieldId} name="who" {...legend} error={errorMessage} values={[state.who ?? ""]}
          options={(["pupil", "young-child", "adult"] as const).map((v) => ({ value: v, label: t(`question.who.${v}`) }))} />
      );
      break;
    case "age":
      field = (
        <TextField id={fieldId} name="age" inputMode="numeric" label={title} labelClass="mb-2 block text-xl font-semibold" hint={hint} error={errorMessage} value={state.age ?? ""} suffix={t("question.age.suffix")} />
      );
      break;
    case "insurance":
      field = (
        <ChoiceField id={fieldId} name="insurance" {...legend} error={errorMessage} values={[state.insurance ?? ""]}
          options={(["resident", "employee", "none"] as const).map((v) => ({ value: v, label: t(`question.insurance.${v}`) }))} />
      );
      break;
    case "certs":
      field = (
        <ChoiceField id={fieldId} name="cert" type="checkbox" {...legend} hint={hint} error={errorMessage} values={state.cert}
          options={certOptions(state.policy).map((c) => ({ value: c, label: c === "none" ? t("question.certs.none") : t(`rules.cert.${c}`) }))} />
      );
      break;
    default: {
      const key = OWN[step][0] as "enrolled" | "costs" | "union" | "urgent";
      field = <ChoiceField id={fieldId} name={key} {...legend} hint={hint} error={errorMessage} values={[state[key] ?? ""]} options={yesNo} inline />;
    }
  }

  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")} documentTitle={t(`question.${step}.title`)} backHref={backHref} query={stateQuery(state, returnToCheck ? { return: "check" } : {})}>
      <p className="mb-2 text-sm text-ink-muted" data-testid="step-counter">
        {t("stepCounter", { n: steps.indexOf(step) + 1, total: steps.length })}
      </p>
      {errorMessage ? <ErrorSummary title={t("error.summary")} errors={[{ id: fieldId, message: errorMessage }]} /> : null}
      <form method="get" action={`/${lng}/eligibility/q/${step}`} noValidate data-testid="question-form">
        {hidden.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        {returnToCheck ? <input type="hidden" name="return" value="check" /> : null}
        <input type="hidden" name="go" value="1" />
        {field}
        {help}
        <SubmitButton testId="continue">{t("continue")}</SubmitButton>
      </form>
    </PageFrame>
  );
}
