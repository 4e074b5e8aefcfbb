import { Link } from "@/components/ui/link";
import { ChoiceField, ErrorSummary, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { formQuery, type EstimateFormValues, type FieldError, type FieldName } from "@/lib/estimate/form";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";
import { listPolicies } from "@/lib/policy";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES } from "@/lib/policy/types";

/** The estimate form: a plain GET form to the result page, so it works before (or without) JavaScript. */
export function EstimateForm({ lng, values, errors }: { lng: Locale; values: EstimateFormValues; errors: FieldError[] }) {
  const t = getT(lng, "estimate");
  const msg = (field: FieldName) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    return e.message ?? t(`error.${e.code}`, { field: t(`field.${field}.label`) });
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
        errors={errors.map((e) => ({ id: `f-${e.field}`, message: msg(e.field)! }))}
      />
      <p className="mb-4 rounded-xl bg-cell px-4 py-3 text-sm">
        {bill ? t("form.billIntro") : t("form.typicalIntro")}{" "}
        <Link href={`/${lng}/estimate/form?${otherMode}`} className="text-brand underline" data-testid="switch-mode">
          {bill ? t("form.switchToTypical") : t("form.switchToBill")}
        </Link>
      </p>
      <form method="get" action={`/${lng}/estimate/result`} noValidate data-testid="estimate-form">
        <input type="hidden" name="mode" value={values.mode} />
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

        <fieldset className="mb-2">
          <legend className="mb-2 text-lg font-semibold">{t("form.careHeading")}</legend>
          <ChoiceField
            id="f-kind"
            name="kind"
            legend={t("field.kind.label")}
            error={msg("kind")}
            values={[values.kind]}
            options={EPISODE_KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))}
          />
          <SelectField
            id="f-facility"
            name="facility"
            label={t("field.facility.label")}
            hint={t("field.facility.hint")}
            error={msg("facility")}
            value={values.facility}
            options={FACILITIES.map((v) => ({ value: v, label: t(`facility.${v}`) }))}
          />
          <ChoiceField id="f-inRegion" name="inRegion" inline legend={t("field.inRegion.label")} hint={t("field.inRegion.hint")} values={[values.inRegion]} options={yesNo} />
          <ChoiceField id="f-referred" name="referred" inline legend={t("field.referred.label")} hint={t("field.referred.hint")} values={[values.referred]} options={yesNo} />
          <ChoiceField id="f-designated" name="designated" inline legend={t("field.designated.label")} hint={t("field.designated.hint")} values={[values.designated]} options={yesNo} />
          <ChoiceField id="f-emergency" name="emergency" inline legend={t("field.emergency.label")} values={[values.emergency]} options={yesNo} />
          <SelectField
            id="f-cause"
            name="cause"
            label={t("field.cause.label")}
            error={msg("cause")}
            value={values.cause}
            options={CAUSES.map((v) => ({ value: v, label: t(`cause.${v}`) }))}
          />
        </fieldset>

        <fieldset className="mb-2">
          <legend className="mb-2 text-lg font-semibold">{t("form.amountsHeading")}</legend>
          <TextField id="f-total" name="total" inputMode="decimal" label={t("field.total.label")} hint={t(bill ? "field.total.hintBill" : "field.total.hint")} error={msg("total")} value={values.total} suffix={t("yuan")} />
          <TextField id="f-selfFunded" name="selfFunded" inputMode="decimal" label={t("field.selfFunded.label")} hint={t("field.selfFunded.hint")} error={msg("selfFunded")} value={values.selfFunded} suffix={t("yuan")} />
          {bill ? (
            <>
              <p className="mb-2 text-sm text-ink-muted">{t("form.settledIntro")}</p>
              {(["basic", "critical", "assistance"] as const).map((f) => (
                <TextField key={f} id={`f-${f}`} name={f} inputMode="decimal" label={t(`field.${f}.label`)} hint={t(`field.${f}.hint`)} error={msg(f)} value={values[f]} suffix={t("yuan")} />
              ))}
            </>
          ) : null}
          <TextField id="f-earlierTotal" name="earlierTotal" inputMode="decimal" label={t("field.earlierTotal.label")} hint={t("field.earlierTotal.hint")} error={msg("earlierTotal")} value={values.earlierTotal} suffix={t("yuan")} />
        </fieldset>
        <SubmitButton testId="estimate-submit">{t("form.submit")}</SubmitButton>
        <p className="mt-3 text-sm text-ink-muted">{t("form.privacy")}</p>
      </form>
    </>
  );
}
