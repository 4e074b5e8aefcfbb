import { LOCALES, type Locale } from "@/lib/policy/types";

// One place for the language settings, shared by the proxy, server pages and client components.
// The scripts themselves are defined once, with the calculation module's types.
export type { Locale };
export const locales = LOCALES;
export const defaultLocale: Locale = "zh-Hans";
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: string | undefined | null): value is Locale {
  return value === "zh-Hans" || value === "zh-Hant";
}

// Regions that write Traditional characters; every other Chinese tag (and any other language) gets Simplified.
const traditionalTag = /^zh-(hant|tw|hk|mo)(-|$)/i;

/**
 * Picks the script from an Accept-Language header: the first language tag (by q-value)
 * that names Chinese decides; zh-TW, zh-HK, zh-MO and zh-Hant* mean Traditional.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const tags = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const qParam = params.find((p) => p.trim().startsWith("q="));
      const q = qParam ? Number(qParam.trim().slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const chinese = tags.find((entry) => /^zh(-|$)/i.test(entry.tag));
  if (!chinese) return defaultLocale;
  return traditionalTag.test(chinese.tag) ? "zh-Hant" : "zh-Hans";
}

/** Swaps the locale prefix of a path, keeping the rest of it (and its query) as it is. */
export function switchLocalePath(pathname: string, target: Locale): string {
  const segments = pathname.split("/");
  if (isLocale(segments[1])) {
    segments[1] = target;
    return segments.join("/");
  }
  return `/${target}${pathname === "/" ? "" : pathname}`;
}
