import zhHans from "../../locales/zh-Hans/policy.json";
import zhHant from "../../locales/zh-Hant/policy.json";
import type { Locale } from "./types";

/**
 * All text the engine emits comes from locales/<lng>/policy.json. Templates use
 * i18next-style {{placeholders}}; each is compiled once into literal/slot parts
 * so rendering is a single pass with no regular expressions.
 */

/** A template as literals around its placeholders: lits[0] slot[0] lits[1] … lits[n]. */
interface Compiled {
  lits: string[];
  slots: string[];
}

const catalogs: Record<Locale, Map<string, Compiled>> = {
  "zh-Hans": compileCatalog(zhHans as Record<string, unknown>),
  "zh-Hant": compileCatalog(zhHant as Record<string, unknown>),
};

function compileCatalog(tree: Record<string, unknown>): Map<string, Compiled> {
  const out = new Map<string, Compiled>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === "string") {
      out.set(prefix, compileTemplate(node));
      return;
    }
    if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(tree, "");
  return out;
}

export function compileTemplate(text: string): Compiled {
  const lits: string[] = [];
  const slots: string[] = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf("{{", i);
    const close = open < 0 ? -1 : text.indexOf("}}", open + 2);
    if (close < 0) {
      lits.push(text.slice(i));
      return { lits, slots };
    }
    lits.push(text.slice(i, open));
    slots.push(text.slice(open + 2, close).trim());
    i = close + 2;
  }
}

export type Vars = Record<string, string | number>;

export class MissingMessageError extends Error {}

/** Render the template `key` in `locale`; throws on a missing key (a bug, caught by the tests). */
export function t(locale: Locale, key: string, vars?: Vars): string {
  const compiled = catalogs[locale].get(key);
  if (!compiled) throw new MissingMessageError(`missing message ${locale}:${key}`);
  const { lits, slots } = compiled;
  let out = lits[0];
  for (let i = 0; i < slots.length; i++) {
    const v = vars?.[slots[i]];
    if (v !== undefined) out += typeof v === "string" ? v : String(v);
    out += lits[i + 1];
  }
  return out;
}

/** The placeholder names a template uses (so callers compute only what is shown). */
export function slots(locale: Locale, key: string): string[] {
  const compiled = catalogs[locale].get(key);
  if (!compiled) throw new MissingMessageError(`missing message ${locale}:${key}`);
  return [...compiled.slots];
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
  return [...catalogs[locale].keys()];
}

/** Join list items the way each script writes an enumeration. */
export function list(locale: Locale, items: string[]): string {
  return items.join(t(locale, "common.listSeparator"));
}
