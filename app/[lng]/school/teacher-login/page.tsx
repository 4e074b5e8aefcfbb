import { PhoneCodeSignIn } from "@/components/auth/phone-code-sign-in";
import { PageFrame } from "@/components/shell/page-frame";
import { currentUser } from "@/lib/auth/guards";
import { redirectWithinSite } from "@/lib/http/redirect";
import { frameTexts } from "@/lib/i18n/frame";
import { phoneCodeSignInTexts } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

/** A class teacher signs in with a one-time code to the phone the school admin invited. */
export default async function TeacherLoginPage({ params }: { params: Promise<{ lng: string }> }) {
  const lng = await pageLocale(params);
  const user = await currentUser();
  if (user?.kind === "staff" && user.role === "teacher") redirectWithinSite(`/${lng}/school/class`);
  const ts = getT(lng, "school");
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={ts("teacherLogin.title")} backHref={`/${lng}`}>
      <p className="mb-4 text-ink-muted">{ts("teacherLogin.intro")}</p>
      <PhoneCodeSignIn
        lng={lng}
        provider="teacher-otp"
        afterSignIn={`/${lng}/school/class`}
        texts={phoneCodeSignInTexts(getT(lng, "auth"), { "not-a-teacher": ts("teacherLogin.notATeacher") })}
      />
    </PageFrame>
  );
}
