import { add, type Dec, isPositive, min, toFen, ZERO } from "../money";
import type { WaiverLayerDef } from "../pack-schema";
import type { LayerId } from "../types";
import type { Run } from "../run";
import { episodeStart, pay } from "./settle";
import type { LayerOutcome, WaiverTrace } from "./trace";

/**
 * 医疗机构减免 (rule `facility-split`): per 住院 at the facilities the pack
 * names, the facility bears `share` of the personal part left.
 *
 * Clause: 鹿寨 004 重病兜底保障一批 五(二) (乡镇卫生院 住院: 个人自付部分
 * 卫生院 50 %, 县 50 %; the county half is the 兜底 layer's split).
 *
 * Parameters read: `share`; the layer's `categories`, `facility`, `kinds`,
 * `inRegionOnly`.
 */
export function waiverLayer(run: Run, l: WaiverLayerDef): LayerOutcome {
  const id: LayerId = "waiver";
  const eligible = l.categories.some((c) => run.cats.has(c));
  const trace: WaiverTrace = { rule: "facility-split", layer: l, notEligible: false, steps: [] };
  let paid = ZERO;
  let base = ZERO;
  let computed = 0;
  let settledAll = true;
  let share: Dec | undefined;
  for (const ep of run.episodes) {
    const start = episodeStart(run, ep, id, eligible, l.categories);
    if (start) {
      if (start.step === "settled") paid = add(paid, start.paid);
      else settledAll = false;
      trace.steps.push(start);
      continue;
    }
    settledAll = false;
    if (!l.facility.includes(ep.facility) || !l.kinds.includes(ep.kind) || (l.inRegionOnly && !ep.inRegion)) {
      pay(ep, id, ZERO);
      trace.steps.push({ step: "not-applicable" });
      continue;
    }
    share = run.num(l.share);
    const left = ep.left;
    const p = min(toFen(left.times(share)), ep.left);
    pay(ep, id, p);
    paid = add(paid, p);
    base = add(base, left);
    computed++;
    run.computedLayer();
    trace.steps.push({ step: "computed", base: left, share, paid: p });
  }
  trace.notEligible = !eligible && !isPositive(paid) && run.episodes.every((e) => e.settled.waiver === undefined);
  const out: LayerOutcome = { paid, origin: settledAll ? "settled" : "computed", trace };
  if (computed) {
    out.base = base;
    out.rate = share;
  }
  return out;
}
