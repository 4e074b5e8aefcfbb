import { getPack } from "@/lib/policy";

/**
 * The floor the benchmark compares against: the same layer arithmetic as the
 * engine for the national-2021 bench requests (基本医保 by level with cap,
 * 大病保险 bands with the 低保 tilt, 医疗救助, 倾斜救助, yearly accumulation,
 * per-layer rounding to the fen), in plain floats, with no validation and no
 * texts. Parameter values are read from the pack, not repeated here.
 */

type Levels = Record<string, string>;
type Bands = { basis: string; bands: { from: string; rate: string }[] };

export function makeFloatEstimate(date: string) {
  const view = getPack("national-2021", date)!;
  const v = (id: string) => view.parameters.find((p) => p.id === id)!.value;
  const num = (id: string) => Number(v(id) as string);
  const ded = v("basic-res-ip-deductible") as Levels;
  const rate = v("basic-res-ip-rate") as Levels;
  const cap = num("basic-res-cap");
  const bands = (v("critical-bands") as Bands).bands.map((b) => ({ from: Number(b.from), rate: Number(b.rate) + num("critical-tilt-points") }));
  const critT = num("critical-threshold") * num("critical-tilt-threshold-factor");
  const aRatio = num("assistance-priority-ratio");
  const aLimit = num("assistance-limit");
  const tT = num("tilted-threshold");
  const tRatio = num("tilted-ratio");
  const tCap = num("tilted-cap");
  const fen = (x: number) => Math.round(x * 100) / 100;

  const critF = (c: number) => {
    const x = c - critT;
    if (x <= 0) return 0;
    let pay = 0;
    for (let i = 0; i < bands.length; i++) {
      const hi = i + 1 < bands.length ? Math.min(x, bands[i + 1].from) : x;
      if (hi > bands[i].from) pay += (hi - bands[i].from) * bands[i].rate;
    }
    return pay;
  };

  return (req: { episodes: { facility: string; total: string; selfFunded?: string }[] }) => {
    let used = 0;
    let c1 = 0, p1 = 0, c2 = 0, p2 = 0, c3 = 0, p3 = 0;
    let total = 0, reimbursed = 0;
    for (const e of req.episodes) {
      const t = Number(e.total);
      const inPolicy = t - Number(e.selfFunded ?? "0");
      total += t;
      const basic = Math.min(fen(Math.max(0, inPolicy - Number(ded[e.facility])) * Number(rate[e.facility])), Math.max(0, cap - used));
      used += basic;
      let b = inPolicy - basic;
      c1 += b;
      const crit = Math.max(0, fen(critF(c1)) - p1);
      p1 += crit;
      b -= crit;
      c2 += b;
      const asst = Math.max(0, fen(Math.min(aLimit, c2 * aRatio)) - p2);
      p2 += asst;
      b -= asst;
      c3 += b;
      const tilt = Math.max(0, fen(Math.min(tCap, Math.max(0, c3 - tT) * tRatio)) - p3);
      p3 += tilt;
      reimbursed += basic + crit + asst + tilt;
    }
    const personal = total - reimbursed;
    return { reimbursed, personal, ratio: personal / total };
  };
}
