import { lte, nonNegative, sub, ZERO } from "../money";
import type { AnnualExcessBackstopDef } from "../pack-schema";
import type { LayerId } from "../types";
import type { Run } from "../run";
import { everyEpisode, needsCompute, yearlyIdle, yearlyLoop, yearlyNotCovered, yearlyPaid } from "./yearly";
import type { AnnualExcessTrace, LayerOutcome } from "./trace";

/**
 * 兜底, yearly excess (rule `annual-excess`): the year's reasonable personal
 * cost (the in-policy amount left, or all that is left when
 * `includeSelfFunded`) above the scheme's standard, in request order: 特困
 * in full (no standard), 低保 above the annual 低保 standard, 低保边缘 above
 * the 低边 standard, 因病致困 above the prior-year urban per-capita
 * disposable income. A `family` scheme counts the family's costs together
 * (household.ts); `countsFromCertification` leaves out bills dated before the
 * certification (request-facts.ts, applyCertificationDates).
 *
 * Clauses: 浙江 001 二(一) (参保 first), 二(二) (the standards), 二(三)
 * (上年度新增的持证对象自持证之日起计算).
 *
 * Parameters read: `includeSelfFunded`; per scheme `standard`, `family`,
 * `countsFromCertification`.
 */
export function annualExcessBackstop(run: Run, l: AnnualExcessBackstopDef): LayerOutcome {
  const id: LayerId = "backstop";
  const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  if (!scheme) {
    const { year, paid, origin } = yearlyNotCovered(run, id);
    return { paid, origin, trace: { rule: "annual-excess", status: "not-covered", year, layer: l } };
  }
  if (!needsCompute(run, id, everyEpisode)) {
    const { year, paid, origin } = yearlyIdle(run, id);
    return { paid, origin, trace: { rule: "annual-excess", status: "idle", year, layer: l } };
  }
  for (const s of scheme.sources) run.cite(s);
  const includeSelfFunded = run.flag(l.includeSelfFunded);
  const standard = scheme.standard ? run.num(scheme.standard) : ZERO;
  const year = yearlyLoop(
    run,
    id,
    (ep) => (includeSelfFunded ? ep.left : ep.policyLeft),
    (cum) => nonNegative(sub(cum, standard)),
    everyEpisode,
  );
  const { paid, origin } = yearlyPaid(year);
  const trace: AnnualExcessTrace = { rule: "annual-excess", status: "computed", year, layer: l, scheme, standard };
  const out: LayerOutcome = { paid, origin, trace };
  if (!year.nComputed) return out;
  run.assume("annualExcess.timing", run.t("assume.annualExcessTiming"));
  // A family standard counts the whole family's costs: said when only one person's bills are given.
  if (scheme.family && !run.household) run.assume("annualExcess.family", run.t("assume.annualExcessFamily"));
  if (!includeSelfFunded) run.assume("annualExcess.base", run.t("assume.annualExcessBase"));
  out.base = year.base;
  if (scheme.standard) out.deductible = standard;
  trace.belowStandard = !!scheme.standard && lte(year.base, standard);
  return out;
}
