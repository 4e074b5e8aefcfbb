import { NextResponse, type NextRequest } from "next/server";
import { i18nRouter } from "next-i18n-router";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage, locales } from "@/lib/i18n/settings";

// Locale routing: `/` and unprefixed paths go to /zh-Hans/… or /zh-Hant/… by the saved choice, then Accept-Language.
export function proxy(request: NextRequest): NextResponse {
  return i18nRouter(request, {
    locales: [...locales],
    defaultLocale,
    prefixDefault: true,
    localeCookie,
    localeDetector: (req) => {
      const saved = req.cookies.get(localeCookie)?.value;
      return isLocale(saved) ? saved : localeFromAcceptLanguage(req.headers.get("accept-language"));
    },
  });
}

export const config = {
  matcher: "/((?!api|_next|static|.*\\..*).*)",
};
