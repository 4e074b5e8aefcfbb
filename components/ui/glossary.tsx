import { glossaryLabels, termsIn } from "@/lib/glossary";
import type { Locale } from "@/lib/i18n/settings";

/**
 * The jargon in a card, explained in place: one native <details> per term (works without JavaScript; the summary
 * is a button to keyboards and screen readers, and says which word it explains).
 */
export function GlossaryTerms({ lng, texts, except = [], testId }: { lng: Locale; texts: readonly string[]; except?: readonly string[]; testId?: string }) {
  const terms = termsIn(lng, texts, except);
  if (!terms.length) return null;
  const labels = glossaryLabels(lng);
  return (
    <div className="glossary mt-2 text-sm" data-testid={testId ?? "glossary"}>
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="text-ink-muted">{labels.heading}：</span>
        {terms.map((term) => {
          const [before, after] = labels.ask(term.term).split(term.term);
          // The term is what shows; the question around it is read out, so the control says what it opens.
          return (
            <details key={term.id} className="basis-auto open:basis-full" data-testid={`term-${term.id}`}>
              <summary className="cursor-pointer py-1 text-brand underline decoration-dotted">
                {before ? <span className="sr-only">{before}</span> : null}
                {term.term}
                {after ? <span className="sr-only">{after}</span> : null}
              </summary>
              <p className="rounded-lg bg-brand-soft px-3 py-2">{term.text}</p>
            </details>
          );
        })}
      </div>
    </div>
  );
}
