import { StaysBreakdown } from "@/components/estimate/result-view";
import { Num } from "@/components/ui/num";
import { formatMoney } from "@/lib/i18n/format";
import type { EstimateTexts } from "@/lib/i18n/texts";
import type { Locale } from "@/lib/i18n/settings";
import type { EstimateResult, HouseholdResult } from "@/lib/policy";
import type { EpisodeKind } from "@/lib/policy/types";

/**
 * A household's estimate (contract v2 `members`): the family's totals, then each member with their bills in the
 * 每次住院 cards. Family-level layers (浙江 低保 / 低边 兜底) are computed once on the pooled costs and attributed
 * to the bills where the family's running total passes the standard, so a member's cards show their share.
 */
export function FamilyResult({
  lng,
  t,
  result,
  stays,
}: {
  lng: Locale;
  /** The estimate namespace's texts, from the page. */
  t: EstimateTexts;
  result: HouseholdResult;
  /** Each member's bills as asked (date, kind), in request order, for the cards' headings. */
  stays: { date?: string; kind: EpisodeKind }[][];
}) {
  return (
    <section aria-labelledby="family-heading" className="print-wide mt-4" data-testid="family">
      <div className="rounded-xl bg-cell px-4 py-3">
        <h2 id="family-heading" className="text-lg font-semibold">
          {t("result.familyHeading")}
        </h2>
        <p className="mt-1 text-sm" data-testid="family-intro">
          {t("result.familyIntro", {
            count: result.members.length,
            total: formatMoney(result.total, lng),
            reimbursed: formatMoney(result.reimbursed, lng),
            personal: formatMoney(result.personal, lng),
          })}
        </p>
        <ul className="mt-2">
          {result.members.map((m) => {
            const n = m.index + 1;
            return (
              <li key={m.index} className="border-t border-line py-1" data-testid={`member-${n}-summary`}>
                <h3 className="text-base font-semibold" id={`member-${n}-summary-heading`}>
                  {t("result.memberHeading", { n })}
                </h3>
                <dl className="text-sm" aria-labelledby={`member-${n}-summary-heading`}>
                  <div className="flex justify-between gap-3 py-0.5">
                    <dt>{t("result.memberTotal")}</dt>
                    <dd className="whitespace-nowrap tabular-nums" data-testid={`member-${n}-total`}>
                      <Num>{formatMoney(m.total, lng)}</Num>
                    </dd>
                  </div>
                  <div className="flex justify-between gap-3 py-0.5 font-semibold">
                    <dt>{t("result.memberPersonal")}</dt>
                    <dd className="whitespace-nowrap tabular-nums" data-testid={`member-${n}-personal`}>
                      <Num>{formatMoney(m.personal, lng)}</Num>
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      </div>
      {result.members.map((m) => {
        // The member's bills in the shared 每次住院 cards: the family's paying layers as rows, the member's amounts.
        const memberView: EstimateResult = { ...result, total: m.total, personal: m.personal, episodes: m.episodes, excluded: m.excluded };
        return (
          <StaysBreakdown
            key={m.index}
            lng={lng}
            t={t}
            result={memberView}
            stays={stays[m.index] ?? []}
            idPrefix={`m${m.index + 1}-`}
            heading={t("result.memberStaysHeading", { n: m.index + 1 })}
          />
        );
      })}
    </section>
  );
}
