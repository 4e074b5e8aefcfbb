import type { Metadata } from "next";
import { headers } from "next/headers";
import { PAY_STEP_PICTURES, PayStepPicture } from "@/components/school/pay-step-pictures";
import { PupilStatusText } from "@/components/school/pupil-status";
import { PageFrame } from "@/components/shell/page-frame";
import { NumText, numSlot } from "@/components/ui/num-text";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { getClientIp } from "@/lib/auth/client-ip";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";
import { serviceContext } from "@/lib/applications/context";
import { frameTexts } from "@/lib/i18n/frame";
import { formatCalendarDate, formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { parentPupilView, resolveParentToken } from "@/lib/schools/parent-links";
import { daysLeft, seasonFor, seasonPhase } from "@/lib/schools/season";

// A token in the address: never indexed, never sent on as a referrer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

const ERRORS = ["no-file", "too-large", "bad-type", "damaged", "not-needed", "not-found"];

/**
 * The parent's page for one pupil, opened from the class QR sheet without an account: the child (masked),
 * the status (a funded child reads "no payment needed", never why), the deadline counted down from the
 * policy pack, how to pay, why it matters, and the receipt upload (a plain form: works without JavaScript).
 */
export default async function ParentPupilPage({ params, searchParams }: { params: Promise<{ lng: string; token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const { token } = await params;
  const query = await searchParams;
  const t = getT(lng, "school");
  const now = await requestNow();
  const db = (await serviceContext()).db;
  const resolved = await resolveParentToken(db, token, { ip: getClientIp(await headers()), now });
  const view = resolved.ok ? await parentPupilView(db, resolved.reach, resolved.reach.pupilId) : null;
  if (!view) {
    const message = !resolved.ok && resolved.code === "expired" ? "expired" : !resolved.ok && resolved.code === "rate-limited" ? "rateLimited" : "invalid";
    return (
      <PageFrame lng={lng} texts={frameTexts(lng)} title={t("parent.invalidTitle")}>
        <div role="alert" className="rounded-xl border-2 border-danger bg-cell px-4 py-3" data-testid="parent-link-invalid" data-reason={message}>
          {t(`parent.${message}`)}
        </div>
      </PageFrame>
    );
  }
  const today = calendarDateInChina(now);
  const season = seasonFor(view.policyPackId, today);
  const phase = season ? seasonPhase(season, today) : null;
  const left = season ? daysLeft(season, today) : 0;
  const date = (d: string) => formatCalendarDate(d, lng);
  const error = query.error && ERRORS.includes(query.error) ? query.error : null;
  const mayUpload = view.status === "unpaid" || view.status === "paid-unverified";
  const school = lng === "zh-Hant" ? view.schoolName.zhHant : view.schoolName.zhHans;
  // Partial 资助参保: the amount still the family's to pay (never why part of it is funded).
  const partDue = view.amountDue && mayUpload ? view.amountDue : null;
  const paySteps = t("parent.paySteps", { returnObjects: true, year: view.coverYear }) as unknown as { text: string; alt: string }[];
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("parent.title")}>
      <p className="mb-3 px-1 text-lg font-semibold" data-testid="parent-pupil">
        {t("parent.who", { school, name: view.nameMasked })}
      </p>
      {query.uploaded ? (
        <div role="status" className="mb-3 rounded-xl border-2 border-brand bg-cell px-4 py-3" data-testid="parent-uploaded">
          {t("parent.uploaded")}
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="parent-error">
          {t(`parent.errors.${error}`)}
        </div>
      ) : null}

      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="status-heading">
        <h2 id="status-heading" className="mb-1 text-sm font-medium text-ink-muted">
          {t("parent.statusHeading")}
        </h2>
        <p className={`text-2xl font-semibold ${view.status === "unpaid" ? "text-danger" : "text-brand"}`} data-testid="parent-status" data-status={view.status}>
          <PupilStatusText t={t} lng={lng} status={view.status} amountDue={view.amountDue} />
        </p>
        <p className="mt-1">{t(partDue && view.status === "unpaid" ? "partFunded.hint" : `parent.statusHint.${view.status}`, { year: view.coverYear })}</p>
        {view.receipts > 0 ? <p className="mt-1 text-sm text-ink-muted">{t("parent.receipts", { count: view.receipts })}</p> : null}
      </section>

      {season && mayUpload ? (
        <section className="mb-4 rounded-xl bg-cell p-4" data-testid="parent-deadline">
          <h2 className="mb-1 text-sm font-medium text-ink-muted">{t("parent.deadlineHeading")}</h2>
          <p>{t("parent.deadline", { coverYear: season.coverYear, opens: date(season.opens), closes: date(season.closes) })}</p>
          <p className="mt-1 text-2xl font-semibold text-brand" data-testid="parent-days-left">
            {phase === "open"
              ? left === 0
                ? t("parent.lastDay")
                : t("parent.daysLeft", { days: left })
              : phase === "late-payment"
                ? t("parent.latePayment", { until: date(season.latePaymentUntil!) })
                : phase === "before"
                  ? t("parent.before", { opens: date(season.opens) })
                  : t("parent.closed")}
          </p>
          {season.waitingFixedMonths !== null ? <p className="mt-2 text-sm">{t("parent.lapse", { fixed: season.waitingFixedMonths, perYear: season.waitingMonthsPerLapsedYear ?? 0 })}</p> : null}
          <p className="mt-1 text-sm text-ink-muted">{t("parent.assumed")}</p>
        </section>
      ) : null}

      {mayUpload ? (
        <>
          <section className="mb-4 rounded-xl bg-cell p-4" data-testid="parent-pay">
            <h2 className="mb-2 font-semibold">{t("parent.payHeading")}</h2>
            {partDue ? (
              <p className="mb-3 rounded-lg bg-brand-soft px-3 py-2 font-semibold" data-testid="parent-pay-amount">
                <NumText text={t("parent.payAmount", { amount: numSlot("amount") })} values={{ amount: formatMoney(partDue, lng) }} />
              </p>
            ) : null}
            <ol className="space-y-4" data-testid="pay-steps">
              {paySteps.map((step, i) => (
                <li key={PAY_STEP_PICTURES[i]} className="rounded-lg border border-line p-3" data-testid="pay-step">
                  <p className="flex gap-2">
                    <span className="font-semibold text-brand" aria-hidden="true">
                      {i + 1}.
                    </span>
                    <span>{step.text}</span>
                  </p>
                  {PAY_STEP_PICTURES[i] ? <PayStepPicture picture={PAY_STEP_PICTURES[i]} alt={step.alt} /> : null}
                </li>
              ))}
            </ol>
            <p className="mt-3">{t("parent.payOther")}</p>
            <p className="mt-2 text-sm text-ink-muted">{t("parent.payNote")}</p>
          </section>
          <section className="mb-4 rounded-xl bg-cell p-4">
            <h2 className="mb-2 font-semibold">{t("parent.uploadHeading")}</h2>
            <form method="post" action={`/api/v1/school/parent-receipt?lng=${lng}&t=${encodeURIComponent(token)}`} encType="multipart/form-data" className="space-y-3">
              <label className="block">
                <span className="mb-1 block font-medium">{t("parent.file")}</span>
                <input type="file" name="file" accept="image/jpeg,image/png,image/webp,image/heic,application/pdf" aria-describedby="receipt-hint" className="block w-full" data-testid="receipt-file" />
                <span id="receipt-hint" className="mt-1 block text-sm text-ink-muted">
                  {t("parent.uploadHint")}
                </span>
              </label>
              <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="receipt-upload">
                {t("parent.upload")}
              </button>
            </form>
          </section>
        </>
      ) : null}

      <section className="mb-4 rounded-xl bg-cell p-4" data-testid="parent-why">
        <h2 className="mb-2 font-semibold">{t("parent.whyHeading")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          {(t("parent.why", { returnObjects: true }) as unknown as string[]).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="mt-2">{t("parent.whyNote")}</p>
        <Link href={`/${lng}/estimate`} className="tap-target mt-2 inline-flex items-center font-semibold text-brand" data-testid="parent-estimate-link">
          {t("parent.estimateLink")}
        </Link>
      </section>
      {!season ? <Notice>{t("dashboard.noSeason")}</Notice> : null}
    </PageFrame>
  );
}
