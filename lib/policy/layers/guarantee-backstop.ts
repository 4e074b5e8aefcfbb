import { add, type Dec, formatMoney, formatPercent, isPositive, min, nonNegative, sub, toFen, ZERO } from "../money";
import { list } from "../messages";
import type { GuaranteeBackstopDef } from "../pack-schema";
import { type LayerId } from "../types";
import { combine, episodeStart, pay } from "./settle";
import { EpisodeState, LayerOut, Run } from "../run";

// ---- 兜底 (鹿寨: 住院总费用 × 90% − 已报销; 乡镇卫生院 50 % split)

/** Whether a township-style split (waiver then backstop) covers this episode. */
export function splitApplies(l: GuaranteeBackstopDef, ep: EpisodeState): boolean {
  return !!l.splitShare && l.splitFacility.includes(ep.facility) && ep.inRegion && ep.settled.waiver === undefined;
}

/**
 * The 90 % guarantee, per 住院 (重病兜底保障一批 五(一)): each discharge gets
 * its own 住院总费用 × 90 % − 已报销总额 (never negative); one stay reimbursed
 * above 90 % never eats another stay's guarantee (contract v2, worked
 * example 4). At a 乡镇卫生院 the personal part left is split instead (五(二)).
 */
export function guaranteeBackstop(run: Run, l: GuaranteeBackstopDef): LayerOut {
  const id: LayerId = "backstop";
  const eligible = l.categories.some((c) => run.cats.has(c));
  if (!eligible && run.eps.every((e) => e.settled.backstop === undefined)) {
    for (const ep of run.eps) pay(ep, id, ZERO);
    return {
      paid: ZERO,
      origin: "computed",
      explanation: run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(l.categories) }),
    };
  }
  const frags: string[] = new Array(run.eps.length);
  let paid = ZERO;
  let settledAll = true;
  let guaranteeBase = ZERO;
  let guaranteeRatio: Dec | undefined;
  let nGuarantee = 0;
  let splitBase = ZERO;
  let splitShare: Dec | undefined;
  let nSplit = 0;
  for (const ep of run.eps) {
    const start = episodeStart(run, ep, id, eligible, l.categories);
    if (start) {
      if (start.settled) paid = add(paid, start.settled);
      else settledAll = false;
      frags[ep.i] = start.text;
      continue;
    }
    settledAll = false;
    if (!l.kinds.includes(ep.kind)) {
      pay(ep, id, ZERO);
      frags[ep.i] = run.t("explain.backstop.kindNotCovered", { kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])) });
    } else if (splitApplies(l, ep)) {
      const share = run.num(l.splitShare!);
      const remainder = add(ep.left, ep.paid.get("waiver") ?? ZERO);
      const p = min(toFen(remainder.times(share)), ep.left);
      pay(ep, id, p);
      run.computedLayer();
      paid = add(paid, p);
      splitBase = add(splitBase, remainder);
      splitShare = share;
      nSplit++;
      frags[ep.i] = run.t("explain.backstop.split", { base: formatMoney(remainder), rate: formatPercent(share), paid: formatMoney(p) });
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
      nGuarantee++;
      frags[ep.i] = run.t(isPositive(p) ? "explain.backstop.guarantee" : "explain.backstop.guaranteeMet", {
        total: formatMoney(ep.total),
        ratio: formatPercent(ratio),
        target: formatMoney(target),
        reimbursed: formatMoney(reimbursed),
        paid: formatMoney(p),
      });
    }
  }
  const out: LayerOut = { paid, origin: settledAll ? "settled" : "computed", explanation: combine(run, frags, paid) };
  // base and rate only when one rule computed every computed stay (a mix has no single rate).
  if (nGuarantee && !nSplit) {
    out.base = guaranteeBase;
    out.rate = guaranteeRatio;
  } else if (nSplit && !nGuarantee) {
    out.base = splitBase;
    out.rate = splitShare;
  }
  return out;
}
