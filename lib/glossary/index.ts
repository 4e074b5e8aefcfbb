import zhHans from "@/locales/zh-Hans/glossary.json";
import zhHant from "@/locales/zh-Hant/glossary.json";
import type { Locale } from "@/lib/policy/types";

/**
 * The plain-language glossary (locales/<lng>/glossary.json): one sentence for each jargon term a result shows.
 * `termsIn` finds the terms a piece of text uses, so a page can explain them in place.
 */

interface Entry {
  term: string;
  text: string;
  aliases?: string[];
}
interface Catalog {
  heading: string;
  ask: string;
  terms: Record<string, Entry>;
}

const catalogs: Record<Locale, Catalog> = { "zh-Hans": zhHans as Catalog, "zh-Hant": zhHant as Catalog };

export interface GlossaryTerm {
  id: string;
  term: string;
  /** The one-sentence explanation. */
  text: string;
}

/** Every way a term is written, longest first, so 倾斜救助 is found before 倾斜 and claims its characters. */
const spellings = new Map<Locale, { id: string; spelling: string }[]>();
function spellingsOf(locale: Locale) {
  let list = spellings.get(locale);
  if (!list) {
    list = Object.entries(catalogs[locale].terms)
      .flatMap(([id, e]) => [e.term, ...(e.aliases ?? [])].map((spelling) => ({ id, spelling })))
      .sort((a, b) => b.spelling.length - a.spelling.length);
    spellings.set(locale, list);
  }
  return list;
}

/** The glossary terms used in these texts, in the order they first appear; a part of a longer term does not count. */
export function termsIn(locale: Locale, texts: readonly string[], except: readonly string[] = []): GlossaryTerm[] {
  const ids: string[] = [];
  for (const original of texts) {
    let text = original;
    const here: { id: string; at: number }[] = [];
    for (const { id, spelling } of spellingsOf(locale)) {
      const at = text.indexOf(spelling);
      if (at < 0) continue;
      here.push({ id, at });
      // Mask the match so a shorter term inside it (倾斜 in 倾斜救助) is not found again.
      text = text.split(spelling).join("\u0000".repeat(spelling.length));
    }
    for (const { id } of here.sort((a, b) => a.at - b.at)) if (!ids.includes(id) && !except.includes(id)) ids.push(id);
  }
  return ids.map((id) => glossaryTerm(locale, id));
}

export function glossaryTerm(locale: Locale, id: string): GlossaryTerm {
  const e = catalogs[locale].terms[id];
  if (!e) throw new Error(`no glossary term ${id}`);
  return { id, term: e.term, text: e.text };
}

export function glossaryIds(): string[] {
  return Object.keys(catalogs["zh-Hans"].terms);
}

/** "起付线是什么意思？" and the section heading. */
export function glossaryLabels(locale: Locale): { heading: string; ask: (term: string) => string } {
  const c = catalogs[locale];
  return { heading: c.heading, ask: (term) => c.ask.replace("{{term}}", term) };
}
