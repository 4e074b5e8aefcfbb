import { describe, expect, it } from "vitest";
import { monitoringRulesOn } from "@/lib/policy/monitoring-rules";
import { fakeIdNumber } from "@/lib/monitoring/generate";
import { CostLedger } from "@/lib/monitoring/ledger";
import { MemoryRegistry, screen } from "@/lib/monitoring/screen";
import { simulate, withThreshold } from "@/lib/monitoring/simulate";
import type { SettlementRow } from "@/lib/monitoring/settlement";
import type { MonitoringRule, MonitoringScheme } from "@/lib/policy/monitoring-rules";

/**
 * The batch on generated data with known answers: for each 浙江 001 三(二) threshold, one person
 * a fen over it and one exactly on it (超过 = strictly above), their costs spread over several
 * settlements in the year.
 */

const ZJ = "zhejiang-district-2024";
const year = { from: "2025-01-01", to: "2025-12-31" };
let n = 0;

function settle(ledger: CostLedger, idNumber: string, scheme: MonitoringScheme, personalFen: number, opts: { assistance?: number; months?: number[] } = {}) {
  const months = opts.months ?? [2, 6, 11];
  let left = personalFen;
  months.forEach((m, i) => {
    const part = i === months.length - 1 ? left : Math.floor(personalFen / months.length);
    left -= part;
    const assistance = i === 0 ? (opts.assistance ?? 0) : 0;
    const row: SettlementRow = {
      settlementId: `T${n++}`,
      idNumber,
      scheme,
      date: `2025-${String(m).padStart(2, "0")}-10`,
      facility: "富阳区第一人民医院",
      level: "县级",
      inRegion: true,
      total: part * 4 + assistance,
      policyScope: part * 3,
      basic: part * 2,
      critical: part,
      assistance,
      personalCash: part,
    };
    ledger.add(row);
  });
}

function fixture() {
  const ledger = new CostLedger(year);
  const registry = new MemoryRegistry();
  const people: Record<string, string> = {};
  let i = 0;
  const person = (name: string) => (people[name] = fakeIdNumber(1000 + i++));
  // 低保 household of two: one member a fen over 15,612.00, one member under.
  registry.addHousehold("FY-DIBAO", [person("dibaoOver"), person("dibaoSpouse")], [{ category: "dibao", from: "2023-05-01" }]);
  registry.addHousehold("FY-DIBAO2", [person("dibaoOn")], [{ category: "dibao", from: "2023-05-01" }]);
  // 易返贫致贫 (at-risk): not certified for the annual 兜底, so not marked.
  registry.addHousehold("FY-ATRISK", [person("atRiskOver")], [{ category: "at-risk", from: "2024-01-01" }]);
  // Certified only from 2026: on 2025-12-31 they are an ordinary 职工 member.
  registry.addHousehold("FY-LATER", [person("laterEmployee")], [{ category: "dibao", from: "2026-02-01" }]);
  settle(ledger, people.dibaoOver, "employee", 1_561_201);
  settle(ledger, people.dibaoSpouse, "resident", 300_000);
  settle(ledger, people.dibaoOn, "resident", 1_561_200);
  settle(ledger, people.atRiskOver, "resident", 2_000_000, { assistance: 50_000 });
  settle(ledger, people.laterEmployee, "employee", 7_600_000);
  settle(ledger, person("employeeOver"), "employee", 7_499_701);
  settle(ledger, person("employeeOn"), "employee", 7_499_700);
  settle(ledger, person("residentOver"), "resident", 4_031_101);
  settle(ledger, person("residentOn"), "resident", 4_031_100);
  settle(ledger, person("retireeOver"), "retiree", 3_600_001);
  settle(ledger, person("retireeOn"), "retiree", 3_600_000);
  return { ledger, registry, people };
}

