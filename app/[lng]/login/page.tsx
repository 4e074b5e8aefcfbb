import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { PhoneCodeSignIn } from "@/components/auth/phone-code-sign-in";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { currentUser } from "@/lib/auth/guards";
import { phoneCodeSignInTexts } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { safeReturnPath } from "@/lib/preferences";

export default async function CitizenLoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<{ returnTo?: string }>;
}) {
  const lng = await pageLocale(params);
  const returnTo = safeReturnPath((await searchParams).returnTo, `/${lng}/me`);
  const user = await currentUser();
  if (user?.kind === "citizen") redirectWithinSite(returnTo);
  const t = getT(lng, "auth");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("citizen.title")} backHref={`/${lng}/me`}>
      <p className="mb-4 text-ink-muted">{t("citizen.intro")}</p>
      <PhoneCodeSignIn lng={lng} provider="citizen-otp" afterSignIn={returnTo} texts={phoneCodeSignInTexts(t)} />
      <p className="mb-4 text-sm text-ink-muted">{t("citizen.privacy")}</p>
      <Link href={`/${lng}/staff/login`} className="tap-target inline-flex items-center text-brand underline">
        {t("staff.title")}
      </Link>
    </PageFrame>
  );
}
