import { D } from "@/lib/policy/money";
import type { MonitoringRule } from "@/lib/policy/monitoring-rules";
import { evaluate, type RuleSummary, type ScreenInput } from "@/lib/monitoring/screen";

/**
 * The threshold simulator: a proposed rule set (the pack's rules with a threshold changed, or a
 * rule from elsewhere, e.g. 汕尾's ≥ ¥50,000 over 12 months) run over a past period without writing
 * anything: how many people it would flag, per rule and per certification or scheme, and the
 * money involved (what they paid, what is above the threshold).
 */

export interface SimulationGroup {
  /** A certification category, or the insurance scheme for people without one. */
  group: string;
  people: number;
  /** Fen. */
  amount: number;
  excess: number;
}

export interface Simulation {
  rules: RuleSummary[];
  groups: SimulationGroup[];
  total: { people: number; excluded: number; amount: number; excess: number };
}

/** A rule with its threshold replaced (yuan, as typed by the caseworker). */
export function withThreshold(rule: MonitoringRule, yuan: string): MonitoringRule {
  return { ...rule, threshold: { ...rule.threshold, value: new D(yuan), assumed: false } };
}

export function simulate(input: ScreenInput): Simulation {
  const groups = new Map<string, SimulationGroup>();
  const total = { people: 0, excluded: 0, amount: 0, excess: 0 };
  const rules = evaluate(input, (e) => {
    if (e.excluded) {
      total.excluded++;
      return;
    }
    const key = e.categories[0] ?? input.ledger.schemeOf(e.p);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { group: key, people: 0, amount: 0, excess: 0 }));
    g.people++;
    g.amount += e.amount;
    g.excess += e.amount - e.threshold;
    total.people++;
    total.amount += e.amount;
    total.excess += e.amount - e.threshold;
  });
  return { rules, groups: [...groups.values()].sort((a, b) => b.people - a.people), total };
}