describe("screening with the 浙江 001 三(二) rules: just over and just under each threshold", () => {
  const { ledger, registry, people } = fixture();
  const rules = monitoringRulesOn(ZJ, year.to);
  const result = screen({ ledger, registry, rules, period: year, asOf: year.to });
  const flagOf = (name: string) => result.flags.find((f) => f.personKey === people[name]);

  it.each([
    ["dibaoOver", "assistance-recipients"],
    ["atRiskOver", "assistance-recipients"],
    ["employeeOver", "employee-members"],
    ["residentOver", "resident-members"],
    ["retireeOver", "enterprise-retirees"],
    ["laterEmployee", "employee-members"],
  ])("%s is flagged under %s", (name, rule) => {
    expect(flagOf(name)?.ruleId).toBe(rule);
  });

  it.each(["dibaoOn", "dibaoSpouse", "employeeOn", "residentOn", "retireeOn"])("%s (on or under the threshold) is not flagged", (name) => {
    expect(flagOf(name)).toBeUndefined();
  });

  it("a 低保 member who is 职工 is measured against 低保年标准, not the income threshold", () => {
    const f = flagOf("dibaoOver")!;
    expect(f.threshold).toBe(1_561_200);
    expect(f.amount).toBe(1_561_201);
    expect(f.scheme).toBe("employee");
  });

  it("the flag explains itself: window, layers paid, household members, help already received, data freshness", () => {
    const f = flagOf("dibaoOver")!;
    expect(f.window).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(f.householdKey).toBe("FY-DIBAO");
    expect(f.members).toEqual([
      { key: people.dibaoOver, personal: 1_561_201 },
      { key: people.dibaoSpouse, personal: 300_000 },
    ]);
    expect(f.helped).toEqual(["annual-backstop"]);
    expect(f.categories).toEqual(["dibao"]);
    expect(f.layers.personal).toBe(1_561_201);
    expect(f.layers).toEqual({ total: 6_244_804, basic: 3_122_402, critical: 1_561_201, assistance: 0, personal: 1_561_201 });
    expect(f.settlements).toBe(3);
    expect(f.dataThrough).toBe("2025-11-10");
    expect(f.thresholdParameter).toBe("dibao-annual");
  });

  it("易返贫致贫 is marked for the 医疗救助 it got, not for the annual 兜底 it is not owed", () => {
    expect(flagOf("atRiskOver")!.helped).toEqual(["assistance-paid"]);
  });

  it("the 企退 threshold is flagged as the pack's assumption", () => {
    expect(flagOf("retireeOver")!.thresholdAssumed).toBe(true);
    expect(flagOf("employeeOver")!.thresholdAssumed).toBe(false);
  });

  it("counts per rule", () => {
    const byRule = Object.fromEntries(result.rules.map((r) => [r.ruleId, r]));
    expect(byRule["assistance-recipients"]).toMatchObject({ measured: 4, flagged: 2, marked: 2 });
    expect(byRule["employee-members"]).toMatchObject({ measured: 3, flagged: 2 });
  });

  it("a measure as of mid-year counts only the year to date", () => {
    const mid = screen({ ledger, registry, rules, period: { from: "2025-01-01", to: "2025-06-30" }, asOf: "2025-06-30" });
    // two of three settlements (Feb, Jun) are in: under every threshold but the biggest.
    expect(mid.flags.map((f) => f.personKey)).not.toContain(people.residentOver);
  });
});

describe("threshold simulator", () => {
  const { ledger, registry } = fixture();
  const rules = monitoringRulesOn(ZJ, year.to);

  it("with the pack's rules it flags what the batch flags, writing nothing", () => {
    const sim = simulate({ ledger, registry, rules, period: year, asOf: year.to });
    const batch = screen({ ledger, registry, rules, period: year, asOf: year.to });
    expect(sim.total.people).toBe(batch.flags.length);
    expect(sim.total.amount).toBe(batch.flags.reduce((s, f) => s + f.amount, 0));
  });

  it("a lower threshold flags more; the groups show who", () => {
    const lower = rules.map((r) => (r.id === "resident-members" ? withThreshold(r, "30000") : r));
    const sim = simulate({ ledger, registry, rules: lower, period: year, asOf: year.to });
    const base = simulate({ ledger, registry, rules, period: year, asOf: year.to });
    expect(sim.total.people).toBe(base.total.people + 1); // residentOn (40,311.00) is now above 30,000
    expect(sim.groups.find((g) => g.group === "resident")?.people).toBe(2);
  });

  it("a 汕尾-style rule (rolling 12 months, people already paid by 医疗救助 left out) at a proposed threshold", () => {
    const shanwei: MonitoringRule = {
      packId: "simulation",
      id: "shanwei",
      population: { schemes: ["resident", "employee", "retiree"] },
      measure: "rolling-12-personal",
      threshold: { parameter: "proposed", value: withThreshold(rules[0], "19999.99").threshold.value, reliability: "ASSUMED", assumed: true },
      helped: [{ id: "assistance-paid", assistancePaid: true, treatment: "exclude" }],
      sourceIds: [],
    };
    const sim = simulate({ ledger, registry, rules: [shanwei], period: year, asOf: year.to });
    // Over 19,999.99: atRiskOver (left out: 医疗救助 paid), laterEmployee, and the six people at or a fen over the income thresholds.
    expect(sim.total.excluded).toBe(1);
    expect(sim.total.people).toBe(7);
  });
});
