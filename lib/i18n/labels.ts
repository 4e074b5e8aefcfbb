import type { TFunction } from "i18next";
import { formatCalendarDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

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

/**
 * The words of an application's timeline (components/applications/timeline.tsx) for its applicant and for a
 * family member following it; `t` is the "apply" namespace; only the "waiting for" line differs between them.
 */
export function timelineTexts(t: TFunction, lng: Locale, waitingForYou: string) {
  return {
    step: (s: string) => t(`track.steps.${s}`),
    state: (s: string) => t(`track.states.${s}`),
    doneOn: (d: string) => t("track.doneOn", { date: d }),
    dueBy: (d: string) => t("track.dueBy", { date: d }),
    waitingForYou,
    overdue: t("track.overdue"),
    formatDate: (d: string) => formatCalendarDate(d, lng),
    provisional: t("provisional.mark"),
    provisionalWhy: (date: string) => t("provisional.why", { year: date.slice(0, 4) }),
  };
}

/** The pager under a paged staff list (components/ui/pager.tsx). */
export function pagerTexts(t: TFunction, window: { page: number; pageCount: number; total: number }) {
  return {
    label: t("pager.label"),
    previous: t("pager.previous"),
    next: t("pager.next"),
    position: t("pager.position", { page: window.page, pages: window.pageCount, total: window.total }),
  };
}
