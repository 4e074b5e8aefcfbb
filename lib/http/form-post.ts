import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/settings";
import { safeReturnPath } from "@/lib/preferences";

/**
 * The plain HTML forms that post to route handlers (uploads, imports) name their page's script in `?lng=`
 * and are answered with a 303 back to a page: both read here, so every such route reads them the same way.
 */
export function formPostLocale(request: Request | URL): Locale {
  const url = request instanceof URL ? request : new URL(request.url);
  const lng = url.searchParams.get("lng") ?? "";
  return isLocale(lng) ? lng : defaultLocale;
}

/** 303 See Other to a path on this site; a path that would leave it goes to `fallback` instead. */
export function seeOther(path: string, fallback: string): Response {
  return new Response(null, { status: 303, headers: { Location: safeReturnPath(path, fallback) } });
}
