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

/** Only same-site paths may be returned to, so the form cannot be used as an open redirect. */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\")
    ? value
    : fallback;
}
