import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/policy";
import type { HouseholdResult } from "@/lib/policy";
import { requestArb, type Req } from "@/tests/unit/policy/arbitraries";
import { HOUSEHOLD_ZHEJIANG } from "@/tests/unit/policy/examples";
import { ep, fail, layer, ok } from "@/tests/unit/policy/helpers";

/**
 * The household request (contract v2): 浙江 001 二(三) 最低生活保障家庭其上年度承担的合理医疗费用
 * 超过低保年标准部分给予兜底救助 — the family's costs together, the standard (15,108) once.
 */

const household = (r: unknown) => ok(r) as HouseholdResult;
const slip = (basic: string) => ({ basic, critical: "0.00", assistance: "0.00" });
const withMembers = (members: unknown[]) => ({ ...HOUSEHOLD_ZHEJIANG, household: { members } });

describe("household requests (contract v2)", () => {
  it("浙江: a 低保 family's reasonable personal costs count together above 低保年标准 15,108, attributed where the running total crosses it (二(三))", () => {
    // pooled in date order: member 1 (07-10) 20000 → 20000 − 15108 = 4892; member 2 (08-01) cum 26000 → 10892, i.e. 6000 more.
    // Each alone would get 4892 and 0: the family pays 6000 less together.
    const r = household(HOUSEHOLD_ZHEJIANG);
    expect(layer(r, "backstop").paid).toBe("10892.00");
    expect(r.personal).toBe("15108.00");
    expect(r.members.map((m) => [layer(m as never, "backstop").paid, m.personal])).toEqual([["4892.00", "15108.00"], ["6000.00", "0.00"]]);
    expect(r.episodes.map((e) => [e.member, e.index, e.paid.backstop, e.personal])).toEqual([[0, 0, "4892.00", "15108.00"], [1, 0, "6000.00", "0.00"]]);
    expect(layer(r, "backstop").explanation).toContain("全家 2 人的合理医疗费用合并计算");
    expect(r.assumptions.map((a) => a.id)).not.toContain("annualExcess.family");
  });

  it("浙江: bills are pooled in date order — an earlier bill of member 2 comes first", () => {
    // member 2 (06-20) 6000 → 0; member 1 (07-10) cum 26000 → 10892 all on member 1's bill
    const r = household(withMembers([
      { person: { insurance: "resident", categories: ["dibao"] }, episodes: [ep({ date: "2024-07-10", total: "30000.00", settled: slip("10000.00") })] },
      { person: { insurance: "resident", categories: ["dibao"] }, episodes: [ep({ date: "2024-06-20", total: "10000.00", settled: slip("4000.00") })] },
    ]));
    expect(r.members.map((m) => m.personal)).toEqual(["9108.00", "6000.00"]);
  });

  it("浙江: a 特困 member keeps the individual 全额兜底; the others are pooled as the 低保 family", () => {
    // member 1 特困: 5000 − 2000 = 3000, 全额 → 3000; members 2 and 3 低保: 20000 + 6000 − 15108 = 10892
    const r = household(withMembers([
      { person: { insurance: "resident", categories: ["tekun"] }, episodes: [ep({ total: "5000.00", settled: slip("2000.00") })] },
      { person: { insurance: "resident", categories: ["dibao"] }, episodes: [ep({ total: "30000.00", settled: slip("10000.00") })] },
      { person: { insurance: "resident", categories: [] }, episodes: [ep({ total: "10000.00", settled: slip("4000.00") })] },
    ]));
    expect(r.members.map((m) => layer(m as never, "backstop").paid)).toEqual(["3000.00", "4892.00", "6000.00"]);
    expect(layer(r, "backstop").paid).toBe("13892.00");
  });

  it("an invalid member field is reported with the member's place", () => {
    const e = fail(withMembers([{ person: { insurance: "resident" }, episodes: [ep({ total: "-1.00" })] }]));
    expect(e.code).toBe("invalid-request");
    expect(e.issues[0].path).toBe("household.members.0.episodes.0.total");
    expect(e.issues[0].message).toContain("第 1 位家庭成员");
  });

  it("identities hold per episode, per member and for the household (fast-check, every pack)", () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), (r0, cut) => {
        const r = r0 as Req;
        const k = 1 + (cut % r.episodes.length);
        const members = [{ person: r.person, episodes: r.episodes.slice(0, k) }];
        if (k < r.episodes.length) members.push({ person: { ...r.person, categories: [] }, episodes: r.episodes.slice(k) });
        const res = estimate({ policy: r.policy, serviceDate: r.serviceDate, locale: r.locale, household: { members } });
        if (res.status !== 200) return;
        const h = res.body as HouseholdResult;
        let total = new Decimal(0);
        let personal = new Decimal(0);
        for (const m of h.members) {
          const paid = m.layers.reduce((s, l) => s.plus(l.paid), new Decimal(0));
          expect(paid.plus(m.personal).eq(m.total)).toBe(true);
          expect(m.episodes.reduce((s, e) => s.plus(e.personal), new Decimal(0)).eq(m.personal)).toBe(true);
          for (const l of m.layers) expect(m.episodes.reduce((s, e) => s.plus(e.paid[l.id] ?? "0"), new Decimal(0)).eq(l.paid)).toBe(true);
          total = total.plus(m.total);
          personal = personal.plus(m.personal);
        }
        expect(total.eq(h.total)).toBe(true);
        expect(personal.eq(h.personal)).toBe(true);
        expect(new Decimal(h.reimbursed).plus(h.personal).eq(h.total)).toBe(true);
        for (const l of h.layers) {
          expect(h.members.reduce((s, m) => s.plus(m.layers.find((x) => x.id === l.id)!.paid), new Decimal(0)).eq(l.paid)).toBe(true);
          expect(new Decimal(l.paid).gte(0)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});
