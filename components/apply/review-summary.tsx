import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { Num } from "@/components/ui/num";
import type { DraftData } from "@/lib/applications/draft-schema";
import { maskData } from "@/lib/applications/service";
import { formatMoney, localName } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

/**
 * The draft's answers before submitting, masked, each with a link to change it: the applicant's own
 * review (/apply/review) and the summary a desk worker reads back to the applicant (/desk/sessions/…/apply/review).
 * `enteredBy` (assisted drafts) adds who gave each answer.
 */
export function ReviewSummary({
  lng,
  t,
  data,
  documentsCount,
  area,
  sectionHref,
  enteredBy,
}: {
  lng: Locale;
  /** The page's apply-namespace texts (components get their texts from the page). */
  t: (key: string, params?: Record<string, unknown>) => string;
  data: DraftData;
  documentsCount: number;
  area: { nameZhHans: string; nameZhHant: string } | null;
  sectionHref: (section: string) => string;
  enteredBy?: { labels: Record<"worker" | "applicant", string> };
}) {
  const m = maskData(data);
  const rows: [string, string, string | null, ReactNode][] = [];
  const add = (section: string, field: string | null, label: string, value: ReactNode | undefined | null) => {
    if (value) rows.push([section, label, field ? `${section}.${field}` : null, value]);
  };
  add("applicant", "name", t("fields.applicant.name"), m.applicant?.name);
  add("applicant", "idNumber", t("fields.applicant.idNumber"), m.applicant?.idNumberMasked ? <Num>{m.applicant.idNumberMasked}</Num> : null);
  add("applicant", "phone", t("fields.applicant.phone"), m.applicant?.phoneMasked ? <Num>{m.applicant.phoneMasked}</Num> : null);
  add("applicant", "areaCode", t("fields.applicant.areaCode"), area ? localName(area, lng) : null);
  add("patient", "relationship", t("fields.patient.relationship"), m.patient ? t(`options.relationship.${m.patient.relationship}`) : null);
  add("patient", "name", t("fields.patient.name"), m.patient?.name);
  add("patient", "idNumber", t("fields.patient.idNumber"), m.patient?.idNumberMasked ? <Num>{m.patient.idNumberMasked}</Num> : null);
  add("household", "size", t("fields.household.size"), m.household ? String(m.household.size) : null);
  add("household", "monthlyIncome", t("fields.household.monthlyIncome"), m.household ? <Num>{formatMoney(m.household.monthlyIncome, lng)}</Num> : null);
  add("illness", "diagnosis", t("fields.illness.diagnosis"), m.illness?.diagnosis);
  add("illness", "totalCost", t("fields.illness.totalCost"), m.illness ? <Num>{formatMoney(m.illness.totalCost, lng)}</Num> : null);
  // What was already paid decides what the family paid itself: the caseworker reads it, so the family checks it here.
  add("illness", "reimbursed", t("fields.illness.reimbursed"), m.illness ? <Num>{formatMoney(m.illness.reimbursed || "0", lng)}</Num> : null);
  add("reason", "reliefType", t("fields.reason.reliefType"), m.reason ? t(`options.reliefType.${m.reason.reliefType}`) : null);
  add("bank", "account", t("fields.bank.account"), m.bank ? <>{m.bank.bankName} <Num>{m.bank.accountMasked}</Num></> : null);
  add("documents", null, t("sections.documents.title"), t("review.documentsCount", { count: documentsCount }));
  add("documents", null, t("review.toFollow"), m.documentsToFollow.map((d) => t(`documents.types.${d}`)).join("、") || t("review.none"));
  return (
    <dl className="mb-5 divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="review-summary">
      {rows.map(([section, label, key, value], i) => {
        const by = enteredBy && key ? data.enteredBy?.[key] : undefined;
        return (
          <div key={i} className="grid grid-cols-[6rem_1fr] items-start gap-2 px-4 py-3">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="flex items-start justify-between gap-2">
              <span className="min-w-0 break-words">
                {value}
                {by ? (
                  <span className="ml-2 rounded-full bg-page px-2 text-sm text-ink-muted" data-testid={`entered-by-${key}`} data-by={by}>
                    {enteredBy!.labels[by]}
                  </span>
                ) : null}
              </span>
              <Link href={sectionHref(section)} className="tap-target -my-3 inline-flex shrink-0 items-center justify-end text-brand underline">
                {t("review.change")}
                <span className="sr-only">{label}</span>
              </Link>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
