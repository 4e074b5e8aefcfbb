/**
 * Error codes the sign-in flows return. The UI translates them
 * (e.g. locales/<lng>/auth.json → "errors.code-expired"). No server imports:
 * client components may import this file.
 */

/** POST /api/v1/auth/otp → `{ error: { code } }`. */
export const OTP_REQUEST_ERRORS = ["phone-invalid", "rate-limited", "sms-unavailable"] as const;
export type OtpRequestError = (typeof OTP_REQUEST_ERRORS)[number];

/** signIn("citizen-otp", …) → `{ error }`. */
export const CITIZEN_SIGN_IN_ERRORS = [
  "phone-invalid",
  "code-invalid",
  "code-expired",
  "code-attempts-exceeded",
  "server-error",
] as const;
export type CitizenSignInError = (typeof CITIZEN_SIGN_IN_ERRORS)[number];

/** signIn("staff", …) → `{ error }`. */
export const STAFF_SIGN_IN_ERRORS = ["credentials-invalid", "too-many-attempts", "server-error"] as const;
export type StaffSignInError = (typeof STAFF_SIGN_IN_ERRORS)[number];

export type SignInError = CitizenSignInError | StaffSignInError;

const SIGN_IN_ERRORS: readonly string[] = [...CITIZEN_SIGN_IN_ERRORS, ...STAFF_SIGN_IN_ERRORS];

/** Narrow next-auth's `error` string to a known code ("server-error" for anything else, e.g. "CredentialsSignin"). */
export function toSignInError(error: string | null | undefined): SignInError | null {
  if (!error) return null;
  return (SIGN_IN_ERRORS.includes(error) ? error : "server-error") as SignInError;
}
