import zhHans from "../../locales/zh-Hans/policy.json";
import zhHant from "../../locales/zh-Hant/policy.json";
import { type CompiledTemplate, TemplateCatalog, type Vars } from "./template";
import type { Locale } from "./types";

export { compileTemplate, MissingMessageError, type Vars } from "./template";
export { renderTemplate as render } from "./template";

/** All text the engine emits comes from locales/<lng>/policy.json, rendered by the shared template helper (./template.ts). */
const catalogs: Record<Locale, TemplateCatalog> = {
  "zh-Hans": new TemplateCatalog(zhHans, "zh-Hans"),
  "zh-Hant": new TemplateCatalog(zhHant, "zh-Hant"),
};

/** Render the template `key` in `locale`; throws on a missing key (a bug, caught by the tests). */
export function t(locale: Locale, key: string, vars?: Vars): string {
  return catalogs[locale].t(key, vars);
}

/** The compiled template `key` of `locale`, for texts rendered on every estimate (render fills it; no lookup by key each time). */
export function template(locale: Locale, key: string): CompiledTemplate {
  return catalogs[locale].template(key);
}

/** The placeholder names a template uses (so callers compute only what is shown). */
export function slots(locale: Locale, key: string): string[] {
  return catalogs[locale].slots(key);
}

export function has(locale: Locale, key: string): boolean {
  return catalogs[locale].has(key);
}

/** Both scripts at once (for listings). */
export function both(key: string, vars?: Vars): Record<Locale, string> {
  return { "zh-Hans": t("zh-Hans", key, vars), "zh-Hant": t("zh-Hant", key, vars) };
}

/** All keys of a locale (tests compare the two scripts). */
export function keys(locale: Locale): string[] {
  return catalogs[locale].keys();
}

/** Each script's enumeration separator, looked up once. */
const LIST_SEPARATOR: Record<Locale, string> = {
  "zh-Hans": t("zh-Hans", "common.listSeparator"),
  "zh-Hant": t("zh-Hant", "common.listSeparator"),
};

/** Join list items the way each script writes an enumeration. */
export function list(locale: Locale, items: string[]): string {
  return items.join(LIST_SEPARATOR[locale]);
}
