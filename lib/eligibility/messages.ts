import zhHans from "@/locales/zh-Hans/eligibility.json";
import zhHant from "@/locales/zh-Hant/eligibility.json";
import { TemplateCatalog } from "@/lib/policy/template";
import type { Locale } from "@/lib/policy/types";

/** The eligibility texts live in locales/<lng>/eligibility.json under "rules"; {{name}} placeholders, rendered by the shared template helper. */
const catalogs: Record<Locale, TemplateCatalog> = {
  "zh-Hans": new TemplateCatalog(zhHans.rules, "eligibility zh-Hans rules"),
  "zh-Hant": new TemplateCatalog(zhHant.rules, "eligibility zh-Hant rules"),
};

export function text(locale: Locale, key: string, params: Record<string, string> = {}): string {
  return catalogs[locale].t(key, params);
}

export function listJoin(locale: Locale, items: string[]): string {
  return items.join(text(locale, "listSeparator"));
}
