import zhHans from "../../locales/zh-Hans/eligibility.json";
import zhHant from "../../locales/zh-Hant/eligibility.json";
import type { Locale } from "@/lib/policy/types";

/** The eligibility texts live in locales/<lng>/eligibility.json under "rules"; {{name}} placeholders. */
const catalogs: Record<Locale, unknown> = { "zh-Hans": zhHans, "zh-Hant": zhHant };

export function text(locale: Locale, key: string, params: Record<string, string> = {}): string {
  let node: unknown = (catalogs[locale] as Record<string, unknown>).rules;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`missing eligibility text rules.${key} (${locale})`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? "");
}

export function listJoin(locale: Locale, items: string[]): string {
  return items.join(text(locale, "listSeparator"));
}
