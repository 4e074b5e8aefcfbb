import { notFound } from "next/navigation";
import { ClassTable } from "@/components/school/class-table";
import { SeasonFileLinks } from "@/components/school/season-file-links";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { schoolDashboard } from "@/lib/schools/pupils";
import { schoolContextFor } from "@/lib/schools/school-context";
import { daysLeft, seasonFor, seasonPhase } from "@/lib/schools/season";

/** The school admin's dashboard: the season and its deadlines (policy pack), counts per class, the next actions. */
export default async function SchoolDashboardPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/school`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const t = getT(lng, "school");
  const season = seasonFor(ctx.policyPackId, ctx.today);
  const { classes, school } = await schoolDashboard(ctx.db, ctx.schoolId);
  const labels = {
    class: t("dashboard.class"),
    total: t("dashboard.total"),
    enrolled: t("dashboard.enrolled"),
    funded: t("dashboard.funded"),
    waiting: t("dashboard.waiting"),
    unpaid: t("dashboard.unpaid"),
    rate: t("dashboard.rate"),
  };
  const phase = season ? seasonPhase(season, ctx.today) : null;
  const left = season ? daysLeft(season, ctx.today) : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")}>
      <section className="mb-4 rounded-xl bg-cell p-4" data-testid="season">
        {season ? (
          <>
            <h2 className="text-lg font-semibold">{t("dashboard.season", { coverYear: season.coverYear, opens: season.opens, closes: season.closes })}</h2>
            <p className="mt-1 text-2xl font-semibold text-brand" data-testid="days-left">
              {phase === "open"
                ? left === 0
                  ? t("dashboard.lastDay")
                  : t("dashboard.daysLeft", { days: left })
                : phase === "late-payment"
                  ? t("dashboard.latePayment", { until: season.latePaymentUntil })
                  : phase === "before"
                    ? t("dashboard.before", { opens: season.opens })
                    : t("dashboard.closed")}
            </p>
            {season.schoolListDue ? (
              <p className="mt-1">
                {t("dashboard.listDue", { date: season.schoolListDue })}
                {season.schoolListDueProvisional ? t("dashboard.listDueProvisional") : ""}
              </p>
            ) : null}
            {season.waitingFixedMonths !== null ? (
              <p className="mt-2 text-sm">{t("dashboard.lapse", { fixed: season.waitingFixedMonths, perYear: season.waitingMonthsPerLapsedYear ?? 0 })}</p>
            ) : null}
            {season.rewardAfterContinuousYears !== null ? (
              <p className="mt-1 text-sm">{t("dashboard.reward", { years: season.rewardAfterContinuousYears, amount: season.rewardCriticalCapRise })}</p>
            ) : null}
            <p className="mt-1 text-sm text-ink-muted">{t("dashboard.assumed")}</p>
          </>
        ) : (
          <p>{t("dashboard.noSeason")}</p>
        )}
      </section>

      {school.funded > 0 ? (
        <div role="status" className="mb-4 rounded-xl border-2 border-brand bg-cell px-4 py-3 font-semibold" data-testid="funded-notice">
          {t("dashboard.fundedNotice", { count: school.funded })}
        </div>
      ) : null}
      <h2 className="mb-2 px-1 text-sm font-medium text-ink-muted">{t("dashboard.heading")}</h2>
      {school.total === 0 ? (
        <Notice>{t("dashboard.empty")}</Notice>
      ) : (
        <>
          <div className="mb-3">
            <ClassTable testId="school-total" labels={{ ...labels, class: "" }} rows={[{ key: "school", label: "", counts: school }]} />
          </div>
          <ClassTable
            testId="class-table"
            labels={labels}
            rows={classes.map((c) => ({
              key: `${c.grade}|${c.className}`,
              label: `${c.grade} ${c.className}`,
              counts: c.counts,
              href: `/${lng}/school/roster?grade=${encodeURIComponent(c.grade)}&class=${encodeURIComponent(c.className)}`,
            }))}
          />
        </>
      )}

      <section className="mt-4 rounded-xl bg-cell p-4" data-testid="next-actions">
        <h2 className="mb-2 font-semibold">{t("dashboard.next")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          {school.total === 0 ? <li>{t("dashboard.nextImport")}</li> : null}
          {school.waiting > 0 ? <li>{t("dashboard.nextVerify", { count: school.waiting })}</li> : null}
          {school.unpaid > 0 ? <li>{t("dashboard.nextChase", { count: school.unpaid })}</li> : null}
        </ul>
        <a href={`/${lng}/school/qr-sheet`} className="tap-target mt-3 flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="to-qr-sheet">
          {t("dashboard.toQrSheet")}
        </a>
        <div className="mt-3 grid grid-cols-3 gap-2">
          <a href={`/${lng}/school/import`} className="tap-target flex items-center justify-center rounded-lg bg-brand font-semibold text-white" data-testid="to-import">
            {t("dashboard.toImport")}
          </a>
          <a href={`/${lng}/school/roster`} className="tap-target flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="to-roster">
            {t("dashboard.toRoster")}
          </a>
          <a href={`/${lng}/school/teachers`} className="tap-target flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="to-teachers">
            {t("dashboard.toTeachers")}
          </a>
        </div>
        <SeasonFileLinks lng={lng} t={t} />
      </section>
      <a href={`/${lng}/school/cases`} className="tap-target mt-4 flex items-center rounded-xl bg-cell px-4 font-semibold text-brand" data-testid="to-cases">
        {getT(lng, "zhuanban")("link")}
      </a>
    </PageFrame>
  );
}
