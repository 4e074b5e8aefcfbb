import type { Metadata } from "next";
import { EstimateForm } from "@/components/estimate/estimate-form";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { formQuery, readForm, type SearchParams } from "@/lib/estimate/form";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "estimate")("form.title") };
}

export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<SearchParams> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "estimate");
  const values = readForm(await searchParams);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t(values.mode === "bill" ? "form.titleBill" : "form.titleTypical")} backHref={`/${lng}/estimate`} query={formQuery(values)}>
      <EstimateForm lng={lng} values={values} errors={[]} />
    </PageFrame>
  );
}
