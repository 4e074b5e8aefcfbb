import { ComingSoon } from "@/components/shell/coming-soon";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export default async function Page({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const t = getT(lng);
  const feature = t("home.school");
  return (
    <ComingSoon
      lng={lng}
      feature={feature}
      labels={{ title: t("comingSoon.title"), body: t("comingSoon.body", { feature }), toServices: t("comingSoon.toServices") }}
    />
  );
}
