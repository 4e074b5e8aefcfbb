import { NextResponse } from "next/server";
import { largeTextCookie, largeTextCookieOptions, safeReturnPath } from "@/lib/preferences";

// A plain form post, so the switch works before (or without) JavaScript.
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const enabled = form?.get("enabled") === "1";
  const returnTo = safeReturnPath(form?.get("returnTo"), "/");
  const response = NextResponse.redirect(new URL(returnTo, request.url), 303);
  response.cookies.set(largeTextCookie, enabled ? "1" : "0", largeTextCookieOptions);
  return response;
}
