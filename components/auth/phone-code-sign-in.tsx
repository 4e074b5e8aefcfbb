import { CitizenLoginForm, type CitizenLoginLabels } from "@/components/auth/citizen-login-form";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { isDemoMode } from "@/lib/config/env";

/**
 * Sign-in by a one-time code to a phone, as citizens and class teachers do it: the two-step form and, in the
 * demo, the way to the SMS outbox. Texts: phoneCodeSignInTexts (lib/i18n/labels.ts).
 */
export function PhoneCodeSignIn({
  lng,
  provider,
  afterSignIn,
  texts,
}: {
  lng: string;
  provider: "citizen-otp" | "teacher-otp";
  afterSignIn: string;
  texts: { form: CitizenLoginLabels; demoNotice: string; openOutbox: string };
}) {
  return (
    <>
      <div className="mb-4 rounded-xl bg-cell p-4">
        <CitizenLoginForm provider={provider} afterSignIn={afterSignIn} labels={texts.form} />
      </div>
      {isDemoMode() ? (
        <div className="mb-4">
          <Notice tone="warn">
            <p>{texts.demoNotice}</p>
            <Link href={`/${lng}/dev/outbox`} target="_blank" className="target-link mt-1 font-medium underline" data-testid="outbox-link">
              {texts.openOutbox}
            </Link>
          </Notice>
        </div>
      ) : null}
    </>
  );
}
