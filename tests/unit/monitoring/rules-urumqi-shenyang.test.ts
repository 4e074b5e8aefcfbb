import { describe, expect, it } from "vitest";
import { fakeIdNumber } from "@/lib/monitoring/generate";
import { CostLedger } from "@/lib/monitoring/ledger";
import { MemoryRegistry, screen } from "@/lib/monitoring/screen";
import type { SettlementRow } from "@/lib/monitoring/settlement";
import { monitoringRulesOn, monitoringRuleTable, ruleSources, type MonitoringScheme } from "@/lib/policy/monitoring-rules";

/**
 * 政策找人 rules of 乌鲁木齐 (002 三(四)) and 沈阳 (000 六、1 / 六、4 / 七、4) as pack data: the rule table
 * by clause, and a screening with known answers (a fen over each threshold is flagged, exactly on it
 * is not: 超过). Where the seed gives no number the threshold is the pack's assumption and says so.
 */

const UQ = "urumqi-2023";
const SY = "shenyang-2023";
const year = { from: "2025-01-01", to: "2025-12-31" };
let n = 0;

function settle(ledger: CostLedger, idNumber: string, scheme: MonitoringScheme, personalFen: number, assistance = 0) {
  const row: SettlementRow = {
    settlementId: `U${n++}`, idNumber, scheme, date: "2025-06-10", facility: "医院", level: "三级", inRegion: true,
    total: personalFen * 3 + assistance, policyScope: personalFen * 2, basic: personalFen, critical: personalFen, assistance, personalCash: personalFen,
  };
  ledger.add(row);
}

describe("乌鲁木齐 002 三(四) 防范和化解因病致贫返贫长效机制", () => {
  const rules = monitoringRulesOn(UQ, "2025-12-31");
  const byId = Object.fromEntries(rules.map((r) => [r.id, r]));

  it("三(四) 重点监测 低保边缘对象和农村易返贫致贫人口: 个人年度医疗费用负担仍然较重 > ¥8,400 (assumed: 低保月标准 × 12; the seed gives no number)", () => {
    const r = byId["edge-and-at-risk"];
    expect(r.population.categoriesAny).toEqual(["dibao-edge", "at-risk"]);
    expect(r.measure).toBe("year-personal");
    expect(r.threshold).toMatchObject({ parameter: "monitoring-heavy-cost", assumed: true });
    expect(r.threshold.value.toFixed(2)).toBe("8400.00");
    expect(ruleSources(UQ, r, "zh-Hans")[0].quote).toContain("负担仍然较重的低保边缘对象和农村易返贫致贫人口");
  });

  it("三(四) 医保部门定期推送发生高额医疗费用的医疗救助对象: 特困、孤儿、低保、因病致贫 > 倾斜救助起付 ¥15,000 (assumed)", () => {
    const r = byId["assistance-recipients-high-cost"];
    expect(r.population.categoriesAny).toEqual(["tekun", "orphan", "dibao", "medical-poverty"]);
    expect(r.threshold).toMatchObject({ parameter: "tilted-threshold", assumed: true });
    expect(r.threshold.value.toFixed(2)).toBe("15000.00");
    const sources = ruleSources(UQ, r, "zh-Hant");
    expect(sources[0].clause).toContain("三(四)");
    expect(sources[0].quote).toContain("街道辦事處");
  });

  it("三(四) the rule table: two rules, each citing 三(四), both thresholds marked assumed; none before the pack is in force", () => {
    const table = monitoringRuleTable(UQ, "2025-12-31", "zh-Hans");
    expect(table.map((r) => r.id)).toEqual(["edge-and-at-risk", "assistance-recipients-high-cost"]);
    for (const row of table) {
      expect(row.clause).toContain("三(四)");
      expect(row.assumed).toBe(true);
    }
    expect(monitoringRulesOn(UQ, "2023-01-01")).toEqual([]);
  });

  it("三(四) screening: a fen over flags, exactly on does not; a person in no category is not watched", () => {
    const ledger = new CostLedger(year);
    const registry = new MemoryRegistry();
    const id = (i: number) => fakeIdNumber(5000 + i, "650102");
    registry.addHousehold("UQ-EDGE", [id(1)], [{ category: "dibao-edge", from: "2024-01-01" }]);
    registry.addHousehold("UQ-EDGE2", [id(2)], [{ category: "at-risk", from: "2024-01-01" }]);
    registry.addHousehold("UQ-DIBAO", [id(3)], [{ category: "dibao", from: "2024-01-01" }]);
    registry.addHousehold("UQ-DIBAO2", [id(4)], [{ category: "dibao", from: "2024-01-01" }]);
    settle(ledger, id(1), "resident", 840_001); // 低保边缘: ¥8,400.01
    settle(ledger, id(2), "resident", 840_000); // 易返贫致贫: exactly ¥8,400.00
    settle(ledger, id(3), "resident", 1_500_001, 1000); // 低保: ¥15,000.01, 医疗救助 paid: marked
    settle(ledger, id(4), "resident", 1_400_000); // 低保: under ¥15,000
    settle(ledger, id(5), "employee", 9_000_000); // no certification: no rule of 三(四) watches them
    const result = screen({ ledger, registry, rules, period: year, asOf: year.to });
    const flagged = Object.fromEntries(result.flags.map((f) => [f.personKey, f]));
    expect(Object.keys(flagged).sort()).toEqual([id(1), id(3)].sort());
    expect(flagged[id(1)]).toMatchObject({ ruleId: "edge-and-at-risk", amount: 840_001, threshold: 840_000, thresholdAssumed: true });
    expect(flagged[id(3)]).toMatchObject({ ruleId: "assistance-recipients-high-cost", helped: ["assistance-paid"] });
  });
});

