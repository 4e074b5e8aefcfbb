import { add, clamp, constPercent, constPoints, type Dec, formatMoney, formatPercent, gt, eq, lte, min, nonNegative, ONE, sub, toFen, ZERO } from "../money";
import type { BasicLayerDef } from "../pack-schema";
import { type EpisodeKind } from "../types";
import { blockedText, combine, pay, takeSettled } from "./settle";
import { LayerOut, Run } from "../run";

// ---- 基本医保统筹

export function basicLayer(run: Run, l: BasicLayerDef): LayerOut {
  const used = { main: ZERO, outpatient: ZERO };
  const yearDeductibleLeft = new Map<EpisodeKind, Dec>();
  const tilt = l.tilts.find((t) => t.insurance.includes(run.insurance) && t.categories.some((c) => run.cats.has(c)));
  const frags: string[] = new Array(run.eps.length);
  let paid = ZERO;
  let settledAll = true;
  let base = ZERO;
  let deductible = ZERO;
  let rate: Dec | null | undefined;
  let cap: Dec | undefined;
  let computed = 0;

  for (const ep of run.eps) {
    if (ep.settled.basic !== undefined) {
      const s = takeSettled(run, ep, "basic");
      const group = run.insurance === "none" ? "main" : l[run.insurance === "employee" ? "employee" : "resident"][ep.kind].capGroup;
      used[group] = add(used[group], s);
      pay(ep, "basic", s);
      paid = add(paid, s);
      frags[ep.i] = run.t("explain.settled", { layer: run.layerName("basic"), paid: formatMoney(s) });
      continue;
    }
    settledAll = false;
    if (ep.blocked.has("basic") || run.insurance === "none") {
      if (!ep.blocked.has("basic")) ep.blocked.set("basic", "uninsured");
      pay(ep, "basic", ZERO);
      frags[ep.i] = blockedText(run, ep, "basic");
      continue;
    }
    const ins = l[run.insurance];
    const scheme = ins[ep.kind];
    const inPolicy = ep.policyLeft;
    let ded = run.byLevel(scheme.deductible, ep.facility);
    const notes: string[] = [];
    if (tilt?.deductibleFactor && (!tilt.kinds || tilt.kinds.includes(ep.kind))) {
      for (const s of tilt.sources) run.cite(s);
      const f = run.num(tilt.deductibleFactor);
      ded = ded.times(f);
      notes.push(run.t("explain.basic.tiltDeductible", { who: run.catLabels(run.matching(tilt.categories)), factor: constPercent(f) }));
    }
    let applied: Dec;
    if (scheme.deductiblePer === "admission") {
      applied = min(inPolicy, ded);
    } else {
      const shared = yearDeductibleLeft.get(ep.kind) ?? ded;
      const leftDed = run.pinned(ep, "basic") ? ded : shared;
      applied = min(inPolicy, leftDed);
      yearDeductibleLeft.set(ep.kind, nonNegative(sub(shared, applied)));
      if (!ded.isZero()) notes.push(run.t("explain.basic.yearlyDeductible", { deductible: formatMoney(ded) }));
    }
    let r = run.byLevel(scheme.rate, ep.facility);
    /** Whether r is the pack's rate itself (its text is then formatted once) or moved by points here. */
    let moved = false;
    if (
      tilt?.ratePoints &&
      (!tilt.kinds || tilt.kinds.includes(ep.kind)) &&
      (!tilt.requiresReferralOutOfRegion || ep.inRegion || ep.referred)
    ) {
      for (const s of tilt.sources) run.cite(s);
      const pts = run.num(tilt.ratePoints);
      r = r.plus(pts);
      moved = true;
      notes.push(run.t("explain.basic.tiltRate", { who: run.catLabels(run.matching(tilt.categories)), points: constPoints(pts) }));
    }
    if (!ep.inRegion) {
      for (const s of l.outOfRegion.sources) run.cite(s);
      const pts = run.num(ep.referred ? l.outOfRegion.referredPoints : l.outOfRegion.unreferredPoints);
      r = r.minus(pts);
      moved = true;
      notes.push(run.t(ep.referred ? "explain.basic.outReferred" : "explain.basic.outUnreferred", { points: constPoints(pts) }));
    }
    // clamp returns the pack's own value object when it is in range (its text is then formatted once).
    r = clamp(r, ZERO, ONE);
    const rateText = moved ? formatPercent(r) : constPercent(r);
    const group = scheme.capGroup;
    const capV = run.num(ins.caps[group]);
    const capLeft = run.pinned(ep, "basic") ? capV : nonNegative(sub(capV, used[group]));
    const raw = toFen(sub(inPolicy, applied).times(r));
    const p = min(min(raw, capLeft), ep.left);
    used[group] = add(used[group], p);
    pay(ep, "basic", p);
    paid = add(paid, p);
    base = add(base, inPolicy);
    deductible = add(deductible, applied);
    rate = rate === undefined ? r : rate !== null && eq(rate, r) ? rate : null;
    if (group === "main" || cap === undefined) cap = capV;
    computed++;
    run.computedLayer();

    const belowDeductible = lte(inPolicy, applied);
    const capped = gt(raw, p);
    let sentence: string;
    if (belowDeductible) {
      sentence = run.t("explain.basic.belowDeductible", { base: formatMoney(inPolicy), deductible: formatMoney(ded) });
    } else if (capped) {
      sentence = run.t("explain.basic.capped", {
        base: formatMoney(inPolicy),
        deductible: formatMoney(applied),
        rate: rateText,
        due: formatMoney(raw),
        cap: formatMoney(capV),
        paid: formatMoney(p),
      });
    } else {
      sentence = run.t("explain.basic.paid", {
        base: formatMoney(inPolicy),
        deductible: formatMoney(applied),
        rate: rateText,
        paid: formatMoney(p),
      });
    }
    frags[ep.i] = sentence + notes.join("");
  }
  const out: LayerOut = { paid, origin: settledAll ? "settled" : "computed", explanation: combine(run, frags, paid) };
  if (computed) {
    out.base = base;
    out.deductible = deductible;
    if (rate) out.rate = rate;
    out.cap = cap;
  }
  return out;
}
