import { Link } from "@/components/ui/link";
import { Num } from "@/components/ui/num";
import type { ApplicationSummary } from "@/lib/applications/queries";
import { maskName } from "@/lib/crypto/mask";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";

export function ApplicationList({
  items,
  lng,
  labels,
  hrefFor,
}: {
  items: ApplicationSummary[];
  lng: Locale;
  labels: {
    reference: string;
    submittedAt: string;
    status: (status: string) => string;
    /** Staff queues: the deadline and flags. */
    due?: (date: string) => string;
    overdue?: string;
    /** The 暂定 mark beside a provisional deadline. */
    provisional?: string;
    urgent?: string;
    /** Staff queues: who applied (masked) and the relief type, in words. */
    applicant?: (name: string) => string;
    reliefType?: (type: string) => string;
    /** Staff queues: how soon the applicant needs help. */
    urgency?: (urgency: string) => string;
  };
  hrefFor?: (item: ApplicationSummary) => string;
}) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-xl bg-cell" data-testid="application-list">
      {items.map((item) => {
        const body = (
          <>
            <div className="min-w-0">
              <p className="font-mono text-base font-medium">
                <span className="sr-only">{labels.reference} </span>
                <Num>{item.reference}</Num>
              </p>
              {labels.applicant && item.applicantName ? (
                <p className="text-sm" data-testid="queue-applicant">
                  {labels.applicant(maskName(item.applicantName))}
                  {labels.reliefType && item.reliefType ? ` · ${labels.reliefType(item.reliefType)}` : ""}
                </p>
              ) : null}
              {labels.urgency && item.urgency ? (
                <p className={`text-sm ${item.urgency === "immediate" ? "font-semibold text-danger" : ""}`} data-testid="queue-urgency">
                  {labels.urgency(item.urgency)}
                </p>
              ) : null}
              {item.submittedAt ? (
                <p className="text-sm text-ink-muted">
                  {labels.submittedAt} {formatDate(item.submittedAt, lng)}
                </p>
              ) : null}
              {labels.due && item.currentDueOn ? (
                <p className="text-sm">
                  {labels.due(formatDate(new Date(`${item.currentDueOn}T12:00:00+08:00`), lng))}
                  {item.currentDueProvisional && labels.provisional ? (
                    <strong className="ml-2 rounded bg-warn-soft px-1.5 text-sm font-semibold" data-testid="provisional-flag">
                      {labels.provisional}
                    </strong>
                  ) : null}
                  {item.overdue && labels.overdue ? (
                    <strong className="ml-2 text-danger" data-testid="overdue-flag">
                      {labels.overdue}
                    </strong>
                  ) : null}
                </p>
              ) : null}
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1">
              <span className="rounded-full bg-brand-soft px-3 py-1 text-sm font-medium">{labels.status(item.status)}</span>
              {labels.urgent && item.reliefType === "urgent" ? (
                <span className="rounded-full bg-danger-soft px-3 py-1 text-sm font-medium text-danger">{labels.urgent}</span>
              ) : null}
            </div>
          </>
        );
        return (
          <li key={item.reference} data-reference={item.reference}>
            {hrefFor ? (
              <Link href={hrefFor(item)} className="tap-target flex items-start justify-between gap-3 px-4 py-3">
                {body}
              </Link>
            ) : (
              <div className="flex items-start justify-between gap-3 px-4 py-3">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
