import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { ChoiceField, ErrorSummary, SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { hasFamilyRule } from "@/lib/estimate/family-rule";
import {
  MAX_MEMBERS,
  MAX_STAYS,
  MEMBER_FIELDS,
  STAY_FIELDS,
  fieldId,
  formQuery,
  memberParam,
  memberStayParam,
  type EstimateFormValues,
  type FieldError,
  type FieldName,
  type MemberValues,
  type StayField,
  type StayValues,
} from "@/lib/estimate/form";
import type { EstimateTexts } from "@/lib/i18n/texts";
import type { Locale } from "@/lib/i18n/settings";
import { listPolicies } from "@/lib/policy";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES } from "@/lib/policy/types";

/** The estimate form: a plain GET form to the result page, so it works before (or without) JavaScript. */
export function EstimateForm({ lng, t, values, errors }: { lng: Locale; t: EstimateTexts; values: EstimateFormValues; errors: FieldError[] }) {
  const several = values.stays.length > 1;
  const household = values.otherMembers.length > 0;
  // Which member (1-based) and bill (1-based, 0 for a person field) a field belongs to; null for place fields.
  const whereIs = (field: FieldName): { member: number; stay: number; leaf: string } | null => {
    const other = /^m(\d+)\.(?:s(\d+)\.)?(\w+)$/.exec(field);
    if (other) return { member: Number(other[1]), stay: other[2] ? Number(other[2]) : 0, leaf: other[3] };
    const stay = /^s(\d+)\.(\w+)$/.exec(field);
    if (stay) return { member: 1, stay: Number(stay[1]), leaf: stay[2] };
    if ((STAY_FIELDS as readonly string[]).includes(field)) return { member: 1, stay: 1, leaf: field };
    if ((MEMBER_FIELDS as readonly string[]).includes(field)) return { member: 1, stay: 0, leaf: field };
    return null;
  };
  // A field's label says which member and bill when there are several, so errors and screen readers name the right one.
  const labelOf = (field: FieldName) => {
    const at = whereIs(field);
    const label = t(`field.${at ? at.leaf : field}.label`);
    if (!at) return label;
    if (household) return at.stay ? t("form.memberStayField", { m: at.member, n: at.stay, label }) : t("form.memberField", { m: at.member, label });
    return several && at.stay ? t("form.stayField", { n: at.stay, label }) : label;
  };
  const msg = (field: FieldName) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    if (e.message) return e.message;
    const label = labelOf(field);
    const text = t(`error.${e.code}`, { field: label });
    // A message that does not name its field (e.g. the age rule) says whose field it is in a household.
    const at = whereIs(field);
    return household && at && !text.includes(label) ? t("form.memberError", { m: at.member, message: text }) : text;
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
        {household ? <input type="hidden" name="members" value={values.otherMembers.length + 1} /> : null}
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
          <legend className="mb-2 text-lg font-semibold">{household ? t("form.memberHeading", { n: 1 }) : t("form.personHeading")}</legend>
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
          <StayFields key={i} lng={lng} t={t} member={0} index={i} count={values.stays.length} boxed={several || household} stay={stay} bill={bill} msg={msg} yesNo={yesNo} />
        ))}
        {values.stays.length < MAX_STAYS ? (
          <div className="mb-4 rounded-xl bg-cell px-4 py-3">
            <p id="add-stay-hint" className="mb-2 text-sm text-ink-muted">{t("form.addStayHint")}</p>
            <EditButton lng={lng} name="addStay" value="1" describedBy="add-stay-hint" testId="add-stay">
              {household ? t("form.memberAddStay", { n: 1 }) : t("form.addStay")}
            </EditButton>
          </div>
        ) : null}
        {values.otherMembers.map((m, k) => (
          <MemberFields key={k} lng={lng} t={t} member={k + 1} values={m} bill={bill} msg={msg} yesNo={yesNo} />
        ))}
        {/* Only where the place's pack has a family-level rule (浙江 低保 / 低边 家庭 兜底); elsewhere nothing. */}
        {values.otherMembers.length + 1 < MAX_MEMBERS ? <FamilyOptionStyle /> : null}
        {values.otherMembers.length + 1 < MAX_MEMBERS ? (
          <div className={`family-option mb-4 rounded-xl bg-cell px-4 py-3${hasFamilyRule(values.policy) ? " known" : ""}`} data-testid="family-option">
            <p id="add-member-hint" className="mb-2 text-sm text-ink-muted">{t("form.addMemberHint")}</p>
            <EditButton lng={lng} name="addMember" value="1" describedBy="add-member-hint" testId="add-member">
              {t("form.addMember")}
            </EditButton>
          </div>
        ) : null}
        <SubmitButton testId="estimate-submit">{t("form.submit")}</SubmitButton>
        <p className="mt-3 text-sm text-ink-muted">{t("form.privacy")}</p>
      </form>
    </>
  );
}


/**
 * Shows "再加一位家庭成员" only while the place chosen has a family-level rule, as the select changes and without
 * JavaScript (CSS :has). Server-side the option starts visible when the page's pack has one (`known`), hidden
 * otherwise, so a browser without :has still offers it once the place is in the URL.
 */
function FamilyOptionStyle() {
  const family = listPolicies().filter((p) => hasFamilyRule(p.id)).map((p) => `[value=${p.id}]`);
  if (!family.length) return null;
  const chosen = "#estimate-form:has(#f-policy option:checked";
  const css =
    ".family-option:not(.known){display:none}" +
    `${chosen}:not(${family.join(",")})) .family-option{display:none}` +
    `${chosen}:is(${family.join(",")})) .family-option{display:block}`;
  return <style>{css}</style>;
}

