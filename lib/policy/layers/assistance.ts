import { add, constMoney, constPercent, type Dec, formatMoney, gt, gte, lte, min, sub, ZERO } from "../money";
import type { AssistanceLayerDef } from "../pack-schema";
import type { SchemeDef } from "../pack-tables";
import { everyEpisode, needsCompute, policyLeft, yearlyIdle, yearlyLoop, yearlyNotCovered, yearlyNothing, yearlyTail } from "./yearly";
import { LayerOut, Run } from "../run";

// ---- 医疗救助 / 倾斜救助 (yearly, by scheme)

export function assistanceLayer(run: Run, l: AssistanceLayerDef): LayerOut {
  const id = l.id;
  const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  if (!scheme) {
    const who = run.wording.schemeLayerWho.get(l)!;
    return yearlyNotCovered(run, id, () => run.t("explain.notEligible", { layer: run.layerName(id), who }));
  }
  if (!needsCompute(run, id, everyEpisode)) return yearlyIdle(run, id);
  for (const s of scheme.sources) run.cite(s);
  const threshold = run.num(scheme.threshold);
  const ratio = run.num(scheme.ratio);
  const limit = scheme.limit ? run.num(scheme.limit) : null;
  const formula = (cum: Dec) => {
    // Up to the threshold nothing is due (compared first: a comparison costs less than a subtraction).
    const v = gt(cum, threshold) ? sub(cum, threshold).times(ratio) : ZERO;
    return limit === null ? v : min(v, limit);
  };
  const st = yearlyLoop(run, id, policyLeft, formula, everyEpisode);
  if (id === "tilted" && run.eps.some((ep) => !ep.inRegion && ep.referred && !ep.blocked.has(id))) {
    run.assume("tiltedProvince", run.t("assume.tiltedProvince"));
  }
  const paid = add(st.settled, st.computed);
  const out: LayerOut = { paid, origin: st.nComputed ? "computed" : "settled", explanation: "" };
  const nothing = yearlyNothing(run, id, st);
  if (nothing !== null) {
    out.explanation = nothing;
    if (!st.nSettled) out.origin = "computed";
    return out;
  }
  out.base = st.base;
  out.deductible = threshold;
  out.rate = ratio;
  if (limit !== null) out.cap = limit;
  const schemeName = schemeLabel(run, scheme);
  const vars = {
    scheme: schemeName,
    base: formatMoney(st.base),
    threshold: constMoney(threshold),
    ratio: constPercent(ratio),
    paid: formatMoney(paid),
  };
  const keys = ASSISTANCE_KEYS[id];
  let text: string;
  if (lte(st.base, threshold)) text = run.t(keys.below, vars);
  else text = run.t(threshold.isZero() ? keys.paidNoThreshold : keys.paid, vars);
  if (limit !== null && gte(paid, limit) && gt(st.base.minus(threshold).times(ratio), limit)) {
    text += run.t("explain.limitReached", { limit: constMoney(limit) });
  }
  out.explanation = text + yearlyTail(run, id, st);
  return out;
}

export const ASSISTANCE_KEYS = {
  assistance: { below: "explain.assistance.below", paid: "explain.assistance.paid", paidNoThreshold: "explain.assistance.paidNoThreshold" },
  tilted: { below: "explain.tilted.below", paid: "explain.tilted.paid", paidNoThreshold: "explain.tilted.paidNoThreshold" },
} as const;

/** A scheme's name: the pack's own wording if it has one, else the common one. */
export function schemeLabel(run: Run, scheme: SchemeDef): string {
  return run.wording.schemeNames.get(scheme)!;
}
