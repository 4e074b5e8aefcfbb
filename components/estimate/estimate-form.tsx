import { Link } from "@/components/ui/link";
import { ChoiceField, ErrorSummary, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { MAX_STAYS, STAY_FIELDS, fieldId, formQuery, stayParam, type EstimateFormValues, type FieldError, type FieldName, type StayField, type StayValues } from "@/lib/estimate/form";
import type { EstimateTexts } from "@/lib/i18n/texts";
import type { Locale } from "@/lib/i18n/settings";
import { listPolicies } from "@/lib/policy";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES } from "@/lib/policy/types";

/** The estimate form: a plain GET form to the result page, so it works before (or without) JavaScript. */
export function EstimateForm({ lng, t, values, errors }: { lng: Locale; t: EstimateTexts; values: EstimateFormValues; errors: FieldError[] }) {
  const several = values.stays.length > 1;
  // A bill's field label says which bill when there are several, so errors and screen readers name the right one.
  const labelOf = (field: FieldName) => {
    const m = /^s(\d+)\.(\w+)$/.exec(field);
    const leaf = m ? m[2] : field;
    const label = t(`field.${leaf}.label`);
    return several && (m || (STAY_FIELDS as readonly string[]).includes(field)) ? t("form.stayField", { n: m ? Number(m[1]) : 1, label }) : label;
  };
  const msg = (field: FieldName) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    return e.message ?? t(`error.${e.code}`, { field: labelOf(field) });
  };
  const yesNo = [
    { value: "1", label: t("yes") },
    { value: "0", label: t("no") },
  ];
  const bill = values.mode === "bill";
  const otherMode = formQuery({ ...values, mode: bill ? "typical" : "bill" });
  return (
    <>
      <ErrorSummary
        title={t("error.summary")}
        errors={errors.map((e) => ({ id: fieldId(e.field), message: msg(e.field)! }))}
      />
      <p className="mb-4 rounded-xl bg-cell px-4 py-3 text-sm">
        {bill ? t("form.billIntro") : t("form.typicalIntro")}{" "}
        <Link href={`/${lng}/estimate/form?${otherMode}`} className="text-brand underline" data-testid="switch-mode">
          {bill ? t("form.switchToTypical") : t("form.switchToBill")}
        </Link>
      </p>
      <form method="get" action={`/${lng}/estimate/result`} noValidate id="estimate-form" data-testid="estimate-form">
        <input type="hidden" name="mode" value={values.mode} />
        {several ? <input type="hidden" name="stays" value={values.stays.length} /> : null}
        {values.earlierMerged ? <input type="hidden" name="earlierMerged" value="1" /> : null}
        <fieldset className="mb-2">
          <legend className="mb-2 text-lg font-semibold">{t("form.placeHeading")}</legend>
          <SelectField
            id="f-policy"
            name="policy"
            label={t("field.policy.label")}
            hint={t("field.policy.hint")}
            error={msg("policy")}
            value={values.policy}
            options={listPolicies().map((p) => ({ value: p.id, label: p.title[lng] }))}
          />
          <TextField id="f-date" name="date" type="date" label={t("field.date.label")} hint={t("field.date.hint")} error={msg("date")} value={values.date} />
        </fieldset>

        <fieldset className="mb-2">
          <legend className="mb-2 text-lg font-semibold">{t("form.personHeading")}</legend>
          <ChoiceField
            id="f-insurance"
            name="insurance"
            legend={t("field.insurance.label")}
            error={msg("insurance")}
            values={[values.insurance]}
            options={INSURANCES.map((v) => ({ value: v, label: t(`insurance.${v}`) }))}
          />
          <ChoiceField
            id="f-cat"
            name="cat"
            type="checkbox"
            legend={t("field.cat.label")}
            hint={t("field.cat.hint")}
            error={msg("cat")}
            values={values.cat}
            options={CATEGORIES.map((v) => ({ value: v, label: t(`category.${v}.label`), hint: t(`category.${v}.hint`) }))}
          />
          <TextField id="f-age" name="age" inputMode="numeric" label={t("field.age.label")} hint={t("field.age.hint")} error={msg("age")} value={values.age} suffix={t("field.age.suffix")} />
        </fieldset>

        {values.stays.map((stay, i) => (
          <StayFields key={i} lng={lng} t={t} index={i} count={values.stays.length} stay={stay} bill={bill} msg={msg} yesNo={yesNo} />
        ))}
        {values.stays.length < MAX_STAYS ? (
          <div className="mb-4 rounded-xl bg-cell px-4 py-3">
            <p id="add-stay-hint" className="mb-2 text-sm text-ink-muted">{t("form.addStayHint")}</p>
            <button
              type="submit"
              name="addStay"
              value="1"
              formAction={`/${lng}/estimate/form`}
              formNoValidate
              aria-describedby="add-stay-hint"
              data-testid="add-stay"
              className="tap-target w-full rounded-xl border border-brand bg-cell px-4 py-3 text-base text-brand"
            >
              {t("form.addStay")}
            </button>
          </div>
        ) : null}
        <SubmitButton testId="estimate-submit">{t("form.submit")}</SubmitButton>
        <p className="mt-3 text-sm text-ink-muted">{t("form.privacy")}</p>
      </form>
    </>
  );
}


