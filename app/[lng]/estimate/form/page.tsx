import { redirectWithinSite } from "@/lib/http/redirect";
import { EstimateForm } from "@/components/estimate/estimate-form";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { editAnchor, formQuery, isFormEdit, readForm, type SearchParams } from "@/lib/estimate/form";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export default async function Page({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<SearchParams> }) {
  const lng = await pageLocale(params);
  const t = getT(lng, "estimate");
  const sp = await searchParams;
  const values = readForm(sp);
  // "再加一次住院" / "再加一位家庭成员" / 删除 submit here: answer with the clean form URL, so a reload adds nothing twice.
  if (isFormEdit(sp)) redirectWithinSite(`/${lng}/estimate/form?${formQuery(values)}#${editAnchor(sp, values)}`, `/${lng}/estimate/form`);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t(values.mode === "bill" ? "form.titleBill" : "form.titleTypical")} backHref={`/${lng}/estimate`} query={formQuery(values)}>
      <EstimateForm lng={lng} t={t} values={values} errors={[]} />
    </PageFrame>
  );
}
