import { LOCALES, type Locale } from "./types";

/**
 * The one way a request says which script it wants, for every JSON door (estimate, eligibility, the
 * CLI): the body's "locale" field; for a body that is not even JSON (raw text), an obvious
 * "locale": "zh-Hant" in its first 4 KB; anything else gets Simplified.
 */
export function requestLocale(body: unknown): Locale {
  if (typeof body === "string") return /"locale"\s*:\s*"zh-Hant"/.test(body.slice(0, 4096)) ? "zh-Hant" : "zh-Hans";
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const l = (body as Record<string, unknown>).locale;
    if (typeof l === "string" && (LOCALES as readonly string[]).includes(l)) return l as Locale;
  }
  return "zh-Hans";
}
