import { Link } from "@/components/ui/link";

export type HandedOverTexts = { done: string; doneAt: string | null; backToDesk: string; deskHref: string };

/** A session handed over to the applicant's phone: that it was and when, nothing of the applicant or the draft. */
export function HandedOver({ texts }: { texts: HandedOverTexts }) {
  return (
    <section className="rounded-xl border-2 border-brand bg-cell p-4" data-testid="session-ended">
      <p className="text-xl font-bold" data-testid="handed-over">
        {texts.done}
      </p>
      {texts.doneAt ? <p className="mt-2">{texts.doneAt}</p> : null}
      <p className="mt-3">
        <Link href={texts.deskHref} className="target-link text-brand underline">
          {texts.backToDesk}
        </Link>
      </p>
    </section>
  );
}
