import { randomUUID } from "node:crypto";
import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import type { ReactNode } from "react";
import { Num } from "@/components/ui/num";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { SubmitButton } from "@/components/apply/submit-button";
import { SECTION_IDS } from "@/lib/applications/draft-schema";
import { procedureTimings } from "@/lib/applications/procedure";
import { findArea } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { getOrCreateDraft, maskData, sectionStatuses } from "@/lib/applications/service";
import { requireCitizen } from "@/lib/auth/guards";
import { formatMoney, localName } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { submitAction } from "@/app/[lng]/apply/actions";

export default async function ReviewPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await requireCitizen(lng, `/${lng}/apply/review`);
  const t = getT(lng, "apply");
  const ctx = await serviceContext();
  const draft = await getOrCreateDraft(ctx, user.id);
  const statuses = sectionStatuses(draft.data, draft.documents.map((d) => d.docType));
  const missing = SECTION_IDS.filter((s) => statuses[s] !== "completed");
  const m = maskData(draft.data);
  const area = await findArea(ctx.db, m.applicant?.areaCode);
  const timings = procedureTimings(area?.policyPackId);
  const rows: [string, string, ReactNode][] = [];
  const add = (section: string, label: string, value: ReactNode | undefined | null) => {
    if (value) rows.push([section, label, value]);
  };
  add("applicant", t("fields.applicant.name"), m.applicant?.name);
  add("applicant", t("fields.applicant.idNumber"), m.applicant?.idNumberMasked ? <Num>{m.applicant.idNumberMasked}</Num> : null);
  add("applicant", t("fields.applicant.phone"), m.applicant?.phoneMasked ? <Num>{m.applicant.phoneMasked}</Num> : null);
  add("applicant", t("fields.applicant.areaCode"), area ? localName(area, lng) : null);
  add("patient", t("fields.patient.relationship"), m.patient ? t(`options.relationship.${m.patient.relationship}`) : null);
  add("patient", t("fields.patient.name"), m.patient?.name);
  add("patient", t("fields.patient.idNumber"), m.patient?.idNumberMasked ? <Num>{m.patient.idNumberMasked}</Num> : null);
  add("household", t("fields.household.size"), m.household ? String(m.household.size) : null);
  add("household", t("fields.household.monthlyIncome"), m.household ? <Num>{formatMoney(m.household.monthlyIncome, lng)}</Num> : null);
  add("illness", t("fields.illness.diagnosis"), m.illness?.diagnosis);
  add("illness", t("fields.illness.totalCost"), m.illness ? <Num>{formatMoney(m.illness.totalCost, lng)}</Num> : null);
  add("reason", t("fields.reason.reliefType"), m.reason ? t(`options.reliefType.${m.reason.reliefType}`) : null);
  add("bank", t("fields.bank.account"), m.bank ? <>{m.bank.bankName} <Num>{m.bank.accountMasked}</Num></> : null);
  add("documents", t("sections.documents.title"), String(draft.documents.length));
  add("documents", t("review.toFollow"), m.documentsToFollow.map((d) => t(`documents.types.${d}`)).join("、") || t("review.none"));
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("review.title")} backHref={`/${lng}/apply`}>
      <p className="mb-4">{t("review.intro")}</p>
      {missing.length ? (
        <div className="mb-4" role="alert" data-testid="review-missing">
          <Notice tone="warn">
            <p className="font-semibold">{t("review.missingHeading")}</p>
            <ul className="list-disc pl-5">
              {missing.map((s) => (
                <li key={s}>
                  <Link className="target-link underline" href={`/${lng}/apply/${s}`}>
                    {t(`sections.${s}.title`)}
                  </Link>
                </li>
              ))}
            </ul>
          </Notice>
        </div>
      ) : null}
      <dl className="mb-5 divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="review-summary">
        {rows.map(([section, label, value], i) => (
          <div key={i} className="grid grid-cols-[7rem_1fr] items-start gap-2 px-4 py-3">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="flex items-start justify-between gap-2">
              <span className="min-w-0 break-words">{value}</span>
              <Link href={`/${lng}/apply/${section}`} className="tap-target -my-3 inline-flex shrink-0 items-center justify-end text-brand underline">
                {t("review.change")}
                <span className="sr-only">{label}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      {missing.length === 0 ? (
        <form action={submitAction.bind(null, lng)} data-testid="submit-form">
          {/* One key per rendering of this page: a double tap or a resend submits once. */}
          <input type="hidden" name="submitKey" value={randomUUID()} />
          <p className="mb-3 text-sm text-ink-muted">{t("review.submitNote", { days: timings.acceptance.days })}</p>
          <SubmitButton label={t("review.submit")} />
        </form>
      ) : null}
    </PageFrame>
  );
}
