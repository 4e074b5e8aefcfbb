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
      <p className="sr-only">{labels.heading}</p>
      <div className="flex flex-wrap gap-x-3">
        {terms.map((term) => (
          <details key={term.id} className="group basis-full sm:basis-auto" data-testid={`term-${term.id}`}>
            <summary className="cursor-pointer py-1 text-brand underline decoration-dotted">{labels.ask(term.term)}</summary>
            <p className="rounded-lg bg-brand-soft px-3 py-2">{term.text}</p>
          </details>
        ))}
      </div>
    </div>
  );
}
