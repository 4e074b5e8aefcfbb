import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { CellGroup, LinkCell, NoteCell } from "@/components/ui/cells";
import { icons } from "@/components/ui/icons";
import { pageLocale } from "@/lib/i18n/page";
import { formatCalendarDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listPolicies } from "@/lib/policy";

export default async function ServicesPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const t = getT(lng);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("services.title")}>
      <p className="mb-4 text-ink-muted">{t("services.intro")}</p>
      <CellGroup heading={t("home.tasksHeading")} id="tasks">
        <LinkCell href={`/${lng}/eligibility`} title={t("home.eligibility")} hint={t("home.eligibilityHint")} icon={icons.eligibility} />
        <LinkCell href={`/${lng}/estimate`} title={t("home.estimate")} hint={t("home.estimateHint")} icon={icons.estimate} />
        <LinkCell href={`/${lng}/apply`} title={t("home.apply")} hint={t("home.applyHint")} icon={icons.apply} />
        <LinkCell href={`/${lng}/progress`} title={t("home.track")} hint={t("home.trackHint")} icon={icons.track} />
      </CellGroup>
      <section aria-labelledby="policies" className="mb-5" data-testid="policy-list">
        <h2 id="policies" className="mb-2 px-1 text-sm font-medium text-ink-muted">
          {t("services.policiesHeading")}
        </h2>
        <ul className="divide-y divide-line overflow-hidden rounded-xl bg-cell">
          {listPolicies().map((policy) => {
            const latest = policy.versions[policy.versions.length - 1];
            return (
              <li key={policy.id} className="px-4 py-3">
                <p className="font-medium">{policy.title[lng]}</p>
                <p className="text-sm text-ink-muted">{policy.region[lng]}</p>
                <p className="text-sm text-ink-muted">
                  {latest.to
                    ? t("services.policyEffectiveRange", { from: formatCalendarDate(latest.from, lng), to: formatCalendarDate(latest.to, lng) })
                    : t("services.policyEffective", { from: formatCalendarDate(latest.from, lng) })}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
      <CellGroup heading={t("home.othersHeading")} id="others">
        <LinkCell href={`/${lng}/staff/login`} title={t("home.staffSignIn")} hint={t("home.staffSignInHint")} icon={icons.desk} />
        <NoteCell testId="coming-later">{t("home.comingLater")}</NoteCell>
      </CellGroup>
    </PageFrame>
  );
}
