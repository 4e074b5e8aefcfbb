import { Link } from "@/components/ui/link";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { readState, stateQuery, type Query } from "@/lib/eligibility/screener";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** 查资格: the start page of the one-question-per-page screener. */
export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Query> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "eligibility");
  const query = stateQuery(readState(await searchParams));
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")} backHref={`/${lng}`}>
      <div className="rounded-xl bg-cell px-4 py-4">
        <p className="text-base">{t("intro")}</p>
        <p className="mt-2 text-sm text-ink-muted">{t("howLong")}</p>
        <Link
          href={`/${lng}/eligibility/q/place${query ? `?${query}` : ""}`}
          className="tap-target mt-4 flex items-center justify-center rounded-xl bg-brand px-4 py-3 text-lg font-semibold text-white"
          data-testid="start"
        >
          {t("start")}
        </Link>
      </div>
      <div className="mt-4">
        <Notice>{t("results.disclaimer")}</Notice>
      </div>
    </PageFrame>
  );
}
