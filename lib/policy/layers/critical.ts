import { add, type Dec, gt, eq, isPositive, lte, max, min, nonNegative, sub, ZERO } from "../money";
import type { CriticalLayerDef } from "../pack-schema";
import { type LayerId } from "../types";
import { needsCompute, policyLeft, yearlyIdle, yearlyLoop, yearlyNotCovered, yearlyPaid } from "./yearly";
import type { Run } from "../run";
import type { BandPiece, CriticalTrace, LayerOutcome } from "./trace";


/** The bands over the threshold a cumulative base reaches, and what they pay together (before the cap). */
export function bandPay(cum: Dec, threshold: Dec, bands: { from: Dec; rate: Dec }[], basis: "excess" | "cumulative"): { pay: Dec; pieces: BandPiece[] } {
  let total = ZERO;
  const pieces: BandPiece[] = [];
  if (lte(cum, threshold)) return { pay: ZERO, pieces };
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i];
    const next = i + 1 < bands.length ? bands[i + 1].from : null;
    let portion: Dec;
    if (basis === "excess") {
      const x = sub(cum, threshold);
      const hi = next === null ? x : min(x, next);
      portion = nonNegative(sub(hi, b.from));
    } else {
      const lo = max(b.from, threshold);
      const hi = next === null ? cum : min(cum, next);
      portion = nonNegative(sub(hi, lo));
    }
    if (isPositive(portion)) {
      pieces.push({ amount: portion, rate: b.rate });
      total = add(total, portion.times(b.rate));
    }
  }
  return { pay: total, pieces };
}

/**
 * 大病保险 (rule `critical-illness`), yearly: the year's in-policy amount left
 * after 基本医保, above the threshold, paid by bands (by the excess or by the
 * cumulative amount), within the yearly cap; the threshold is met once and the
 * cap shared, in request order. A category tilt lowers the threshold, adds
 * points (with a floor) or removes the cap (就高不重复: the first tilt that
 * names one of the person's categories).
 *
 * Clauses: 国办发〔2021〕42号 (大病保险 倾斜: 起付线降低 50 %, 报销比例提高
 * 5 个百分点, 取消封顶线); 鹿寨 004 大病集中救治一批 三(四)2; each pack's
 * 大病保险 clause (pack `sources`).
 *
 * Parameters read: `threshold`, `bands` (basis excess or cumulative), `cap`;
 * tilt `thresholdFactor`, `ratePoints`, `rateMin`, `removeCap`; the layer's
 * `insurance`.
 */
export function criticalLayer(run: Run, l: CriticalLayerDef): LayerOutcome {
  const id: LayerId = "critical";
  if (!l.insurance.includes(run.insurance) && run.insurance !== "none") {
    // 职工大额医疗补助 differs everywhere; the pack does not model it.
    run.assume("employeeCritical", run.t("assume.employeeCritical"));
    const { year, paid, origin } = yearlyNotCovered(run, id);
    return { paid, origin, trace: { rule: "critical-illness", status: "not-covered", year, employee: true, layer: l } };
  }
  const insured = () => run.insurance !== "none";
  if (!needsCompute(run, id, insured)) {
    const { year, paid, origin } = yearlyIdle(run, id);
    return { paid, origin, trace: { rule: "critical-illness", status: "idle", year, layer: l } };
  }
  const tilt = l.tilts.find((t) => t.categories.some((c) => run.cats.has(c)));
  let threshold = run.num(l.threshold);
  const bandsDef = run.bands(l.bands);
  let cap: Dec | null = l.cap ? run.num(l.cap) : null;
  let bands = bandsDef.bands;
  let tiltTrace: CriticalTrace["tilt"];
  if (tilt) {
    for (const s of tilt.sources) run.cite(s);
    // The tilt's parameters are read (cited, assumptions stated) on every estimate; the tilted threshold,
    // bands and wording were derived from them when the period was compiled (pack-tables.ts).
    if (tilt.thresholdFactor) run.num(tilt.thresholdFactor);
    if (tilt.ratePoints) run.num(tilt.ratePoints);
    if (tilt.rateMin) run.num(tilt.rateMin);
    const tilted = run.pack.period.criticalTilts.get(tilt)!;
    threshold = tilted.threshold;
    bands = tilted.bands;
    if (tilt.removeCap) cap = null;
    const items = tilted.items[run.locale];
    if (items) tiltTrace = { categories: run.matching(tilt.categories), items };
  }
  // The year's formula; the trace below reuses its last band split when the base is the same value.
  let lastSplit: { cum: Dec; split: ReturnType<typeof bandPay> } | null = null;
  const split = (cum: Dec) => {
    if (lastSplit === null || !eq(lastSplit.cum, cum)) lastSplit = { cum, split: bandPay(cum, threshold, bands, bandsDef.basis) };
    return lastSplit.split;
  };
  const formula = (cum: Dec) => {
    const v = split(cum).pay;
    return cap === null ? v : min(v, cap);
  };
  const year = yearlyLoop(run, id, policyLeft, formula, insured);
  const { paid, origin } = yearlyPaid(year);
  const trace: CriticalTrace = { rule: "critical-illness", status: "computed", year, threshold, cap, tilt: tiltTrace, layer: l };
  const out: LayerOutcome = { paid, origin, trace };
  if (!year.nComputed) return out;
  out.base = year.base;
  out.deductible = threshold;
  if (bands.length === 1) out.rate = bands[0].rate;
  if (cap !== null) out.cap = cap;
  if (gt(year.base, threshold)) {
    const { pay: due, pieces } = split(year.base);
    trace.due = due;
    trace.pieces = pieces;
  }
  return out;
}
