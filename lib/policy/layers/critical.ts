import { add, constPercent, type Dec, formatMoney, gt, eq, isPositive, lte, max, min, nonNegative, sub, ZERO } from "../money";
import type { CriticalLayerDef } from "../pack-schema";
import { type LayerId } from "../types";
import { needsCompute, policyLeft, yearlyIdle, yearlyLoop, yearlyNotCovered, yearlyNothing, yearlyTail } from "./yearly";
import { LayerOut, Run } from "../run";

// ---- 大病保险 (yearly: threshold once, bands, cap)

export interface BandPiece {
  amount: Dec;
  rate: Dec;
}

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


export function criticalLayer(run: Run, l: CriticalLayerDef): LayerOut {
  const id: LayerId = "critical";
  if (!l.insurance.includes(run.insurance) && run.insurance !== "none") {
    // 职工大额医疗补助 differs everywhere; the pack does not model it.
    run.assume("employeeCritical", run.t("assume.employeeCritical"));
    return yearlyNotCovered(run, id, () => run.t("explain.critical.employee"));
  }
  const insured = () => run.insurance !== "none";
  if (!needsCompute(run, id, insured)) return yearlyIdle(run, id);
  const tilt = l.tilts.find((t) => t.categories.some((c) => run.cats.has(c)));
  let threshold = run.num(l.threshold);
  const bandsDef = run.bands(l.bands);
  let cap: Dec | null = l.cap ? run.num(l.cap) : null;
  let bands = bandsDef.bands;
  /** What the tilt changes, as one list ("" when nothing). */
  let tiltItems = "";
  if (tilt) {
    for (const s of tilt.sources) run.cite(s);
    // The tilt's parameters are read (cited, assumptions stated) on every estimate; the tilted threshold,
    // bands and wording were derived from them when the period was compiled (pack-tables.ts).
    if (tilt.thresholdFactor) run.num(tilt.thresholdFactor);
    if (tilt.ratePoints) run.num(tilt.ratePoints);
    if (tilt.rateMin) run.num(tilt.rateMin);
    const tilted = run.cp.period.criticalTilts.get(tilt)!;
    threshold = tilted.threshold;
    bands = tilted.bands;
    if (tilt.removeCap) cap = null;
    tiltItems = tilted.items[run.locale];
  }
  // The year's formula; the text below reuses its last band split when the base is the same value.
  let lastSplit: { cum: Dec; split: ReturnType<typeof bandPay> } | null = null;
  const split = (cum: Dec) => {
    if (lastSplit === null || !eq(lastSplit.cum, cum)) lastSplit = { cum, split: bandPay(cum, threshold, bands, bandsDef.basis) };
    return lastSplit.split;
  };
  const formula = (cum: Dec) => {
    const v = split(cum).pay;
    return cap === null ? v : min(v, cap);
  };
  const st = yearlyLoop(run, id, policyLeft, formula, insured);
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
  if (bands.length === 1) out.rate = bands[0].rate;
  if (cap !== null) out.cap = cap;
  let text: string;
  if (lte(st.base, threshold)) {
    text = run.t("explain.critical.below", { base: formatMoney(st.base), threshold: formatMoney(threshold) });
  } else {
    const { pay: raw, pieces } = split(st.base);
    let arithmetic = "";
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      arithmetic += (i ? " + " : "") + run.t("explain.piece", { amount: formatMoney(p.amount), rate: constPercent(p.rate) });
    }
    text = run.t("explain.critical.paid", {
      base: formatMoney(st.base),
      threshold: formatMoney(threshold),
      arithmetic,
      paid: formatMoney(paid),
    });
    if (cap !== null && gt(raw, cap)) text += run.t("explain.capReached", { cap: formatMoney(cap) });
  }
  if (tiltItems) {
    text += run.t("explain.critical.tilt", { who: run.catLabels(run.matching(tilt!.categories)), items: tiltItems });
  }
  out.explanation = text + yearlyTail(run, id, st);
  return out;
}
