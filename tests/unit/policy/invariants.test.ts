import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/policy";
import type { EstimateResult } from "@/lib/policy";
import { getPackDef } from "@/lib/policy/registry";
import { episodeArb, fen, money, requestArb, type Req } from "@/tests/unit/policy/arbitraries";

/**
 * Property tests of the contract's invariants (CALC-CONTRACT.md v2, "Result"),
 * over random valid requests for every pack, both locales, 1–5 episodes,
 * settled layers, exclusions and every category. The identities hold for
 * every request; category and bill-size monotonicity only for one-episode
 * requests (across several bills a per-stay rule such as 鹿寨's 90 % per
 * 住院, combined with yearly deductibles, can break them: the seed wins,
 * docs/calculation.md).
 */

function run(r: unknown): EstimateResult | null {
  const res = estimate(r);
  if (res.status === 200) return res.body;
  // The only 400 a generated request may meet: a settled amount above what is left.
  expect(res.body.error.code).toBe("invalid-request");
  for (const i of res.body.error.issues) expect(i.path).toMatch(/^episodes\.\d+\.settled\./);
  return null;
}

const FEN = /^\d+\.\d{2}$/;

/** The request with its first episode only (the scope of the monotonicity invariants, contract v2). */
const oneEpisode = (r: Req): Req => ({ ...r, episodes: r.episodes.slice(0, 1) });

/** An episode every pack leaves out of every layer (care abroad: 社会保险法 第三十条 and each pack's list). */
const whollyExcluded = (total: string): Record<string, unknown> => ({
  kind: "inpatient",
  facility: "city",
  inRegion: true,
  referred: false,
  designated: true,
  emergency: false,
  cause: "abroad",
  total,
  selfFunded: "0.00",
});
const CHAIN = ["tekun", "dibao", "dibao-edge", "medical-poverty"] as const;

