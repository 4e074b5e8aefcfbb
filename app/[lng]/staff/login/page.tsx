import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { StaffLoginForm } from "@/components/auth/staff-login-form";
import { PageFrame } from "@/components/shell/page-frame";
import { currentUser, staffHomePath } from "@/lib/auth/guards";
import { authErrorCodes, errorLabels } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { safeReturnPath } from "@/lib/preferences";

export default async function StaffLoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<{ returnTo?: string }>;
}) {
  const lng = await pageLocale(params);
  const returnTo = safeReturnPath((await searchParams).returnTo, staffHomePath(lng));
  const user = await currentUser();
  if (user?.kind === "staff") redirectWithinSite(returnTo);
  const t = getT(lng, "auth");
  return (
    <PageFrame lng={lng} title={t("staff.title")} backHref={`/${lng}`}>
      <p className="mb-4 text-ink-muted">{t("staff.intro")}</p>
      <div className="mb-4 rounded-xl bg-cell p-4">
        <StaffLoginForm
          afterSignIn={returnTo}
          labels={{
            usernameLabel: t("staff.usernameLabel"),
            passwordLabel: t("staff.passwordLabel"),
            submit: t("staff.submit"),
            errors: errorLabels(t, authErrorCodes),
          }}
        />
      </div>
      <Link href={`/${lng}/login`} className="tap-target inline-flex items-center text-brand underline">
        {t("staff.citizenLink")}
      </Link>
    </PageFrame>
  );
}
