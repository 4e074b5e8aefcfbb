import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate, layersCovering } from "@/lib/policy";
import { requestArb, type Req } from "@/tests/unit/policy/arbitraries";

/** Who is covered, from pack data (lib/policy/coverage.ts): the same answer the calculator gives. */
describe("layersCovering: who a pack's layers can pay", () => {
  it.each([
    ["鹿寨: 建档立卡 with 城乡居民医保 — every layer (三、保障对象)", "luzhai-2018", "resident", ["poverty-registered"], ["basic", "critical", "assistance", "waiver", "backstop"]],
    ["鹿寨: 职工医保 — no 兜底 or waiver (三(二)8: 城乡居民医保 only); 职工大额补助 is not modelled", "luzhai-2018", "employee", ["poverty-registered"], ["basic", "assistance"]],
    ["鹿寨: uninsured — 医疗救助 only (三(二)8; 社会保险法)", "luzhai-2018", "none", ["poverty-registered"], ["assistance"]],
    ["浙江: 低保边缘 — 兜底 above the 低边年标准 (二(三))", "zhejiang-district-2024", "resident", ["dibao-edge"], ["basic", "critical", "assistance", "backstop"]],
    ["浙江: uninsured 低保 — no 兜底 (二(一): 参保家庭)", "zhejiang-district-2024", "none", ["dibao"], ["assistance"]],
    ["内蒙古: 低保边缘 is paid as 低收入 (≥ 50 %, 003) — 医疗救助 covers them", "inner-mongolia-2018", "resident", ["dibao-edge"], ["basic", "critical", "assistance"]],
    ["内蒙古: no category — no 医疗救助", "inner-mongolia-2018", "resident", [], ["basic", "critical"]],
  ])("%s", (_name, pack, insurance, categories, layers) => {
    expect(layersCovering(pack, { insurance: insurance as never, categories: categories as never })).toEqual(layers);
  });

  it("an unknown pack is null", () => {
    expect(layersCovering("nowhere", { insurance: "resident" })).toBeNull();
  });

  it("whatever layer the calculator computes a positive amount for is a covering layer (fast-check, every pack)", () => {
    fc.assert(
      fc.property(requestArb, (r0) => {
        const r = r0 as Req;
        const res = estimate(r);
        if (res.status !== 200) return;
        const covering = layersCovering(r.policy, r.person as never)!;
        res.body.episodes.forEach((e, i) => {
          const settled = ((r.episodes[i].settled ?? {}) as Record<string, string>);
          for (const [id, paid] of Object.entries(e.paid)) {
            if (settled[id] === undefined && paid !== "0.00") expect(covering, `${id} ${JSON.stringify(r)}`).toContain(id);
          }
        });
      }),
      { numRuns: 1500 },
    );
  }, 120_000);
});
