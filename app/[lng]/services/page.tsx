import { PageFrame } from "@/components/shell/page-frame";
import { CellGroup, LinkCell } from "@/components/ui/cells";
import { icons } from "@/components/ui/icons";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export default async function ServicesPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const t = getT(lng);
  return (
    <PageFrame lng={lng} title={t("services.title")}>
      <p className="mb-4 text-ink-muted">{t("services.intro")}</p>
      <CellGroup heading={t("home.tasksHeading")} id="tasks">
        <LinkCell href={`/${lng}/eligibility`} title={t("home.eligibility")} hint={t("home.eligibilityHint")} icon={icons.eligibility} />
        <LinkCell href={`/${lng}/estimate`} title={t("home.estimate")} hint={t("home.estimateHint")} icon={icons.estimate} />
        <LinkCell href={`/${lng}/apply`} title={t("home.apply")} hint={t("home.applyHint")} icon={icons.apply} />
        <LinkCell href={`/${lng}/progress`} title={t("home.track")} hint={t("home.trackHint")} icon={icons.track} />
      </CellGroup>
      <CellGroup heading={t("home.othersHeading")} id="others">
        <LinkCell href={`/${lng}/school`} title={t("home.school")} hint={t("home.schoolHint")} icon={icons.school} />
        <LinkCell href={`/${lng}/staff/login`} title={t("home.desk")} hint={t("home.deskHint")} icon={icons.desk} />
      </CellGroup>
    </PageFrame>
  );
}
