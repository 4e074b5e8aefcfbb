import type { TFunction } from "i18next";

/** Every error message of a namespace's `errors` group, keyed by error code, for client forms. */
export function errorLabels(t: TFunction, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, t(`errors.${key}`)]));
}

export const authErrorCodes = [
  "phone-invalid",
  "code-invalid",
  "code-format",
  "code-expired",
  "code-attempts-exceeded",
  "rate-limited",
  "sms-unavailable",
  "credentials-invalid",
  "too-many-attempts",
  "required",
  "server-error",
  "generic",
] as const;

/** What the sign-in-by-code form and its demo notice show (components/auth/phone-code-sign-in.tsx). */
export function phoneCodeSignInTexts(t: TFunction, extraErrors: Record<string, string> = {}) {
  return {
    form: {
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
      errors: { ...errorLabels(t, authErrorCodes), ...extraErrors },
    },
    demoNotice: t("citizen.demoNotice"),
    openOutbox: t("citizen.openOutbox"),
  };
}
