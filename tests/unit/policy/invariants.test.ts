import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/policy";
import type { EstimateResult } from "@/lib/policy";
import { fen, money, requestArb, type Req } from "@/tests/unit/policy/arbitraries";

/**
 * Property tests of the contract's invariants (CALC-CONTRACT.md, "Result"),
 * over random valid requests for every pack, both locales, 1–5 episodes,
 * settled layers, exclusions and every category.
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

  it("a more protected category never gets less: 特困 ≥ 低保 ≥ 低保边缘 ≥ 因病致贫 ≥ none", () => {
    fc.assert(
      fc.property(requestArb, (r0) => {
        const r = r0 as Req;
        const others = r.person.categories.filter((c) => !(CHAIN as readonly string[]).includes(c));
        const results: (EstimateResult | null)[] = [...CHAIN.map((c) => [c]), []].map((cats) =>
          run({ ...r, person: { ...r.person, categories: [...cats, ...others] } }),
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

  it("a larger bill never leaves the family paying less (total up; total and 自费 up together)", () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), fen(50000), fc.boolean(), (r0, pick, delta, alsoSelf) => {
        const r = r0 as Req;
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
});
