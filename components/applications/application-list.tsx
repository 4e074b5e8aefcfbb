import type { ApplicationSummary } from "@/lib/applications/queries";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

export function ApplicationList({
  items,
  lng,
  labels,
}: {
  items: ApplicationSummary[];
  lng: Locale;
  labels: { reference: string; submittedAt: string; status: (status: string) => string };
}) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="application-list">
      {items.map((item) => (
        <li key={item.reference} className="flex items-start justify-between gap-3 px-4 py-3">
          <div className="min-w-0">
            <p className="font-mono text-base font-medium">
              <span className="sr-only">{labels.reference} </span>
              {item.reference}
            </p>
            {item.submittedAt ? (
              <p className="text-sm text-ink-muted">
                {labels.submittedAt} {formatDate(item.submittedAt, lng)}
              </p>
            ) : null}
          </div>
          <span className="shrink-0 rounded-full bg-brand-soft px-3 py-1 text-sm font-medium">{labels.status(item.status)}</span>
        </li>
      ))}
    </ul>
  );
}
