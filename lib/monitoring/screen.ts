import type { MonitoringMeasure, MonitoringRule, MonitoringScheme } from "@/lib/policy/monitoring-rules";
import type { Category } from "@/lib/policy/types";
import { yuanToFen } from "@/lib/monitoring/fen";
import type { CostLedger } from "@/lib/monitoring/ledger";
import { KeyIndex } from "@/lib/monitoring/key-index";
import type { Period } from "@/lib/monitoring/settlement";

/**
 * Screening in memory: every person in the ledger against the pack's monitoring rules, as of the
 * period's last day. A person is measured under the first rule whose population they are in
 * (rules are listed most protective first), flagged when the amount is strictly above the
 * threshold (超过), and marked or left out when a rule's "already helped" marker applies. Each
 * flag carries what its card shows: rule, threshold, amount, window, data freshness, household
 * members with their costs, help already received.
 */

export interface Certification {
  category: Category;
  from: string;
  to?: string | null;
}

export interface RegistryPerson {
  household?: string;
  certifications: Certification[];
}

/** What the household registry says about people, by the same key as the ledger's. */
export interface Registry {
  person(key: string): RegistryPerson | undefined;
  members(household: string): readonly string[];
}

export function categoriesOn(certs: readonly Certification[], date: string): Category[] {
  const out: Category[] = [];
  for (const c of certs) if (c.from <= date && (!c.to || date <= c.to) && !out.includes(c.category)) out.push(c.category);
  return out;
}

/**
 * A registry held in memory (tests, the benchmark, a batch after matching). People are found
 * through a KeyIndex, not a Map: screening asks for every person in the ledger (150,000 a year),
 * most of them not in the registry, and a Map's lookup of a key string made earlier costs a
 * hash of it and a cache miss on the stored key.
 */
export class MemoryRegistry implements Registry {
  private readonly index = new KeyIndex();
  private readonly people: RegistryPerson[] = [];
  private readonly households = new Map<string, string[]>();
  addHousehold(key: string, members: readonly string[], certifications: Certification[]): void {
    this.households.set(key, [...members]);
    for (const m of members) this.people[this.index.add(m)] = { household: key, certifications };
  }
  person(key: string) {
    const i = this.index.find(key);
    return i < 0 ? undefined : this.people[i];
  }
  members(household: string) {
    return this.households.get(household) ?? [];
  }
  get size() {
    return this.index.size;
  }
}

export function registryFromGenerated(households: readonly { key: string; members: readonly { idNumber: string }[]; certifications: Certification[] }[]): MemoryRegistry {
  const r = new MemoryRegistry();
  for (const h of households) r.addHousehold(h.key, h.members.map((m) => m.idNumber), h.certifications);
  return r;
}

export interface LayerTotals {
  total: number;
  basic: number;
  critical: number;
  assistance: number;
  personal: number;
}

export interface Flag {
  packId: string;
  ruleId: string;
  personKey: string;
  householdKey?: string;
  measure: MonitoringMeasure;
  /** ISO dates the amount covers. */
  window: Period;
  /** Whole fen. */
  amount: number;
  threshold: number;
  thresholdParameter: string;
  thresholdAssumed: boolean;
  /** Markers of help already received ("mark" treatment); excluded people get no flag. */
  helped: string[];
  categories: Category[];
  scheme: MonitoringScheme;
  /** What each layer paid in the window (fen). */
  layers: LayerTotals;
  settlements: number;
  /** The household's members (this person first) with their personal cash in the window. */
  members: { key: string; personal: number }[];
  /** The latest settlement date in the data (how fresh it is). */
  dataThrough: string;
}

export interface RuleSummary {
  ruleId: string;
  /** People measured under the rule (in its population). */
  measured: number;
  flagged: number;
  /** Above the threshold but left out as already helped. */
  excluded: number;
  /** Of the flagged, those marked as already helped. */
  marked: number;
  /** Sum of the flagged people's amounts and of what is above the threshold (fen). */
  amount: number;
  excess: number;
}

export interface ScreenInput {
  ledger: CostLedger;
  registry: Registry;
  rules: readonly MonitoringRule[];
  /** The batch's period; `stay-personal` looks at its months. */
  period: Period;
  /** The day the measures are taken on (usually period.to). */
  asOf: string;
}

export interface ScreenResult {
  flags: Flag[];
  rules: RuleSummary[];
  dataThrough: string;
}

interface Window {
  from: number;
  to: number;
  period: Period;
}

function firstOfMonth(ledger: CostLedger, m: number): string {
  return `${ledger.monthLabel(m)}-01`;
}

