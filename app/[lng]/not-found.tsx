import { Link } from "@/components/ui/link";
import { lng as rootLng } from "next/root-params";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { getT } from "@/lib/i18n/server";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

export default async function NotFound() {
  const raw = await rootLng();
  const lng = isLocale(raw) ? raw : defaultLocale;
  const t = getT(lng);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("errors.notFoundTitle")} backHref={`/${lng}`}>
      <div className="rounded-xl bg-cell p-4" data-testid="not-found">
        <p className="mb-4">{t("errors.notFoundBody")}</p>
        <Link href={`/${lng}`} className="tap-target inline-flex items-center rounded-lg bg-brand px-4 text-white">
          {t("errors.backHome")}
        </Link>
      </div>
    </PageFrame>
  );
}
