import { notFound } from "next/navigation";
import { ProvisionalMark, ProvisionalWhy } from "@/components/applications/provisional";
import { Timeline } from "@/components/applications/timeline";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Num } from "@/components/ui/num";
import { serviceContext } from "@/lib/applications/context";
import { getSharedTimeline } from "@/lib/applications/viewers";
import { requireCitizen } from "@/lib/auth/guards";
import { frameTexts } from "@/lib/i18n/frame";
import { formatCalendarDate } from "@/lib/i18n/format";
import { timelineTexts } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/**
 * A family member's read-only view of an application shared with them: whose it is (masked), the status, the
 * timeline and what is still owed. Nothing else is in `SharedTimeline` (lib/applications/viewers.ts), and no
 * form on this page: a viewer never acts.
 */
export default async function SharedApplicationPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const user = await requireCitizen(lng, `/${lng}/me/shared/${id}`);
  const view = await getSharedTimeline(await serviceContext(), user.id, id);
  // Not shared with this phone, or no longer: the same answer as an application that does not exist.
  if (!view) notFound();
  const t = getT(lng, "apply");
  const tc = getT(lng, "common");
  const fmt = (d: string) => formatCalendarDate(d, lng);
  const why = (date: string) => t("provisional.why", { year: date.slice(0, 4) });
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("family.sharedTitle")} backHref={`/${lng}/me`}>
      <div className="mb-4" data-testid="shared-notice">
        <Notice>{t("family.sharedNotice", { name: view.applicantMasked })}</Notice>
      </div>
      <section className="mb-4 rounded-xl bg-cell p-4">
        <p className="font-mono text-xl font-bold" data-testid="reference"><Num>{view.reference}</Num></p>
        <p>
          {t("track.status")}：<strong data-testid="status">{tc(`status.${view.status}`)}</strong>
        </p>
      </section>
      {view.owed ? (
        <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="shared-owed-h" data-testid="shared-owed">
          <h2 id="shared-owed-h" className="mb-2 text-lg font-semibold">{t("family.owedHeading")}</h2>
          <p className="mb-2">
            {view.owed.dueOn ? t("family.owedDue", { date: fmt(view.owed.dueOn) }) : t("family.owed")}
            {view.owed.provisional && view.owed.dueOn ? (
              <>
                <ProvisionalMark mark={t("provisional.mark")} testId="shared-provisional" />
                <ProvisionalWhy why={why(view.owed.dueOn)} />
              </>
            ) : null}
          </p>
          <ul className="list-disc pl-5">
            {view.owed.documents.map((doc) => (
              <li key={doc}>{t(`documents.types.${doc}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="timeline-h" data-testid="shared-timeline">
        <h2 id="timeline-h" className="mb-3 text-lg font-semibold">{t("track.timeline")}</h2>
        <Timeline
          steps={view.timeline}
          overdue={view.overdue}
          labels={timelineTexts(t, lng, t("family.waitingForApplicant"))}
        />
      </section>
      <p className="text-sm text-ink-muted">{t("family.sharedReadOnly")}</p>
    </PageFrame>
  );
}
