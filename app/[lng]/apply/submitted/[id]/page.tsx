import { Num } from "@/components/ui/num";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { redirectWithinSite } from "@/lib/http/redirect";
import { PrintButton } from "@/components/apply/print-button";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { ProvisionalMark, ProvisionalWhy } from "@/components/applications/provisional";
import { addPeriod } from "@/lib/applications/procedure";
import { findArea } from "@/lib/applications/areas";
import { serviceContext } from "@/lib/applications/context";
import { getApplicationForCitizen } from "@/lib/applications/service";
import { requireCitizen } from "@/lib/auth/guards";
import { formatCalendarDate, formatDateTime, localName } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** The confirmation after submitting, which is also the receipt (prints without the app's chrome). */
export default async function SubmittedPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const user = await requireCitizen(lng, `/${lng}/apply/submitted/${id}`);
  const ctx = await serviceContext();
  const view = await getApplicationForCitizen(ctx, user.id, id);
  if (!view) notFound();
  const t = getT(lng, "apply");
  const tc = getT(lng, "common");
  const area = await findArea(ctx.db, view.areaCode);
  const tm = view.timings;
  // While it waits for 受理, the stored deadline is the date told (a recount never moves it earlier); after, the count.
  const acceptBy =
    view.status === "submitted" && view.currentDueOn
      ? { date: view.currentDueOn, provisional: view.currentDueProvisional }
      : view.state.submittedOn
        ? addPeriod(view.state.submittedOn, tm.acceptance)
        : null;
  const unit = (u: "working" | "calendar") => t(u === "working" ? "submitted.workingDays" : "submitted.calendarDays");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("submitted.title")}>
      <section className="mb-4 rounded-xl bg-brand-soft p-4 text-center" data-testid="confirmation">
        <p className="text-ink-muted">{t("submitted.reference")}</p>
        <p className="font-mono text-3xl font-bold tracking-wide" data-testid="reference">
          <Num>{view.reference}</Num>
        </p>
        <p className="mt-2 text-sm">{t("submitted.saveReference")}</p>
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="what-next">
        <h2 id="what-next" className="mb-2 text-lg font-semibold">
          {t("submitted.whatNext")}
        </h2>
        <ol className="list-decimal space-y-1 pl-5" data-testid="what-next">
          <li>
            {t("submitted.stepAcceptance", { date: acceptBy ? formatCalendarDate(acceptBy.date, lng) : "—", days: tm.acceptance.days })}
            {acceptBy?.provisional ? (
              <>
                <ProvisionalMark mark={t("provisional.mark")} testId="accept-by-provisional" />
                <ProvisionalWhy why={t("provisional.why", { year: acceptBy.date.slice(0, 4) })} />
              </>
            ) : null}
          </li>
          <li>{t("submitted.stepReview", { days: tm.review.days })}</li>
          <li>{t("submitted.stepPublicity", { days: tm.publicity.days, unit: unit(tm.publicity.unit) })}</li>
          <li>{t("submitted.stepApproval", { days: tm.approval.days })}</li>
          <li>{t("submitted.stepPayment", { days: tm.payment.days })}</li>
        </ol>
        {view.reliefType === "urgent" ? <p className="mt-3">{t("submitted.urgentNote")}</p> : null}
        {view.data.documentsToFollow.length ? (
          <div className="mt-3">
            <Notice tone="warn">{t("submitted.toFollowNote", { docs: view.data.documentsToFollow.map((d) => t(`documents.types.${d}`)).join("、") })}</Notice>
          </div>
        ) : null}
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="receipt" data-testid="receipt">
        <h2 id="receipt" className="mb-2 text-lg font-semibold">
          {t("submitted.receiptTitle")}
        </h2>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
          <dt className="text-ink-muted">{t("submitted.reference")}</dt>
          <dd className="font-mono"><Num>{view.reference}</Num></dd>
          <dt className="text-ink-muted">{t("submitted.submittedAt")}</dt>
          <dd>{view.submittedAt ? formatDateTime(view.submittedAt, lng) : ""}</dd>
          <dt className="text-ink-muted">{t("submitted.applicant")}</dt>
          <dd>{view.data.applicant?.name}</dd>
          <dt className="text-ink-muted">{t("submitted.area")}</dt>
          <dd>{area ? localName(area, lng) : ""}</dd>
          <dt className="text-ink-muted">{t("submitted.type")}</dt>
          <dd>{t(`options.reliefType.${view.reliefType}`)}</dd>
          <dt className="text-ink-muted">{t("track.status")}</dt>
          <dd>{tc(`status.${view.status}`)}</dd>
        </dl>
      </section>
      <div className="no-print space-y-3">
        <PrintButton label={t("submitted.receipt")} />
        <Link
          href={`/${lng}/progress/${view.id}`}
          className="tap-target inline-flex w-full items-center justify-center rounded-lg border border-brand text-lg font-semibold text-brand"
          data-testid="track-link"
        >
          {t("submitted.track")}
        </Link>
      </div>
    </PageFrame>
  );
}
