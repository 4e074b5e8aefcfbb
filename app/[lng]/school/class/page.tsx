import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/school/season-file-links";
import { PupilStatusText } from "@/components/school/pupil-status";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { TEACHER_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { classViewFor } from "@/lib/schools/class-view";

/** The class teacher's page: their class only, statuses to chase, never why a pupil is funded. */
export default async function ClassPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school/class`, TEACHER_ROLES);
  const { db } = await serviceContext();
  const view = await classViewFor(db, user.actor);
  if (!view) notFound();
  const t = getT(lng, "school");
  const c = view.counts;
  const unpaid = view.rows.filter((r) => r.status === "unpaid");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={`${view.grade} ${view.className}`}>
      <h2 className="mb-2 text-lg font-semibold">{t("class.heading")}</h2>
      <a href={`/${lng}/school/qr-sheet`} className="tap-target mb-3 flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="to-qr-sheet">
        {t("class.qrSheet")}
      </a>
      {c.total === 0 ? (
        <Notice>{t("class.empty")}</Notice>
      ) : (
        <>
          <p className="mb-3 rounded-xl bg-cell p-4" data-testid="class-counts">
            {t("class.counts", { total: c.total, covered: c.enrolled + c.funded + c.elsewhere, unpaid: c.unpaid, waiting: c.waiting, rate: c.rate })}
          </p>
          {unpaid.length > 0 ? <p className="mb-2 px-1 text-sm text-ink-muted">{t("class.chase")}</p> : null}
          <h3 className="mb-2 px-1 text-sm font-medium text-ink-muted">{t("class.all")}</h3>
          <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="class-roster">
            {view.rows.map((r) => (
              <li key={r.id} className="flex items-baseline justify-between gap-2 px-4 py-3" data-testid="class-pupil">
                <span className="font-medium">{r.nameMasked}</span>
                <span data-testid="class-pupil-status" data-status={r.status} className={r.status === "unpaid" ? "text-right font-semibold text-danger" : "text-right"}>
                  <PupilStatusText t={t} lng={lng} status={r.status} amountDue={r.amountDue} />
                </span>
              </li>
            ))}
          </ul>
          <ExportLinks t={t} />
        </>
      )}
    </PageFrame>
  );
}
