import { add, clamp, type Dec, eq, gt, lte, min, nonNegative, ONE, sub, toFen, ZERO } from "../money";
import type { BasicLayerDef } from "../pack-schema";
import type { EpisodeKind } from "../types";
import type { Run } from "../run";
import { pay, takeSettled } from "./settle";
import type { BasicAdjustment, BasicTrace, LayerOutcome } from "./trace";

/**
 * 基本医保统筹 (rule `basic-insurance`): per episode, (in-policy amount −
 * deductible) × rate, within the yearly cap of the episode's group.
 *
 * Clauses: 社会保险法 and each pack's 居民 / 职工 scheme (pack `sources`);
 * 鹿寨 +5 points for 住院 only: 大病集中救治一批 三(四)2; out-of-region
 * points: each pack's 异地就医 clause.
 *
 * Parameters read (pack ids): `resident` / `employee` → `<kind>.deductible`
 * (by facility level), `<kind>.deductiblePer` (admission or year: a yearly
 * deductible is met once per kind, in request order), `<kind>.rate` (by
 * level), `<kind>.capGroup`, `caps.main` / `caps.outpatient`; tilt
 * `ratePoints`, `deductibleFactor` (with `kinds`,
 * `requiresReferralOutOfRegion`); `outOfRegion.referredPoints` /
 * `unreferredPoints`.
 */
export function basicLayer(run: Run, l: BasicLayerDef): LayerOutcome {
  const usedByGroup = { main: ZERO, outpatient: ZERO };
  const yearDeductibleLeft: Partial<Record<EpisodeKind, Dec>> = {};
  const tilt = l.tilts.find((t) => t.insurance.includes(run.insurance) && t.categories.some((c) => run.cats.has(c)));
  const trace: BasicTrace = { rule: "basic-insurance", steps: [] };
  let paid = ZERO;
  let settledAll = true;
  let base = ZERO;
  let deductible = ZERO;
  /** The rate every computed episode had (null when they differ). */
  let commonRate: Dec | null | undefined;
  let cap: Dec | undefined;
  let computed = 0;

  for (const ep of run.episodes) {
    if (ep.settled.basic !== undefined) {
      const s = takeSettled(run, ep, "basic");
      const group = run.insurance === "none" ? "main" : l[run.insurance === "employee" ? "employee" : "resident"][ep.kind].capGroup;
      usedByGroup[group] = add(usedByGroup[group], s);
      pay(ep, "basic", s);
      paid = add(paid, s);
      trace.steps.push({ step: "settled", paid: s });
      continue;
    }
    settledAll = false;
    if (ep.blocked.basic !== undefined || run.insurance === "none") {
      if (ep.blocked.basic === undefined) ep.blocked.basic = "uninsured";
      pay(ep, "basic", ZERO);
      trace.steps.push({ step: "blocked", reason: ep.blocked.basic! });
      continue;
    }
    const insurance = l[run.insurance];
    const scheme = insurance[ep.kind];
    const inPolicy = ep.policyLeft;
    const adjustments: BasicAdjustment[] = [];
    const tiltHere = tilt && (!tilt.kinds || tilt.kinds.includes(ep.kind)) ? tilt : undefined;

    let episodeDeductible = run.byLevel(scheme.deductible, ep.facility);
    if (tiltHere?.deductibleFactor) {
      for (const s of tiltHere.sources) run.cite(s);
      const factor = run.num(tiltHere.deductibleFactor);
      episodeDeductible = episodeDeductible.times(factor);
      adjustments.push({ kind: "tilt-deductible", categories: run.matching(tiltHere.categories), factor });
    }
    let applied: Dec;
    if (scheme.deductiblePer === "admission") {
      applied = min(inPolicy, episodeDeductible);
    } else {
      const shared = yearDeductibleLeft[ep.kind] ?? episodeDeductible;
      const deductibleLeft = run.pinned(ep, "basic") ? episodeDeductible : shared;
      applied = min(inPolicy, deductibleLeft);
      yearDeductibleLeft[ep.kind] = nonNegative(sub(shared, applied));
      if (!episodeDeductible.isZero()) adjustments.push({ kind: "yearly-deductible", deductible: episodeDeductible });
    }

    let rate = run.byLevel(scheme.rate, ep.facility);
    let rateMoved = false;
    if (tiltHere?.ratePoints && (!tiltHere.requiresReferralOutOfRegion || ep.inRegion || ep.referred)) {
      for (const s of tiltHere.sources) run.cite(s);
      const points = run.num(tiltHere.ratePoints);
      rate = rate.plus(points);
      rateMoved = true;
      adjustments.push({ kind: "tilt-rate", categories: run.matching(tiltHere.categories), points });
    }
    if (!ep.inRegion) {
      for (const s of l.outOfRegion.sources) run.cite(s);
      const points = run.num(ep.referred ? l.outOfRegion.referredPoints : l.outOfRegion.unreferredPoints);
      rate = rate.minus(points);
      rateMoved = true;
      adjustments.push({ kind: "out-of-region", referred: ep.referred, points });
    }
    // clamp returns the pack's own value object when it is in range (its text is then formatted once).
    rate = clamp(rate, ZERO, ONE);

    const group = scheme.capGroup;
    const groupCap = run.num(insurance.caps[group]);
    const capLeft = run.pinned(ep, "basic") ? groupCap : nonNegative(sub(groupCap, usedByGroup[group]));
    const due = toFen(sub(inPolicy, applied).times(rate));
    const p = min(min(due, capLeft), ep.left);
    usedByGroup[group] = add(usedByGroup[group], p);
    pay(ep, "basic", p);
    paid = add(paid, p);
    base = add(base, inPolicy);
    deductible = add(deductible, applied);
    commonRate = commonRate === undefined ? rate : commonRate !== null && eq(commonRate, rate) ? commonRate : null;
    if (group === "main" || cap === undefined) cap = groupCap;
    computed++;
    run.computedLayer();
    trace.steps.push({
      step: "computed",
      base: inPolicy,
      deductible: episodeDeductible,
      applied,
      rate,
      rateMoved,
      due,
      paid: p,
      cap: groupCap,
      belowDeductible: lte(inPolicy, applied),
      capped: gt(due, p),
      adjustments,
    });
  }
  const out: LayerOutcome = { paid, origin: settledAll ? "settled" : "computed", trace };
  if (computed) {
    out.base = base;
    out.deductible = deductible;
    if (commonRate) out.rate = commonRate;
    out.cap = cap;
  }
  return out;
}
