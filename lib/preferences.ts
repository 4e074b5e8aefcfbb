import { cookies } from "next/headers";

export const largeTextCookie = "yz_large_text";
const oneYearSeconds = 60 * 60 * 24 * 365;

export async function isLargeText(): Promise<boolean> {
  return (await cookies()).get(largeTextCookie)?.value === "1";
}

export const largeTextCookieOptions = {
  path: "/",
  maxAge: oneYearSeconds,
  sameSite: "lax" as const,
  httpOnly: false,
};

// Browsers drop tabs and newlines from URLs (so "/\t/evil.example" becomes "//evil.example") and a newline in a
// Location header makes Node throw: any control character, space or backslash makes a path unsafe.
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/;
const PROBE_ORIGIN = "http://return-path.invalid";

function isSafePath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_CHARACTER.test(value)) return false;
  try {
    // Whatever the browser would make of it must stay on this site.
    return new URL(value, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Only same-site paths may be returned to, so no form or link can be used as an open redirect. The path part is
 * also checked after percent-decoding (up to three rounds), so "/%09/evil.example" or "/%2F%2Fevil.example" handed
 * on to another redirect cannot turn into an off-site address either. (The query may hold encoded text of any kind.)
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2048 || !isSafePath(value)) return fallback;
  let path = value.split(/[?#]/, 1)[0];
  for (let round = 0; round < 3; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return fallback;
    }
    if (decoded === path) return value;
    if (!isSafePath(decoded)) return fallback;
    path = decoded;
  }
  return fallback;
}
