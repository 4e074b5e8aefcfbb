import { notFound } from "next/navigation";
import { ClassTable } from "@/components/school/class-table";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Num } from "@/components/ui/num";
import { NumText, numSlot } from "@/components/ui/num-text";
import { requireStaff } from "@/lib/auth/guards";
import { EDUCATION_ROLES } from "@/lib/auth/roles";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { serviceContext } from "@/lib/applications/context";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { areaOverview } from "@/lib/schools/education-overview";
import { listAreaCases } from "@/lib/schools/zhuanban/cases";

/** Area education staff (the 专班 office): each school's counts, and the area's 专班 cases masked. No pupil rows. Audited. */
export default async function EducationPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/staff/education`, EDUCATION_ROLES);
  const { db, now: clock } = await serviceContext();
  const now = clock ? clock() : new Date();
  const overview = await areaOverview(db, user.actor, calendarDateInChina(now), now);
  if (!overview) notFound();
  const cases = await listAreaCases(db, user.actor, now);
  const t = getT(lng, "zhuanban");
  const ts = getT(lng, "school");
  const labels = {
    class: "",
    total: ts("dashboard.total"),
    enrolled: ts("dashboard.enrolled"),
    funded: ts("dashboard.funded"),
    waiting: ts("dashboard.waiting"),
    unpaid: ts("dashboard.unpaid"),
    rate: ts("dashboard.rate"),
  };
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("education.title")} backHref={`/${lng}/staff`}>
      <p className="mb-3">{t("education.intro")}</p>
      <section className="mb-4" data-testid="education-schools">
        <h2 className="mb-1 px-1 text-lg font-semibold">
          {t("education.schools")} · {overview.areaName[lng]}
        </h2>
        <p className="mb-2 px-1 font-medium text-brand" data-testid="education-days-left">
          {overview.daysLeft !== null ? t("education.daysLeft", { days: overview.daysLeft }) : t("education.notOpen")}
        </p>
        <ClassTable testId="school-table" labels={labels} rows={overview.schools.map((s) => ({ key: s.schoolId, label: s.name[lng], counts: s.counts }))} />
      </section>
      <section data-testid="education-cases">
        <h2 className="mb-2 px-1 text-lg font-semibold">{t("education.cases")}</h2>
        {cases.length === 0 ? (
          <Notice>{t("education.casesNone")}</Notice>
        ) : (
          <ul className="space-y-3">
            {cases.map((c) => (
              <li key={c.id} className="rounded-xl bg-cell p-4" data-testid="education-case">
                <p className="font-semibold">
                  <Num>{c.pupilNameMasked}</Num> · {c.schoolName[lng]}
                </p>
                <p className="text-sm text-ink-muted">{t("education.opened", { date: formatDate(c.createdAt, lng) })}</p>
                <p className={`text-sm font-semibold ${c.status === "closed" ? "text-ink" : "text-brand"}`} data-testid="education-case-status" data-status={c.status}>
                  {c.status === "closed" ? (
                    <NumText
                      text={t("education.closed", { date: numSlot("date"), amount: numSlot("amount") })}
                      values={{ date: c.closedAt ? formatDate(c.closedAt, lng) : "", amount: formatMoney(c.outcome?.grantedTotal ?? "0", lng) }}
                    />
                  ) : (
                    t("education.open")
                  )}
                </p>
                {c.illness ? <p className="text-sm">{t("education.illnessShared", { illness: c.illness })}</p> : null}
                <ul className="mt-2 space-y-1 text-sm">
                  {c.items.map((item) => (
                    <li key={item.id} className="flex justify-between gap-2" data-testid={`education-item-${item.id}`}>
                      <span>{t(`items.${item.id}.label`)}</span>
                      <span className="font-medium">{t(`states.${item.state}`)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageFrame>
  );
}