/** One bill: its care settings and amounts, under names of its own (stayParam), with a way to remove it. */
function StayFields({
  lng, t,
  index,
  count,
  stay,
  bill,
  msg,
  yesNo,
}: {
  lng: Locale;
  /** The estimate namespace's texts, from the page. */
  t: EstimateTexts;
  index: number;
  count: number;
  stay: StayValues;
  bill: boolean;
  msg: (field: FieldName) => string | undefined;
  yesNo: { value: string; label: string }[];
}) {
  const several = count > 1;
  const name = (f: StayField) => stayParam(f, index);
  const id = (f: StayField) => fieldId(name(f));
  const care = (
    <>
      {several ? (
        <TextField id={id("billDate")} name={name("billDate")} type="date" label={t("field.billDate.label")} hint={t("field.billDate.hint")} error={msg(name("billDate"))} value={stay.billDate} />
      ) : null}
      <ChoiceField
        id={id("kind")}
        name={name("kind")}
        legend={t("field.kind.label")}
        error={msg(name("kind"))}
        values={[stay.kind]}
        options={EPISODE_KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))}
      />
      <SelectField
        id={id("facility")}
        name={name("facility")}
        label={t("field.facility.label")}
        hint={t("field.facility.hint")}
        error={msg(name("facility"))}
        value={stay.facility}
        options={FACILITIES.map((v) => ({ value: v, label: t(`facility.${v}`) }))}
      />
      <ChoiceField id={id("inRegion")} name={name("inRegion")} inline legend={t("field.inRegion.label")} hint={t("field.inRegion.hint")} values={[stay.inRegion]} options={yesNo} />
      <ChoiceField id={id("referred")} name={name("referred")} inline legend={t("field.referred.label")} hint={t("field.referred.hint")} values={[stay.referred]} options={yesNo} />
      <ChoiceField id={id("designated")} name={name("designated")} inline legend={t("field.designated.label")} hint={t("field.designated.hint")} values={[stay.designated]} options={yesNo} />
      <ChoiceField id={id("emergency")} name={name("emergency")} inline legend={t("field.emergency.label")} values={[stay.emergency]} options={yesNo} />
      <SelectField
        id={id("cause")}
        name={name("cause")}
        label={t("field.cause.label")}
        error={msg(name("cause"))}
        value={stay.cause}
        options={CAUSES.map((v) => ({ value: v, label: t(`cause.${v}`) }))}
      />
    </>
  );
  const amounts = (
    <>
      <TextField id={id("total")} name={name("total")} inputMode="decimal" label={t("field.total.label")} hint={t(bill ? "field.total.hintBill" : "field.total.hint")} error={msg(name("total"))} value={stay.total} suffix={t("yuan")} />
      <TextField id={id("selfFunded")} name={name("selfFunded")} inputMode="decimal" label={t("field.selfFunded.label")} hint={t("field.selfFunded.hint")} error={msg(name("selfFunded"))} value={stay.selfFunded} suffix={t("yuan")} />
      {bill ? (
        <>
          <p className="mb-2 text-sm text-ink-muted">{t("form.settledIntro")}</p>
          {(["basic", "critical", "assistance"] as const).map((f) => (
            <TextField key={f} id={id(f)} name={name(f)} inputMode="decimal" label={t(`field.${f}.label`)} hint={t(`field.${f}.hint`)} error={msg(name(f))} value={stay[f]} suffix={t("yuan")} />
          ))}
        </>
      ) : null}
    </>
  );
  if (!several) {
    return (
      <>
        <fieldset className="mb-2">
          <legend className="mb-2 text-lg font-semibold">{t("form.careHeading")}</legend>
          {care}
        </fieldset>
        <fieldset className="mb-2">
          <legend className="mb-2 text-lg font-semibold">{t("form.amountsHeading")}</legend>
          {amounts}
        </fieldset>
      </>
    );
  }
  return (
    <fieldset id={`stay-${index + 1}`} className="mb-4 rounded-xl border border-line px-3 pt-1 pb-2" data-testid={`stay-${index + 1}`}>
      <legend className="px-1 text-lg font-semibold">{t("form.stayHeading", { n: index + 1 })}</legend>
      {care}
      {amounts}
      <button
        type="submit"
        name="removeStay"
        value={index + 1}
        formAction={`/${lng}/estimate/form`}
        formNoValidate
        data-testid={`remove-stay-${index + 1}`}
        className="tap-target w-full rounded-xl border border-danger bg-cell px-4 py-2 text-base text-danger"
      >
        {t("form.removeStay", { n: index + 1 })}
      </button>
    </fieldset>
  );
}
