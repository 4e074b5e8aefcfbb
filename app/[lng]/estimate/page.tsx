import { CellGroup, LinkCell, Notice } from "@/components/ui/cells";
import { icons } from "@/components/ui/icons";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { formQuery, readForm, type SearchParams } from "@/lib/estimate/form";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** 算报销: two ways in, keeping whatever was prefilled (from the screener or a previous estimate). */
export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<SearchParams> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "estimate");
  const sp = await searchParams;
  const keep = readForm(sp);
  const prefill = (mode: "bill" | "typical") =>
    formQuery({ mode, policy: keep.policy, insurance: keep.insurance, cat: keep.cat, age: keep.age, ...(sp.date ? { date: keep.date } : {}) });
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")} backHref={`/${lng}`}>
      <p className="mb-4 px-1 text-base">{t("intro")}</p>
      <CellGroup heading={t("choose")} id="choose">
        <LinkCell href={`/${lng}/estimate/form?${prefill("bill")}`} title={t("withBill")} hint={t("withBillHint")} icon={icons.estimate} />
        <LinkCell href={`/${lng}/estimate/form?${prefill("typical")}`} title={t("withoutBill")} hint={t("withoutBillHint")} icon={icons.eligibility} />
      </CellGroup>
      <Notice>{t("result.disclaimer")}</Notice>
    </PageFrame>
  );
}
