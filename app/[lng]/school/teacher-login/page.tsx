import { CitizenLoginForm } from "@/components/auth/citizen-login-form";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { currentUser } from "@/lib/auth/guards";
import { isDemoMode } from "@/lib/config/env";
import { redirectWithinSite } from "@/lib/http/redirect";
import { frameTexts } from "@/lib/i18n/frame";
import { authErrorCodes, errorLabels } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** A class teacher signs in with a one-time code to the phone the school admin invited. */
export default async function TeacherLoginPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await currentUser();
  if (user?.kind === "staff" && user.role === "teacher") redirectWithinSite(`/${lng}/school/class`);
  const t = getT(lng, "auth");
  const ts = getT(lng, "school");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={ts("teacherLogin.title")} backHref={`/${lng}`}>
      <p className="mb-4 text-ink-muted">{ts("teacherLogin.intro")}</p>
      <div className="mb-4 rounded-xl bg-cell p-4">
        <CitizenLoginForm
          provider="teacher-otp"
          afterSignIn={`/${lng}/school/class`}
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
            errors: { ...errorLabels(t, authErrorCodes), "not-a-teacher": ts("teacherLogin.notATeacher") },
          }}
        />
      </div>
      {isDemoMode() ? (
        <Notice tone="warn">
          <p>{t("citizen.demoNotice")}</p>
          <Link href={`/${lng}/dev/outbox`} target="_blank" className="mt-1 inline-block font-medium underline">
            {t("citizen.openOutbox")}
          </Link>
        </Notice>
      ) : null}
    </PageFrame>
  );
}
