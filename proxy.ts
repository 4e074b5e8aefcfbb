import { NextResponse, type NextRequest } from "next/server";
import { i18nRouter } from "next-i18n-router";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage, locales } from "@/lib/i18n/settings";

// Every page: a Content-Security-Policy with a fresh nonce. Next finds the policy on the request and puts the nonce
// on its scripts; the browser gets the same policy on the response.
// Locale routing: `/` and unprefixed paths go to /zh-Hans/… or /zh-Hant/… by the saved choice, then Accept-Language.
export function proxy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  // i18nRouter hands a copy of these request headers on to the page.
  request.headers.set("content-security-policy", policy);
  const response = i18nRouter(request, {
    locales: [...locales],
    defaultLocale,
    prefixDefault: true,
    localeCookie,
    localeDetector: (req) => {
      const saved = req.cookies.get(localeCookie)?.value;
      return isLocale(saved) ? saved : localeFromAcceptLanguage(req.headers.get("accept-language"));
    },
  });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: "/((?!api|_next|static|.*\\..*).*)",
};
