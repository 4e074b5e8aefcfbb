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