/** A submit button that edits the form (adds or removes a bill or a member): it goes to the form page, unvalidated. */
function EditButton({
  lng,
  name,
  value,
  describedBy,
  testId,
  danger = false,
  children,
}: {
  lng: Locale;
  name: string;
  value: string;
  describedBy?: string;
  testId: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      formAction={`/${lng}/estimate/form`}
      formNoValidate
      aria-describedby={describedBy}
      data-testid={testId}
      className={
        danger
          ? "tap-target w-full rounded-xl border border-danger bg-cell px-4 py-2 text-base text-danger"
          : "tap-target w-full rounded-xl border border-brand bg-cell px-4 py-3 text-base text-brand"
      }
    >
      {children}
    </button>
  );
}

/**
 * Another household member (member ≥ 1, 0-based): what they say about themself and their bills, all under
 * `m<n>.` names (memberParam, memberStayParam), with ways to add a bill and to remove the member.
 */
function MemberFields({
  lng, t,
  member,
  values,
  bill,
  msg,
  yesNo,
}: {
  lng: Locale;
  t: EstimateTexts;
  member: number;
  values: MemberValues;
  bill: boolean;
  msg: (field: FieldName) => string | undefined;
  yesNo: { value: string; label: string }[];
}) {
  const n = member + 1;
  const name = (f: (typeof MEMBER_FIELDS)[number]) => memberParam(f, member);
  return (
    <fieldset id={`member-${n}`} className="mb-4 rounded-xl border-2 border-brand px-3 pt-1 pb-3" data-testid={`member-${n}`}>
      <legend className="px-1 text-lg font-semibold">{t("form.memberHeading", { n })}</legend>
      <p className="mb-2 text-sm text-ink-muted">{t("form.memberIntro")}</p>
      {values.stays.length > 1 ? <input type="hidden" name={memberParam("stays", member)} value={values.stays.length} /> : null}
      <ChoiceField
        id={fieldId(name("insurance"))}
        name={name("insurance")}
        legend={t("field.insurance.label")}
        error={msg(name("insurance"))}
        values={[values.insurance]}
        options={INSURANCES.map((v) => ({ value: v, label: t(`insurance.${v}`) }))}
      />
      <ChoiceField
        id={fieldId(name("cat"))}
        name={name("cat")}
        type="checkbox"
        legend={t("field.cat.label")}
        hint={t("field.cat.hint")}
        error={msg(name("cat"))}
        values={values.cat}
        options={CATEGORIES.map((v) => ({ value: v, label: t(`category.${v}.label`), hint: t(`category.${v}.hint`) }))}
      />
      <TextField id={fieldId(name("age"))} name={name("age")} inputMode="numeric" label={t("field.age.label")} hint={t("field.age.hint")} error={msg(name("age"))} value={values.age} suffix={t("field.age.suffix")} />
      {values.stays.map((stay, i) => (
        <StayFields key={i} lng={lng} t={t} member={member} index={i} count={values.stays.length} boxed stay={stay} bill={bill} msg={msg} yesNo={yesNo} />
      ))}
      <div className="flex flex-col gap-2">
        {values.stays.length < MAX_STAYS ? (
          <EditButton lng={lng} name="addStay" value={`m${n}`} testId={`add-stay-m${n}`}>
            {t("form.memberAddStay", { n })}
          </EditButton>
        ) : null}
        <EditButton lng={lng} name="removeMember" value={String(n)} testId={`remove-member-${n}`} danger>
          {t("form.removeMember", { n })}
        </EditButton>
      </div>
    </fieldset>
  );
}

/** One bill: its care settings and amounts, under names of its own (memberStayParam), with a way to remove it. */
function StayFields({
  lng, t,
  member,
  index,
  count,
  boxed,
  stay,
  bill,
  msg,
  yesNo,
}: {
  lng: Locale;
  /** The estimate namespace's texts, from the page. */
  t: EstimateTexts;
  /** Which household member's bill (0 = the one-person form's). */
  member: number;
  index: number;
  count: number;
  /** Its own box with a heading and a date (several bills, or a household), else the one-bill layout. */
  boxed: boolean;
  stay: StayValues;
  bill: boolean;
  msg: (field: FieldName) => string | undefined;
  yesNo: { value: string; label: string }[];
}) {
  const several = boxed;
  const name = (f: StayField) => memberStayParam(f, member, index);
  const boxId = member === 0 ? `stay-${index + 1}` : `m${member + 1}-stay-${index + 1}`;
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
    <fieldset id={boxId} className="mb-4 rounded-xl border border-line px-3 pt-1 pb-2" data-testid={boxId}>
      <legend className="px-1 text-lg font-semibold">{t("form.stayHeading", { n: index + 1 })}</legend>
      {care}
      {amounts}
      {count > 1 ? (
        <EditButton lng={lng} name="removeStay" value={member === 0 ? String(index + 1) : `m${member + 1}.${index + 1}`} testId={`remove-${boxId}`} danger>
          {member === 0 ? t("form.removeStay", { n: index + 1 }) : t("form.memberRemoveStay", { m: member + 1, n: index + 1 })}
        </EditButton>
      ) : null}
    </fieldset>
  );
}
