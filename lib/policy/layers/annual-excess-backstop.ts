import { add, formatMoney, lte, nonNegative, sub, ZERO } from "../money";
import type { AnnualExcessBackstopDef } from "../pack-schema";
import { type LayerId } from "../types";
import { schemeLabel } from "./assistance";
import { everyEpisode, needsCompute, yearlyIdle, yearlyLoop, yearlyNotCovered, yearlyNothing, yearlyTail } from "./yearly";
import { LayerOut, Run } from "../run";

// ---- 兜底 (浙江某区: 年度个人负担超过标准的部分)

export function annualExcessBackstop(run: Run, l: AnnualExcessBackstopDef): LayerOut {
  const id: LayerId = "backstop";
  const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  if (!scheme) {
    const who = run.wording.schemeLayerWho.get(l)!;
    return yearlyNotCovered(run, id, () => run.t("explain.notEligible", { layer: run.layerName(id), who }));
  }
  if (!needsCompute(run, id, everyEpisode)) return yearlyIdle(run, id);
  for (const s of scheme.sources) run.cite(s);
  const includeSelfFunded = run.flag(l.includeSelfFunded);
  const standard = scheme.standard ? run.num(scheme.standard) : ZERO;
  const st = yearlyLoop(
    run,
    id,
    (ep) => (includeSelfFunded ? ep.left : ep.policyLeft),
    (cum) => nonNegative(sub(cum, standard)),
    everyEpisode,
  );
  const paid = add(st.settled, st.computed);
  const out: LayerOut = { paid, origin: st.nComputed ? "computed" : "settled", explanation: "" };
  const nothing = yearlyNothing(run, id, st);
  if (nothing !== null) {
    out.explanation = nothing;
    if (!st.nSettled) out.origin = "computed";
    return out;
  }
  run.assume("annualExcess.timing", run.t("assume.annualExcessTiming"));
  // A family standard counts the whole family's costs: said when only one person's bills are given.
  if (scheme.family && !run.household) run.assume("annualExcess.family", run.t("assume.annualExcessFamily"));
  if (!includeSelfFunded) run.assume("annualExcess.base", run.t("assume.annualExcessBase"));
  out.base = st.base;
  if (scheme.standard) out.deductible = standard;
  const vars = {
    scheme: schemeLabel(run, scheme),
    base: formatMoney(st.base),
    standard: formatMoney(standard),
    standardLabel: scheme.standard ? run.t(run.cp.params.get(scheme.standard)!.labelKey) : "",
    paid: formatMoney(paid),
  };
  let text: string;
  if (!scheme.standard) text = run.t("explain.backstop.full", vars);
  else if (lte(st.base, standard)) text = run.t("explain.backstop.belowStandard", vars);
  else text = run.t("explain.backstop.aboveStandard", vars);
  out.explanation = text + yearlyTail(run, id, st);
  return out;
}
