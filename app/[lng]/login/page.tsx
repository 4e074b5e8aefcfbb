import { Link } from "@/components/ui/link";
import { redirectWithinSite } from "@/lib/http/redirect";
import { CitizenLoginForm } from "@/components/auth/citizen-login-form";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { currentUser } from "@/lib/auth/guards";
import { isDemoMode } from "@/lib/config/env";
import { authErrorCodes, errorLabels } from "@/lib/i18n/labels";
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
      <div className="mb-4 rounded-xl bg-cell p-4">
        <CitizenLoginForm
          afterSignIn={returnTo}
          labels={{
            phoneLabel: t("citizen.phoneLabel"),
            phoneHint: t("citizen.phoneHint"),
            sendCode: t("citizen.sendCode"),
            resend: t("citizen.resend"),
            resendIn: t("citizen.resendIn", { seconds: "{{seconds}}" }),
            codeSent: t("citizen.codeSent", { phone: "{{phone}}" }),
            codeLabel: t("citizen.codeLabel"),
            codeHint: t("citizen.codeHint"),
            submit: t("citizen.submit"),
            changePhone: t("citizen.changePhone"),
            errors: errorLabels(t, authErrorCodes),
          }}
        />
      </div>
      {isDemoMode() ? (
        <div className="mb-4">
          <Notice tone="warn">
            <p>{t("citizen.demoNotice")}</p>
            <Link href={`/${lng}/dev/outbox`} target="_blank" className="target-link mt-1 font-medium underline" data-testid="outbox-link">
              {t("citizen.openOutbox")}
            </Link>
          </Notice>
        </div>
      ) : null}
      <p className="mb-4 text-sm text-ink-muted">{t("citizen.privacy")}</p>
      <Link href={`/${lng}/staff/login`} className="tap-target inline-flex items-center text-brand underline">
        {t("staff.title")}
      </Link>
    </PageFrame>
  );
}
