import { Link } from "@/components/ui/link";
import type { TFunction } from "i18next";
import { formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { FlagView } from "@/lib/monitoring/queries";
import { helpedKey, ruleNameKey } from "@/lib/policy/monitoring-rules";
import { t as policyText } from "@/lib/policy/messages";

/**
 * A flag that explains itself (issue 17): who, which rule and clause, the amount against the
 * threshold, the period and how fresh the data is, what each layer paid, the household members
 * (masked) and the help already received. Server component: texts come from the caller's `t`.
 */
export function FlagCard({ flag, lng, t, householdHref }: { flag: FlagView; lng: Locale; t: TFunction; householdHref: string | null }) {
  const money = (s: string) => formatMoney(s, lng);
  return (
    <article className="rounded-xl bg-cell p-4" data-testid="flag-card" aria-labelledby={`flag-${flag.id}`}>
      <header className="mb-2 flex items-baseline justify-between gap-2">
        <h3 id={`flag-${flag.id}`} className="font-semibold">
          {flag.person.nameMasked ?? flag.person.idNumberMasked}
        </h3>
        <span className="rounded bg-white px-2 text-sm" data-testid="flag-state">
          {t(`monitoring.state.${flag.state}`)}
        </span>
      </header>
      <p className="mb-2 text-sm" data-testid="flag-rule">
        {policyText(lng, ruleNameKey(flag.packId, flag.ruleId))}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">{t("monitoring.card.person")}</dt>
        <dd>{flag.person.idNumberMasked}</dd>
        <dt className="text-ink-muted">{t("monitoring.card.phone")}</dt>
        <dd data-testid="flag-phone">{flag.person.phoneMasked ?? t("monitoring.card.noPhone")}</dd>
        <dt className="text-ink-muted">{t("monitoring.card.amount")}</dt>
        <dd data-testid="flag-amount">{money(flag.amount)}</dd>
        <dt className="text-ink-muted">{t("monitoring.card.threshold")}</dt>
        <dd>
          {money(flag.threshold)}
          {flag.card.thresholdAssumed ? t("monitoring.card.assumed") : ""}
        </dd>
        <dt className="text-ink-muted">{t("monitoring.card.excess")}</dt>
        <dd>{money(flag.excess)}</dd>
        <dt className="text-ink-muted">{t("monitoring.card.period")}</dt>
        <dd>
          {flag.periodFrom} – {flag.periodTo}
        </dd>
        <dt className="text-ink-muted">{t("monitoring.card.dataThrough")}</dt>
        <dd>{flag.card.dataThrough}</dd>
        {flag.visitDue ? (
          <>
            <dt className="text-ink-muted">{t("monitoring.card.visitDue")}</dt>
            <dd data-testid="flag-visit-due">{flag.visitDue}</dd>
          </>
        ) : null}
        <dt className="text-ink-muted">{t("monitoring.card.settlements")}</dt>
        <dd>{flag.card.settlements}</dd>
        {flag.card.categories.length ? (
          <>
            <dt className="text-ink-muted">{t("monitoring.card.category")}</dt>
            <dd>{flag.card.categories.map((c) => t(`monitoring.category.${c}`)).join("、")}</dd>
          </>
        ) : null}
      </dl>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">{t("monitoring.card.layers")}</summary>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {(["total", "basic", "critical", "assistance", "personal"] as const).map((k) => (
            <div key={k} className="contents">
              <dt className="text-ink-muted">{t(`monitoring.card.layer.${k}`)}</dt>
              <dd>{money(flag.layers[k])}</dd>
            </div>
          ))}
        </dl>
      </details>
      {flag.members.length > 1 ? (
        <div className="mt-2 text-sm">
          <h4 className="text-ink-muted">{t("monitoring.card.members")}</h4>
          <ul>
            {flag.members.map((m, i) => (
              <li key={i}>
                {m.person ? (m.person.nameMasked ?? m.person.idNumberMasked) : t("monitoring.card.memberUnknown")}：{money(m.personal)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {flag.card.helped.length ? (
        <p className="mt-2 text-sm" data-testid="flag-helped">
          {t("monitoring.card.helped")}：{flag.card.helped.map((h) => policyText(lng, helpedKey(h))).join("；")}
        </p>
      ) : null}
      {householdHref ? (
        <Link href={householdHref} className="tap-target mt-3 inline-flex items-center font-semibold text-brand" data-testid="flag-household">
          {t("monitoring.card.household")}
        </Link>
      ) : null}
    </article>
  );
}
