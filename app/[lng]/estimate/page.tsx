import { ComingSoon } from "@/components/shell/coming-soon";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export default async function Page({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  return <ComingSoon lng={lng} feature={getT(lng)("home.estimate")} />;
}