describe("沈阳 000 六、1 一次性因病致贫重病患者医疗救助 / 六、4 走访排查 / 七、4 政策找人", () => {
  const rules = monitoringRulesOn(SY, "2025-12-31");

  it("六、1 / 六、4: 居民医保参保的中小学生和幼儿, 个人负担 > 因病致贫重病患者救助起付 ¥7,000 (assumed: the seed gives no number)", () => {
    expect(rules.map((r) => r.id)).toEqual(["pupils-high-cost"]);
    const r = rules[0];
    expect(r.population.schemes).toEqual(["resident"]);
    expect(r.threshold).toMatchObject({ parameter: "assistance-illness-threshold", assumed: true });
    expect(r.threshold.value.toFixed(2)).toBe("7000.00");
    const clauses = ruleSources(SY, r, "zh-Hans").map((s) => s.clause);
    expect(clauses).toEqual(expect.arrayContaining([expect.stringContaining("六、1"), expect.stringContaining("六、4"), expect.stringContaining("七、4")]));
    expect(ruleSources(SY, r, "zh-Hans").find((s) => s.clause.includes("七、4"))?.quote).toContain("政策找人");
  });

  it("六、1: 特困、低保、低保边缘 already have their costs in 医疗救助: flagged and marked, not dropped; 职工 members are not watched", () => {
    const ledger = new CostLedger(year);
    const registry = new MemoryRegistry();
    const id = (i: number) => fakeIdNumber(7000 + i, "210102");
    registry.addHousehold("SY-DIBAO", [id(1)], [{ category: "dibao", from: "2024-01-01" }]);
    settle(ledger, id(1), "resident", 700_001);
    settle(ledger, id(2), "resident", 700_001);
    settle(ledger, id(3), "resident", 700_000);
    settle(ledger, id(4), "employee", 5_000_000);
    const result = screen({ ledger, registry, rules, period: year, asOf: year.to });
    const flagged = Object.fromEntries(result.flags.map((f) => [f.personKey, f]));
    expect(Object.keys(flagged).sort()).toEqual([id(1), id(2)].sort());
    expect(flagged[id(1)].helped).toEqual(["certified-assistance"]);
    expect(flagged[id(2)].helped).toEqual([]);
  });
});
