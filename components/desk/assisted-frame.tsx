import type { PersonCard } from "@/lib/people/persons";

/**
 * Whose session this is, on every page of an assisted session: large, masked, readable across the desk
 * (the frame's 长辈版 switch makes everything larger still). The applicant sees the form is theirs.
 */
export function AssistedFrame({ person, texts }: { person: PersonCard; texts: { whose: string; noPhone: string; note?: string } }) {
  return (
    <section className="mb-4 rounded-xl border-2 border-brand bg-cell p-4" aria-labelledby="whose-h" data-testid="assisted-frame">
      <p id="whose-h" className="text-sm text-ink-muted">
        {texts.whose}
      </p>
      <p className="text-2xl font-bold" data-testid="session-person">
        {person.nameMasked}
      </p>
      <p>
        {person.idNumberMasked} · {person.phoneMasked ?? texts.noPhone}
      </p>
      {texts.note ? <p className="mt-1 text-sm text-ink-muted">{texts.note}</p> : null}
    </section>
  );
}