describe("contract invariants (fast-check, all packs)", () => {
  it("reimbursed + personal = total exactly; paid ≥ 0; no layer pays more than what was left; ratio = personal / total", () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const res = run(r);
        if (!res) return;
        const total = new Decimal(res.total);
        const episodesTotal = (r as Req).episodes.reduce((s, e) => s.plus(e.total as string), new Decimal(0));
        expect(total.eq(episodesTotal)).toBe(true);
        let sum = new Decimal(0);
        for (const l of res.layers) {
          expect(l.paid).toMatch(FEN);
          const p = new Decimal(l.paid);
          expect(p.gte(0)).toBe(true);
          sum = sum.plus(p);
          // what was left after the layers before this one
          expect(sum.lte(total)).toBe(true);
        }
        expect(sum.eq(res.reimbursed)).toBe(true);
        expect(new Decimal(res.reimbursed).plus(res.personal).eq(total)).toBe(true);
        expect(new Decimal(res.personal).gte(0)).toBe(true);
        expect(res.personalRatio).toBe(new Decimal(res.personal).div(total).toFixed(4, Decimal.ROUND_HALF_UP));
        // Per-episode breakdown (v2): one entry per request episode, in request order, adding up exactly.
        const eps = (r as Req).episodes;
        expect(res.episodes.map((e) => e.index)).toEqual(eps.map((_, i) => i));
        let personal = new Decimal(0);
        for (let i = 0; i < eps.length; i++) {
          const e = res.episodes[i];
          expect(new Decimal(e.total).eq(eps[i].total as string)).toBe(true);
          expect(e.personal).toMatch(FEN);
          expect(new Decimal(e.personal).gte(0)).toBe(true);
          const paidHere = Object.values(e.paid).reduce((x, v) => x.plus(v as string), new Decimal(0));
          expect(paidHere.plus(e.personal).eq(e.total)).toBe(true);
          personal = personal.plus(e.personal);
          if (e.excluded !== null) expect(res.excluded.some((x) => x.episode === i && x.reason === e.excluded)).toBe(true);
        }
        expect(personal.eq(res.personal)).toBe(true);
        for (const l of res.layers) {
          const fromEpisodes = res.episodes.reduce((x, e) => x.plus(e.paid[l.id] ?? "0"), new Decimal(0));
          expect(fromEpisodes.eq(l.paid), `${l.id} ${JSON.stringify(r)}`).toBe(true);
        }
        for (const a of res.assumptions) {
          expect(Object.keys(a)).toEqual(["id", "text", "affects"]);
          for (const id of a.affects) expect(res.layers.map((l) => l.id)).toContain(id);
        }
        expect(new Set(res.assumptions.map((a) => a.id)).size).toBe(res.assumptions.length);
        expect(res.layers.map((l) => l.id)).toEqual(
          [...res.layers.map((l) => l.id)].sort(
            (a, b) => ["basic", "critical", "assistance", "tilted", "waiver", "backstop", "charity"].indexOf(a) -
              ["basic", "critical", "assistance", "tilted", "waiver", "backstop", "charity"].indexOf(b),
          ),
        );
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it("one episode: a more protected category never gets less: 特困 ≥ 低保 ≥ 低保边缘 ≥ 因病致贫 ≥ none", () => {
    fc.assert(
      fc.property(requestArb, (r0) => {
        const r = oneEpisode(r0 as Req);
        const others = r.person.categories.filter((c) => !(CHAIN as readonly string[]).includes(c));
        const results: (EstimateResult | null)[] = [...CHAIN.map((c) => [c]), []].map((cats) =>
          // Same facts for every category: no certification date (a date for one category only would compare unlike households).
          run({ ...r, person: { insurance: r.person.insurance, categories: [...cats, ...others] } }),
        );
        for (let i = 1; i < results.length; i++) {
          const better = results[i - 1];
          const worse = results[i];
          if (!better || !worse) continue;
          expect(new Decimal(better.reimbursed).gte(worse.reimbursed), `${r.policy} ${JSON.stringify(r)}`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it("one episode: a larger bill never leaves the family paying less (total up; total and 自费 up together)", () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), fen(50000), fc.boolean(), (r0, pick, delta, alsoSelf) => {
        const r = oneEpisode(r0 as Req);
        const before = run(r);
        if (!before) return;
        const k = pick % r.episodes.length;
        const episodes = r.episodes.map((e, i) => {
          if (i !== k) return e;
          const total = Math.round(Number(e.total) * 100) + delta;
          const self = Math.round(Number(e.selfFunded) * 100) + (alsoSelf ? delta : 0);
          return { ...e, total: money(total), selfFunded: money(self) };
        });
        const after = run({ ...r, episodes });
        if (!after) return;
        expect(new Decimal(after.personal).gte(before.personal), JSON.stringify({ r, k, delta, alsoSelf })).toBe(true);
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it("adding an excluded episode anywhere never changes what the other episodes get (no shared deductible or cap is touched by a stay every layer leaves out)", () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), fen(200000), (r0, at, cents) => {
        const r = r0 as Req;
        const before = run(r);
        if (!before) return;
        const k = at % (r.episodes.length + 1);
        const episodes = [...r.episodes.slice(0, k), whollyExcluded(money(cents)), ...r.episodes.slice(k)];
        const after = run({ ...r, episodes });
        expect(after).not.toBeNull();
        const others = after!.episodes.filter((e) => e.index !== k);
        expect(others.map((e) => [e.paid, e.personal]), JSON.stringify({ r, k })).toEqual(before.episodes.map((e) => [e.paid, e.personal]));
        expect(after!.episodes[k].personal).toBe(after!.episodes[k].total);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it("adding an episode some layer leaves out never raises what the other episodes leave the family to pay, beyond what that episode drew from the shared yearly layers", () => {
    // Contract v2: an excluded stay gets what the layers that still cover it give and takes its share of the
    // shared yearly deductibles and caps (基本医保's yearly 起付线 and 封顶线, 大病保险's 起付线 and 封顶, 医疗救助 /
    // 倾斜救助 thresholds and yearly limits, 浙江's yearly 兜底 standard), and nothing else. So the other bills'
    // personal total may rise by at most what the excluded bill was paid by those yearly layers; per-stay layers
    // (鹿寨's township split and 90 % guarantee) never look at another stay. docs/calculation.md, "Excluded stays".
    fc.assert(
      fc.property(requestArb, fc.nat(), episodeArb, (r0, at, x0) => {
        const r = r0 as Req;
        const before = run(r);
        if (!before) return;
        const k = at % (r.episodes.length + 1);
        const { settled: _settled, ...x } = x0 as Record<string, unknown>;
        // A date that keeps the list in order: the last dated bill before the new one, else the first after it.
        const dated = [...r.episodes.slice(0, k)].reverse().find((e) => e.date) ?? r.episodes.slice(k).find((e) => e.date);
        if (dated) x.date = dated.date;
        const episodes = [...r.episodes.slice(0, k), x, ...r.episodes.slice(k)];
        const after = run({ ...r, episodes });
        if (!after) return;
        // Only episodes some layer leaves out (the property is about excluded stays).
        if (!after.excluded.some((e) => e.episode === k)) return;
        const rules = new Map(getPackDef(r.policy).layers.map((l) => [l.id, l.rule] as const));
        const yearly = (id: string) => rules.get(id as never) !== "facility-split" && rules.get(id as never) !== "guarantee-ratio";
        const drawn = Object.entries(after.episodes[k].paid)
          .filter(([id]) => yearly(id))
          .reduce((s, [, v]) => s.plus(v as string), new Decimal(0));
        // A yearly layer pays each bill the rounded increase of its formula over the cumulative base (docs/calculation.md,
        // "yearlyLoop"), so a bill whose share rounds to ¥0.00 still moves the base the later bills are rounded against:
        // one fen per yearly layer may move between bills. That is the documented rounding point, not an exclusion effect.
        const slack = new Decimal("0.01").times([...rules.keys()].filter(yearly).length);
        const othersBefore = before.episodes.reduce((s, e) => s.plus(e.personal), new Decimal(0));
        const othersAfter = after.episodes.filter((e) => e.index !== k).reduce((s, e) => s.plus(e.personal), new Decimal(0));
        expect(othersAfter.minus(othersBefore).lte(drawn.plus(slack)), JSON.stringify({ r, k, x, drawn: drawn.toFixed(2) })).toBe(true);
        // A bill no yearly layer pays raises no other bill's personal part (it may lower one: its costs can use up
        // a yearly 起付线 the later bills then skip). Unless a yearly limit binds: then the threshold it used up lets an
        // earlier bill take part of the limit a later bill took before, and only the others' total is bounded (above).
        const capBinds = (res: NonNullable<ReturnType<typeof run>>) =>
          res.layers.some((l) => yearly(l.id) && l.cap !== undefined && new Decimal(l.paid).gte(l.cap));
        if (drawn.isZero() && !capBinds(before) && !capBinds(after)) {
          const others = after.episodes.filter((e) => e.index !== k);
          others.forEach((e, i) => expect(new Decimal(e.personal).lte(new Decimal(before.episodes[i].personal).plus(slack)), JSON.stringify({ r, k, x, i })).toBe(true));
        }
      }),
      { numRuns: 1500 },
    );
  }, 180_000);

  it("bills are consumed in request order: a bill added at the end never changes what the earlier bills get", () => {
    fc.assert(
      fc.property(requestArb, (r0) => {
        const r = r0 as Req;
        if (r.episodes.length < 2) return;
        const earlier = run({ ...r, episodes: r.episodes.slice(0, -1) });
        const all = run(r);
        if (!earlier || !all) return;
        expect(all.episodes.slice(0, -1).map((e) => [e.paid, e.personal]), JSON.stringify(r)).toEqual(earlier.episodes.map((e) => [e.paid, e.personal]));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
