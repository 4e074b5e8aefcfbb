import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirectWithinSite } from "@/lib/http/redirect";
import { prefillQuery } from "@/lib/applications/draft-schema";
import { EstimateForm } from "@/components/estimate/estimate-form";
import { FamilyResult } from "@/components/estimate/family-result";
import { ResultView } from "@/components/estimate/result-view";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { formQuery, isFormEdit, isSubmitted, readForm, runEstimate, settledReimbursed, type FieldError, type SearchParams } from "@/lib/estimate/form";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { WhoToCall } from "@/components/contacts/who-to-call";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";

export const metadata: Metadata = { robots: { index: false } };

/** The result is rebuilt from the query string on every request: this URL is the share link. */
export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<SearchParams> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "estimate");
  const sp = await searchParams;
  const values = readForm(sp);
  // A browser that ignores formaction sends the add / remove buttons here: show the form again, not a result.
  if (isFormEdit(sp)) redirectWithinSite(`/${lng}/estimate/form?${formQuery(values)}`, `/${lng}/estimate/form`);
  const outcome = isSubmitted(sp) ? runEstimate(values, lng) : { ok: false as const, errors: [] as FieldError[] };
  const query = formQuery(values);
  if (!outcome.ok) {
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t(values.mode === "bill" ? "form.titleBill" : "form.titleTypical")} backHref={`/${lng}/estimate`} query={query}>
        <EstimateForm lng={lng} t={t} values={values} errors={outcome.errors} />
      </PageFrame>
    );
  }
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const sharePath = `/${lng}/estimate/result?${query}`;
  // Only money received goes forward: the amounts typed off the slips, never the layers the module estimated.
  const applyQuery = prefillQuery({ policy: values.policy, total: outcome.result.total, reimbursed: settledReimbursed(outcome.request) });
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("result.title")} backHref={`/${lng}/estimate/form?${query}`} query={query}>
      <ResultView
        lng={lng}
        t={t}
        result={outcome.result}
        shareUrl={`${proto}://${host}${sharePath}`}
        sharePath={sharePath}
        changeHref={`/${lng}/estimate/form?${query}`}
        assumedTypical={values.mode === "typical"}
        earlierMerged={values.earlierMerged}
        stays={outcome.household ? [] : outcome.request.episodes.map((e) => ({ date: e.date, kind: e.kind }))}
        eligibilityHref={`/${lng}/eligibility`}
        applyHref={`/${lng}/apply?${applyQuery.toString()}`}
        family={
          outcome.household ? (
            <FamilyResult
              lng={lng}
              t={t}
              result={outcome.result}
              stays={outcome.request.household.members.map((m) => m.episodes.map((e) => ({ date: e.date, kind: e.kind })))}
            />
          ) : undefined
        }
      />
      {/* Left off the printed A4 page, which stays one page. */}
      <WhoToCall t={getT(lng, "common")} packId={values.policy} on={calendarDateInChina(await requestNow())} className="mt-4 print:hidden" />
    </PageFrame>
  );
}
