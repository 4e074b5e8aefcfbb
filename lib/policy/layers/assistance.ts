import { type Dec, gt, gte, min, sub, ZERO } from "../money";
import type { AssistanceLayerDef } from "../pack-schema";
import type { Run } from "../run";
import { everyEpisode, needsCompute, policyLeft, yearlyIdle, yearlyLoop, yearlyNotCovered, yearlyPaid } from "./yearly";
import type { AssistanceTrace, LayerOutcome } from "./trace";

/**
 * 医疗救助 (rule `medical-assistance`) and 倾斜救助 (rule
 * `tilted-assistance`), yearly, by scheme: the year's in-policy amount left
 * after the layers before, above the scheme's threshold, × its ratio, within
 * its yearly limit; the first scheme (pack order, most generous first) that
 * names one of the person's categories applies.
 *
 * Clauses: 内蒙古 003 (低保 / 建档立卡 ≥ 70 %, 低收入 / 因病致贫 ≥ 50 %);
 * 乌鲁木齐 002 三(二), 三(三) (倾斜救助); 国办发〔2021〕42号 (起付标准,
 * 救助比例, 年度限额); each pack's scheme `sources`.
 *
 * Parameters read, per scheme: `threshold`, `ratio`, `limit`.
 */
export function assistanceLayer(run: Run, l: AssistanceLayerDef): LayerOutcome {
  const id = l.id;
  const rule = l.rule;
  const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  if (!scheme) {
    const { year, paid, origin } = yearlyNotCovered(run, id);
    return { paid, origin, trace: { rule, id, status: "not-covered", year, layer: l } };
  }
  if (!needsCompute(run, id, everyEpisode)) {
    const { year, paid, origin } = yearlyIdle(run, id);
    return { paid, origin, trace: { rule, id, status: "idle", year, layer: l } };
  }
  for (const s of scheme.sources) run.cite(s);
  const threshold = run.num(scheme.threshold);
  const ratio = run.num(scheme.ratio);
  const limit = scheme.limit ? run.num(scheme.limit) : null;
  const formula = (cum: Dec) => {
    // Up to the threshold nothing is due (compared first: a comparison costs less than a subtraction).
    const v = gt(cum, threshold) ? sub(cum, threshold).times(ratio) : ZERO;
    return limit === null ? v : min(v, limit);
  };
  const year = yearlyLoop(run, id, policyLeft, formula, everyEpisode);
  if (id === "tilted" && run.episodes.some((ep) => !ep.inRegion && ep.referred && ep.blocked[id] === undefined)) {
    run.assume("tiltedProvince", run.t("assume.tiltedProvince"));
  }
  const { paid, origin } = yearlyPaid(year);
  const trace: AssistanceTrace = { rule, id, status: "computed", year, layer: l, scheme, threshold, ratio, limit };
  const out: LayerOutcome = { paid, origin, trace };
  if (!year.nComputed) return out;
  out.base = year.base;
  out.deductible = threshold;
  out.rate = ratio;
  if (limit !== null) out.cap = limit;
  trace.limitReached = limit !== null && gte(paid, limit) && gt(year.base.minus(threshold).times(ratio), limit);
  return out;
}
