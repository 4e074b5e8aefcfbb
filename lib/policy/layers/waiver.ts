import { add, type Dec, formatMoney, formatPercent, isPositive, min, toFen, ZERO } from "../money";
import { list } from "../messages";
import type { WaiverLayerDef } from "../pack-schema";
import { type LayerId } from "../types";
import { combine, episodeStart, pay } from "./settle";
import { LayerOut, Run } from "../run";

// ---- 医疗机构减免 (鹿寨: 乡镇卫生院 50 %)

export function waiverLayer(run: Run, l: WaiverLayerDef): LayerOut {
  const id: LayerId = "waiver";
  const eligible = l.categories.some((c) => run.cats.has(c));
  const frags: string[] = new Array(run.eps.length);
  let paid = ZERO;
  let base = ZERO;
  let computed = 0;
  let settledAll = true;
  let share: Dec | undefined;
  for (const ep of run.eps) {
    const start = episodeStart(run, ep, id, eligible, l.categories);
    if (start) {
      if (start.settled) paid = add(paid, start.settled);
      else settledAll = false;
      frags[ep.i] = start.text;
      continue;
    }
    settledAll = false;
    if (!l.facility.includes(ep.facility) || !l.kinds.includes(ep.kind) || (l.inRegionOnly && !ep.inRegion)) {
      pay(ep, id, ZERO);
      frags[ep.i] = run.t("explain.waiver.notApplicable", {
        where: list(run.locale, l.facility.map((f) => run.labels.facility[f])),
        kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])),
      });
      continue;
    }
    share = run.num(l.share);
    const b = ep.left;
    const p = min(toFen(b.times(share)), ep.left);
    pay(ep, id, p);
    paid = add(paid, p);
    base = add(base, b);
    computed++;
    run.computedLayer();
    frags[ep.i] = run.t("explain.waiver.paid", { base: formatMoney(b), rate: formatPercent(share), paid: formatMoney(p) });
  }
  const explanation = !eligible && !isPositive(paid) && run.eps.every((e) => e.settled.waiver === undefined)
    ? run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(l.categories) })
    : combine(run, frags, paid);
  const out: LayerOut = { paid, origin: settledAll ? "settled" : "computed", explanation };
  if (computed) {
    out.base = base;
    out.rate = share;
  }
  return out;
}
