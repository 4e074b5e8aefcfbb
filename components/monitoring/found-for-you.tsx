import type { TFunction } from "i18next";
import { Link } from "@/components/ui/link";
import { formatCalendarDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { FoundForYou } from "@/lib/monitoring/citizen";

/**
 * 我的 → "found for you": what the area's monitoring found for this citizen, in plain words, and
 * what they can do next. Only the person's own figures (lib/monitoring/citizen.ts). Server
 * component: texts come from the caller's `t` (namespace common, keys under me.found).
 */
export function FoundForYouSection({ found, lng, t }: { found: FoundForYou[]; lng: Locale; t: TFunction }) {
  if (!found.length) return null;
  const date = (iso: string) => formatCalendarDate(iso, lng);
  return (
    <section className="mb-5 rounded-xl border-2 border-brand bg-cell p-4" data-testid="found-for-you" aria-labelledby="found-heading">
      <h2 id="found-heading" className="mb-2 text-lg font-semibold">
        {t("me.found.heading")}
      </h2>
      <ul className="space-y-4">
        {found.map((f) => (
          <li key={f.flagId} data-testid="found-item">
            <p className="mb-2">
              {t("me.found.what", { from: date(f.periodFrom), to: date(f.periodTo), amount: formatMoney(f.amount, lng), threshold: formatMoney(f.threshold, lng) })}
              {f.thresholdAssumed ? t("me.found.assumed") : ""}
            </p>
            <p className="mb-2 font-medium" data-testid="found-next">
              {f.state === "visit" && f.visitDue ? t("me.found.next.visit", { date: date(f.visitDue) }) : t(`me.found.next.${f.state}`)}
            </p>
            {f.applyPath ? (
              <Link href={f.applyPath} className="tap-target inline-flex items-center rounded-lg bg-brand px-4 font-semibold text-white" data-testid="found-apply">
                {t("me.found.apply")}
              </Link>
            ) : null}
            <p className="mt-2 text-sm text-ink-muted">{t("me.found.note", { date: date(f.dataThrough) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
