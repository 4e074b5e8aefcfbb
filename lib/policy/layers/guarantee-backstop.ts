import { add, type Dec, isPositive, min, nonNegative, sub, toFen, ZERO } from "../money";
import type { GuaranteeBackstopDef } from "../pack-schema";
import type { LayerId } from "../types";
import type { EpisodeState, Run } from "../run";
import { episodeStart, pay } from "./settle";
import type { GuaranteeTrace, LayerOutcome } from "./trace";

/**
 * 兜底, 90 % guarantee (rule `guarantee-ratio`), per 住院: each discharge
 * gets its own 住院总费用 × ratio − 已报销总额 (never negative); one stay
 * reimbursed above 90 % never eats another stay's guarantee (contract v2,
 * worked example 4). At a 乡镇卫生院 the personal part left is split
 * instead: `splitShare` of it here, the rest by the facility (waiver layer).
 *
 * Clauses: 鹿寨 004 重病兜底保障一批 五(一) (救助报销金额 = 住院总费用 × 90%
 * − 已救助报销总额), 五(二) (乡镇卫生院 50 / 50).
 *
 * Parameters read: `ratio`, `splitShare`; the layer's `categories`, `kinds`,
 * `splitFacility`.
 */
export function guaranteeBackstop(run: Run, l: GuaranteeBackstopDef): LayerOutcome {
  const id: LayerId = "backstop";
  const eligible = l.categories.some((c) => run.cats.has(c));
  const trace: GuaranteeTrace = { rule: "guarantee-ratio", layer: l, notEligible: false, steps: [] };
  if (!eligible && run.episodes.every((e) => e.settled.backstop === undefined)) {
    for (const ep of run.episodes) pay(ep, id, ZERO);
    trace.notEligible = true;
    return { paid: ZERO, origin: "computed", trace };
  }
  let paid = ZERO;
  let settledAll = true;
  let guaranteeBase = ZERO;
  let guaranteeRatio: Dec | undefined;
  let guaranteed = 0;
  let splitBase = ZERO;
  let splitShare: Dec | undefined;
  let split = 0;
  for (const ep of run.episodes) {
    const start = episodeStart(run, ep, id, eligible, l.categories);
    if (start) {
      if (start.step === "settled") paid = add(paid, start.paid);
      else settledAll = false;
      trace.steps.push(start);
      continue;
    }
    settledAll = false;
    if (!l.kinds.includes(ep.kind)) {
      pay(ep, id, ZERO);
      trace.steps.push({ step: "kind-not-covered" });
    } else if (splitApplies(l, ep)) {
      const share = run.num(l.splitShare!);
      const remainder = add(ep.left, ep.paid.waiver ?? ZERO);
      const p = min(toFen(remainder.times(share)), ep.left);
      pay(ep, id, p);
      run.computedLayer();
      paid = add(paid, p);
      splitBase = add(splitBase, remainder);
      splitShare = share;
      split++;
      trace.steps.push({ step: "split", base: remainder, share, paid: p });
    } else {
      const ratio = run.num(l.ratio);
      const target = ep.total.times(ratio);
      const reimbursed = sub(ep.total, ep.left);
      const p = min(toFen(nonNegative(sub(target, reimbursed))), ep.left);
      pay(ep, id, p);
      run.computedLayer();
      paid = add(paid, p);
      guaranteeBase = add(guaranteeBase, ep.total);
      guaranteeRatio = ratio;
      guaranteed++;
      trace.steps.push({ step: "guarantee", total: ep.total, ratio, target, reimbursed, paid: p, met: !isPositive(p) });
    }
  }
  const out: LayerOutcome = { paid, origin: settledAll ? "settled" : "computed", trace };
  // base and rate only when one rule computed every computed stay (a mix has no single rate).
  if (guaranteed && !split) {
    out.base = guaranteeBase;
    out.rate = guaranteeRatio;
  } else if (split && !guaranteed) {
    out.base = splitBase;
    out.rate = splitShare;
  }
  return out;
}

/** Whether a township-style split (waiver then backstop) covers this episode. */
function splitApplies(l: GuaranteeBackstopDef, ep: EpisodeState): boolean {
  return !!l.splitShare && l.splitFacility.includes(ep.facility) && ep.inRegion && ep.settled.waiver === undefined;
}
