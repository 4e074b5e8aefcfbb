import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate, estimateText, PACK_IDS, serializeEstimateResponse, serializeJson, type EstimateResponse } from "@/lib/policy";
import { requestArb, type Req } from "@/tests/unit/policy/arbitraries";
import { HOUSEHOLD_ZHEJIANG } from "@/tests/unit/policy/examples";

/**
 * The doors' specialised serializer (serialize-result.ts) writes exactly the
 * generic walk's bytes (serializeJson, itself JSON.stringify + "\n", checked
 * in serialize.test.ts) for every response the engine makes: one person and
 * household results of every pack in both scripts, and error responses.
 */

function same(res: EstimateResponse): void {
  const oracle = JSON.stringify(res.body) + "\n";
  expect(serializeJson(res.body)).toBe(oracle);
  expect(serializeEstimateResponse(res)).toBe(oracle);
}

const LOCALES = ["zh-Hans", "zh-Hant"] as const;
const RUNS = 60;

describe("serializeEstimateResponse = serializeJson, byte for byte", () => {
  for (const policy of PACK_IDS) {
    for (const locale of LOCALES) {
      it(`${policy} ${locale}: one person and household results`, () => {
        let results = 0;
        const reqs = requestArb.filter((r) => r.policy === policy).map((r) => ({ ...(r as Req), locale }));
        fc.assert(
          fc.property(reqs, fc.nat(), (r, cut) => {
            const one = estimate(r);
            if (one.status === 200) results++;
            same(one);
            const k = 1 + (cut % r.episodes.length);
            const members = [{ person: r.person, episodes: r.episodes.slice(0, k) }];
            if (k < r.episodes.length) members.push({ person: { ...r.person, categories: [] }, episodes: r.episodes.slice(k) });
            same(estimate({ policy, serviceDate: r.serviceDate, locale, household: { members } }));
          }),
          { numRuns: RUNS },
        );
        // About two thirds of generated requests are valid (the rest get error responses, also compared).
        expect(results).toBeGreaterThan(RUNS / 3);
      }, 60_000);
    }
  }

  it("the household example (family-level 兜底) in both scripts", () => {
    for (const locale of LOCALES) {
      const res = estimate({ ...HOUSEHOLD_ZHEJIANG, locale });
      expect(res.status).toBe(200);
      expect("members" in res.body).toBe(true);
      same(res);
    }
  });

  it("error responses: invalid fields, odd keys, unknown policy, no version in force, bad JSON text", () => {
    const oddKey = fc.string({ unit: "binary", maxLength: 12 });
    const oddValue = fc.oneof(fc.jsonValue(), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...LOCALES), fc.dictionary(oddKey, oddValue, { maxKeys: 3 }), fc.nat(), oddValue, (r0, locale, extra, pick, v) => {
        const r = { ...(r0 as Req), locale } as Record<string, unknown>;
        const episodes = (r.episodes as Record<string, unknown>[]).map((e) => ({ ...e }));
        const keys = Object.keys(episodes[0]);
        episodes[0][keys[pick % keys.length]] = v;
        same(estimate({ ...r, episodes }));
        same(estimate({ ...r, ...extra }));
        same(estimate({ ...r, person: { ...(r.person as object), ...extra } }));
        same(estimate({ ...r, policy: `no-such-${pick}` }));
        same(estimate({ ...r, serviceDate: "1990-01-01" }));
        same(estimate({ policy: r.policy, serviceDate: r.serviceDate, locale, household: { members: [{ person: r.person, episodes, ...extra }] } }));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => same(estimateText(text))),
      { numRuns: 300 },
    );
    for (const text of ["", "null", "[]", "{", '{"policy":1}', "\"\\ud800\""]) same(estimateText(text));
  }, 60_000);
});
