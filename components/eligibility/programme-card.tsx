import { Disclosure } from "@/components/form/fields";
import { GlossaryTerms } from "@/components/ui/glossary";
import type { ProgrammeResult } from "@/lib/eligibility";
import type { Locale } from "@/lib/i18n/settings";

const badge = {
  eligible: "bg-brand text-white",
  maybe: "bg-warn-soft text-ink border border-ink",
  "not-eligible": "bg-page text-ink border border-line",
} as const;

export type ProgrammeCardLabels = {
  status: Record<ProgrammeResult["status"], string>;
  needsRecognition: string;
  reasons: string;
  nextSteps: string;
  documents: string;
  office: string;
  basis: string;
  listSeparator: string;
};

/** One programme: status in words (never colour alone), reasons, next steps, documents, office and sources. */
export function ProgrammeCard({ lng, programme, labels }: { lng: Locale; programme: ProgrammeResult; labels: ProgrammeCardLabels }) {
  const p = programme;
  const statusLabel = labels.status[p.status];
  return (
    <li className="rounded-xl bg-cell px-4 py-3" data-testid={`programme-${p.id}`} data-status={p.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">{p.name}</h3>
        <span className={`rounded-full px-2 py-0.5 text-sm ${badge[p.status]}`}>
          {statusLabel}
          {p.needsRecognition ? ` · ${labels.needsRecognition}` : ""}
        </span>
      </div>
      <h4 className="sr-only">{labels.reasons}</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {p.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {p.status !== "not-eligible" && p.nextSteps.length ? (
        <>
          <h4 className="mt-2 text-sm font-semibold">{labels.nextSteps}</h4>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {p.nextSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </>
      ) : null}
      {p.status !== "not-eligible" && p.documents.length ? (
        <>
          <h4 className="mt-2 text-sm font-semibold">{labels.documents}</h4>
          <p className="text-sm">{p.documents.join(labels.listSeparator)}</p>
        </>
      ) : null}
      {p.status !== "not-eligible" ? (
        <p className="mt-2 text-sm">
          <span className="font-semibold">{labels.office}：</span>
          {p.office}
        </p>
      ) : null}
      <GlossaryTerms lng={lng} texts={[p.name, ...p.reasons, ...(p.status !== "not-eligible" ? p.nextSteps : [])]} testId={`glossary-${p.id}`} />
      {p.sources.length ? (
        <Disclosure summary={labels.basis}>
          <ul className="space-y-2">
            {p.sources.map((s, i) => (
              <li key={i}>
                <p className="font-medium">
                  {s.title ?? s.document} · {s.clause}
                </p>
                {s.quote ? <blockquote className="border-l-4 border-brand pl-2">“{s.quote}”</blockquote> : null}
              </li>
            ))}
          </ul>
        </Disclosure>
      ) : null}
    </li>
  );
}
