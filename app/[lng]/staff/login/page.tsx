import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { StaffLoginForm } from "@/components/auth/staff-login-form";
import { PageFrame } from "@/components/shell/page-frame";
import { getSessionUser } from "@/lib/auth/session";
import { authErrorCodes, errorLabels } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

export default async function StaffLoginPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await getSessionUser();
  if (user?.kind === "staff") redirectWithinSite(`/${lng}/staff`);
  const t = getT(lng, "auth");
  return (
    <PageFrame lng={lng} title={t("staff.title")} backHref={`/${lng}`}>
      <p className="mb-4 text-ink-muted">{t("staff.intro")}</p>
      <div className="mb-4 rounded-xl bg-cell p-4">
        <StaffLoginForm
          afterSignIn={`/${lng}/staff`}
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