function windowFor(ledger: CostLedger, measure: MonitoringMeasure, input: Pick<ScreenInput, "period" | "asOf">): Window {
  const to = ledger.monthOf(input.asOf);
  let from: number;
  if (measure === "year-personal") from = ledger.monthOf(`${input.asOf.slice(0, 4)}-01-01`);
  else if (measure === "rolling-12-personal") from = to - 11;
  else from = ledger.monthOf(input.period.from);
  from = Math.max(0, from);
  const fromDate = measure === "stay-personal" ? input.period.from : firstOfMonth(ledger, from);
  return { from, to: Math.min(to, ledger.months - 1), period: { from: fromDate, to: input.asOf } };
}

function inPopulation(rule: MonitoringRule, categories: readonly Category[], scheme: MonitoringScheme): boolean {
  const pop = rule.population;
  if (pop.categoriesAny && !pop.categoriesAny.some((c) => categories.includes(c))) return false;
  if (pop.schemes && !pop.schemes.includes(scheme)) return false;
  return true;
}

export interface Evaluation {
  p: number;
  rule: MonitoringRule;
  ruleIndex: number;
  amount: number;
  threshold: number;
  categories: Category[];
  helped: string[];
  excluded: boolean;
  window: Window;
}

/**
 * Walks the ledger once and calls `visit` for every person above a rule's threshold (flagged or
 * excluded); returns the per-rule summary. Shared by the batch (which builds flags) and the
 * threshold simulator (which only counts).
 */
export function evaluate(input: ScreenInput, visit?: (e: Evaluation) => void): RuleSummary[] {
  const { ledger, registry, rules } = input;
  const thresholds = rules.map((r) => yuanToFen(r.threshold.value));
  const windows = rules.map((r) => windowFor(ledger, r.measure, input));
  const summaries: RuleSummary[] = rules.map((r) => ({ ruleId: r.id, measured: 0, flagged: 0, excluded: 0, marked: 0, amount: 0, excess: 0 }));
  const none: Category[] = [];
  for (let p = 0; p < ledger.size; p++) {
    const reg = registry.person(ledger.keys[p]);
    const categories = reg ? categoriesOn(reg.certifications, input.asOf) : none;
    const scheme = ledger.schemeOf(p);
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (!inPopulation(rule, categories, scheme)) continue;
      const s = summaries[i];
      s.measured++;
      const w = windows[i];
      const amount = rule.measure === "stay-personal" ? ledger.max("maxStay", p, w.from, w.to) : ledger.sum("personal", p, w.from, w.to);
      if (amount > thresholds[i]) {
        const helped: string[] = [];
        let excluded = false;
        for (const h of rule.helped) {
          const byCategory = h.categoriesAny ? h.categoriesAny.some((c) => categories.includes(c)) : true;
          const byAssistance = h.assistancePaid ? ledger.sum("assistance", p, w.from, w.to) > 0 : true;
          if (!(byCategory && byAssistance)) continue;
          if (h.treatment === "exclude") excluded = true;
          else helped.push(h.id);
        }
        if (excluded) s.excluded++;
        else {
          s.flagged++;
          if (helped.length) s.marked++;
          s.amount += amount;
          s.excess += amount - thresholds[i];
        }
        visit?.({ p, rule, ruleIndex: i, amount, threshold: thresholds[i], categories, helped, excluded, window: w });
      }
      break; // measured under the first rule whose population they are in
    }
  }
  return summaries;
}

export function screen(input: ScreenInput): ScreenResult {
  const { ledger, registry } = input;
  const flags: Flag[] = [];
  const rules = evaluate(input, (e) => {
    if (e.excluded) return;
    const key = ledger.keys[e.p];
    const reg = registry.person(key);
    const w = e.window;
    const members: Flag["members"] = [{ key, personal: e.amount }];
    if (reg?.household) {
      for (const m of registry.members(reg.household)) {
        if (m === key) continue;
        const mp = ledger.personIndex(m);
        members.push({ key: m, personal: mp === undefined ? 0 : ledger.sum("personal", mp, w.from, w.to) });
      }
    }
    flags.push({
      packId: e.rule.packId,
      ruleId: e.rule.id,
      personKey: key,
      householdKey: reg?.household,
      measure: e.rule.measure,
      window: w.period,
      amount: e.amount,
      threshold: e.threshold,
      thresholdParameter: e.rule.threshold.parameter,
      thresholdAssumed: e.rule.threshold.assumed,
      helped: e.helped,
      categories: e.categories,
      scheme: ledger.schemeOf(e.p),
      layers: {
        total: ledger.sum("total", e.p, w.from, w.to),
        basic: ledger.sum("basic", e.p, w.from, w.to),
        critical: ledger.sum("critical", e.p, w.from, w.to),
        assistance: ledger.sum("assistance", e.p, w.from, w.to),
        personal: ledger.sum("personal", e.p, w.from, w.to),
      },
      settlements: ledger.settlementsOf(e.p),
      members,
      dataThrough: ledger.dataThrough,
    });
  });
  return { flags, rules, dataThrough: ledger.dataThrough };
}
