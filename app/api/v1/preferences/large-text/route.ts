import { NextResponse } from "next/server";
import { readBodyForm } from "@/lib/http/read-body";
import { largeTextCookie, largeTextCookieOptions, safeReturnPath } from "@/lib/preferences";

// A plain form post, so the switch works before (or without) JavaScript. The redirect is relative so it
// returns to the host the browser used (the cookie belongs to that host).
export async function POST(request: Request) {
  // Too large or malformed: no change, back to the start.
  const form = await readBodyForm(request).catch(() => null);
  const enabled = form?.get("enabled") === "1";
  const response = new NextResponse(null, { status: 303, headers: { Location: safeReturnPath(form?.get("returnTo"), "/") } });
  response.cookies.set(largeTextCookie, enabled ? "1" : "0", largeTextCookieOptions);
  return response;
}
