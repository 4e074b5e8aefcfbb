import { describe, expect, it } from "vitest";
import { checkMonitoringRules, monitoringRulesOn, monitoringRuleTable, packsWithMonitoring, ruleSources } from "@/lib/policy/monitoring-rules";
import { PACK_IDS, validatePackDefinition } from "@/lib/policy/registry";
import zhejiang from "@/lib/policy/packs/zhejiang-district-2024.json";

const ZJ = "zhejiang-district-2024";

describe("monitoring rules are pack data, checked like the rest of a pack", () => {
  it.each(PACK_IDS)("%s: its monitoring rules (if any) are consistent", (id) => {
    expect(checkMonitoringRules(id)).toEqual([]);
  });

  it("the 浙江 001 pack carries rules; a pack without any stays valid", () => {
    expect(packsWithMonitoring()).toContain(ZJ);
    expect(validatePackDefinition(zhejiang)).toEqual([]);
  });

  it("a rule naming an unknown threshold makes the pack invalid", () => {
    const broken = structuredClone(zhejiang) as typeof zhejiang;
    (broken.monitoring[0] as { population: unknown }).population = { categoriesAny: ["no-such-category"] };
    expect(validatePackDefinition(broken).length).toBeGreaterThan(0);
  });
});

describe("浙江 001 三(二) 因病致贫返贫监测: the four thresholds, in force on 2025-12-31", () => {
  const rules = monitoringRulesOn(ZJ, "2025-12-31");
  const byId = Object.fromEntries(rules.map((r) => [r.id, r]));

  it("三(二) 社会救助对象、易返贫致贫对象、其他低收入对象: 年度个人医疗费用现金支付 > 低保年标准", () => {
    const r = byId["assistance-recipients"];
    expect(r.measure).toBe("year-personal");
    expect(r.threshold.parameter).toBe("dibao-annual");
    expect(r.threshold.value.toFixed(2)).toBe("15612.00");
    expect(r.population.categoriesAny).toEqual(expect.arrayContaining(["dibao", "tekun", "dibao-edge", "at-risk", "low-income"]));
    // 二(三): certified households are already owed the annual 兜底: flagged and marked, not dropped.
    expect(r.helped.find((h) => h.id === "annual-backstop")?.treatment).toBe("mark");
  });

  it("三(二) 职工医保参保人员: > 上年度城镇居民人均可支配收入", () => {
    expect(byId["employee-members"].threshold.value.toFixed(2)).toBe("74997.00");
    expect(byId["employee-members"].population.schemes).toEqual(["employee"]);
  });

  it("三(二) 城乡居民医保参保人员: > 上年度农村居民人均可支配收入", () => {
    expect(byId["resident-members"].threshold.value.toFixed(2)).toBe("40311.00");
    expect(byId["resident-members"].population.schemes).toEqual(["resident"]);
  });

  it("三(二) 企退人员: > 企业年平均养老金 — the seed gives no number, so the pack says it is assumed", () => {
    const r = byId["enterprise-retirees"];
    expect(r.population.schemes).toEqual(["retiree"]);
    expect(r.threshold.assumed).toBe(true);
    expect(r.threshold.reliability).toBe("ASSUMED");
  });

  it("the most protective rule comes first (a 低保 member who is also 职工 is measured against 低保年标准)", () => {
    expect(rules.map((r) => r.id)).toEqual(["assistance-recipients", "employee-members", "resident-members", "enterprise-retirees"]);
  });

  it("the 低保年标准 threshold follows its dated values (15,108 before 2025-01-23)", () => {
    expect(monitoringRulesOn(ZJ, "2024-12-31")[0].threshold.value.toFixed(2)).toBe("15108.00");
  });

  it("no rules before the pack is in force", () => {
    expect(monitoringRulesOn(ZJ, "2023-01-01")).toEqual([]);
  });

  it("cites the seed's clause 三(二) with its quote, in both scripts", () => {
    const hans = ruleSources(ZJ, byId["employee-members"], "zh-Hans")[0];
    expect(hans.clause).toContain("三(二)");
    expect(hans.quote).toContain("城镇居民人均可支配收入");
    expect(ruleSources(ZJ, byId["employee-members"], "zh-Hant")[0].quote).toContain("城鎮居民人均可支配收入");
  });

  it("the rule table names each rule, its threshold and clause", () => {
    const table = monitoringRuleTable(ZJ, "2025-12-31", "zh-Hans");
    expect(table).toHaveLength(4);
    for (const row of table) expect(row.clause).toContain("三(二)");
    expect(table.find((r) => r.id === "enterprise-retirees")?.assumed).toBe(true);
  });
});
