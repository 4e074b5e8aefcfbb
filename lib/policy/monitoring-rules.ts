import { D, type Dec } from "./money";
import { has, t } from "./messages";
import type { MonitoringRuleDef } from "./pack-schema";
import { compiledOn, getPackDef, PACK_IDS, PackError, type CompiledPack } from "./registry";
import { LOCALES, type Category, type Locale, type Reliability, type SourceRef } from "./types";

export { MONITORING_MEASURES, MONITORING_SCHEMES } from "./pack-schema";
export type MonitoringScheme = "resident" | "employee" | "retiree";
export type MonitoringMeasure = MonitoringRuleDef["measure"];

/**
 * The 政策找人 monitoring rules of a policy pack, read as typed values in force on a date:
 * the threshold resolved from its pack parameter (with its reliability, so an assumed number
 * says so), the clause texts in both scripts. The rules are pack data (`monitoring` in
 * lib/policy/packs/<id>.json); this module only reads and checks them. Pure: no Node, no DB.
 */

export interface MonitoringHelpedMarker {
  id: string;
  categoriesAny?: Category[];
  assistancePaid?: boolean;
  treatment: "exclude" | "mark";
}

export interface MonitoringRule {
  packId: string;
  id: string;
  population: { categoriesAny?: Category[]; schemes?: MonitoringScheme[] };
  measure: MonitoringMeasure;
  threshold: {
    parameter: string;
    /** Yuan, exact. */
    value: Dec;
    reliability: Reliability;
    /** True when the number is the pack's assumption (ASSUMED) rather than a quoted or recalled figure. */
    assumed: boolean;
  };
  helped: MonitoringHelpedMarker[];
  /** The pack source ids the rule cites (its clause). */
  sourceIds: string[];
}

/** Keys of the rule's own texts in locales/<lng>/policy.json. */
export const ruleNameKey = (packId: string, ruleId: string) => `pack.${packId}.monitoring.${ruleId}`;
export const helpedKey = (markerId: string) => `monitoring.helped.${markerId}`;
export const measureKey = (measure: MonitoringMeasure) => `monitoring.measure.${measure}`;

function ruleInForce(r: MonitoringRuleDef, date: string): boolean {
  return (!r.from || r.from <= date) && (r.to == null || date <= r.to);
}

function thresholdOf(cp: CompiledPack, r: MonitoringRuleDef): MonitoringRule["threshold"] {
  const p = cp.params.get(r.threshold);
  if (!p) throw new PackError(`pack ${cp.def.id}: monitoring rule ${r.id} names unknown parameter ${r.threshold}`);
  if (!(p.value instanceof D) || (p.unit !== "CNY" && p.unit !== "CNY/year")) {
    throw new PackError(`pack ${cp.def.id}: monitoring rule ${r.id}: ${r.threshold} is not a yuan amount`);
  }
  return { parameter: r.threshold, value: p.value, reliability: p.reliability, assumed: p.reliability === "ASSUMED" };
}

/** Rules read per compiled period and date (a compiled pack is kept for the period it covers). */
const memos = new WeakMap<CompiledPack, Map<string, MonitoringRule[]>>();

/** The pack's monitoring rules in force on `date` (ISO), most protective first; [] when none or no version is in force. */
export function monitoringRulesOn(packId: string, date: string): MonitoringRule[] {
  const cp = compiledOn(packId, date);
  if (!cp) return [];
  const memo = memos.get(cp);
  const hit = memo?.get(date);
  if (hit) return hit;
  const rules = cp.def.monitoring
    .filter((r) => ruleInForce(r, date))
    .map((r) => ({
      packId,
      id: r.id,
      population: { categoriesAny: r.population.categoriesAny, schemes: r.population.schemes },
      measure: r.measure,
      threshold: thresholdOf(cp, r),
      helped: r.helped.map((h) => ({ id: h.id, categoriesAny: h.categoriesAny, assistancePaid: h.assistancePaid, treatment: h.treatment })),
      sourceIds: r.sources,
    }));
  const m = memo ?? new Map<string, MonitoringRule[]>();
  m.set(date, rules);
  if (!memo) memos.set(cp, m);
  return rules;
}

/** Packs that carry monitoring rules. */
export function packsWithMonitoring(): string[] {
  return PACK_IDS.filter((id) => getPackDef(id).monitoring.length > 0);
}

/** The clause a rule cites, as the engine cites sources (document, clause, quote, reliability). */
export function ruleSources(packId: string, rule: Pick<MonitoringRule, "sourceIds">, locale: Locale): SourceRef[] {
  const def = getPackDef(packId);
  return rule.sourceIds.map((sid) => {
    const src = def.sources[sid];
    const doc = def.documents[src.document];
    const ref: SourceRef = {
      document: doc.file ?? t(locale, `pack.${def.id}.document.${src.document}`),
      clause: t(locale, `pack.${def.id}.source.${sid}.clause`),
      reliability: src.reliability,
    };
    if (src.quote) ref.quote = t(locale, `pack.${def.id}.source.${sid}.quote`);
    if (doc.url) ref.url = doc.url;
    return ref;
  });
}

export interface MonitoringRuleRow {
  id: string;
  name: string;
  measure: string;
  thresholdParameter: string;
  thresholdLabel: string;
  threshold: string;
  assumed: boolean;
  clause: string;
  helped: string[];
}

/** The rule table of a pack on a date in one script (docs, the simulator page, tests named by clause). */
export function monitoringRuleTable(packId: string, date: string, locale: Locale): MonitoringRuleRow[] {
  const def = getPackDef(packId);
  return monitoringRulesOn(packId, date).map((r) => ({
    id: r.id,
    name: t(locale, ruleNameKey(packId, r.id)),
    measure: t(locale, measureKey(r.measure)),
    thresholdParameter: r.threshold.parameter,
    thresholdLabel: t(locale, def.parameters[r.threshold.parameter].labelKey ?? `param.${r.threshold.parameter}`),
    threshold: r.threshold.value.toFixed(2),
    assumed: r.threshold.assumed,
    clause: r.sourceIds.map((sid) => t(locale, `pack.${packId}.source.${sid}.clause`)).join("；"),
    helped: r.helped.map((h) => t(locale, helpedKey(h.id))),
  }));
}

/**
 * Checks a pack's monitoring rules the way the registry checks layers: thresholds are yuan
 * parameters in force on every date a value changes, sources exist, every text exists in both
 * scripts, ids are unique. Returns the problems; empty when usable.
 */
export function checkMonitoringRules(packId: string): string[] {
  const problems: string[] = [];
  const def = getPackDef(packId);
  const seen = new Set<string>();
  for (const r of def.monitoring) {
    if (seen.has(r.id)) problems.push(`rule ${r.id} appears twice`);
    seen.add(r.id);
    if (!r.population.categoriesAny && !r.population.schemes) problems.push(`rule ${r.id} watches nobody`);
    const p = def.parameters[r.threshold];
    if (!p) problems.push(`rule ${r.id} names unknown parameter ${r.threshold}`);
    else if (p.unit !== "CNY" && p.unit !== "CNY/year") problems.push(`rule ${r.id}: ${r.threshold} is not a yuan amount`);
    for (const sid of [...r.sources, ...r.helped.flatMap((h) => h.sources)]) {
      if (!def.sources[sid]) problems.push(`rule ${r.id} cites unknown source ${sid}`);
    }
    for (const loc of LOCALES) {
      if (!has(loc, ruleNameKey(packId, r.id))) problems.push(`no ${loc} name for rule ${r.id}`);
      if (!has(loc, measureKey(r.measure))) problems.push(`no ${loc} text for measure ${r.measure}`);
      for (const h of r.helped) if (!has(loc, helpedKey(h.id))) problems.push(`no ${loc} text for helped marker ${h.id}`);
    }
  }
  if (problems.length) return problems;
  const dates = new Set<string>(def.versions.map((v) => v.from));
  for (const p of Object.values(def.parameters)) for (const v of p.values ?? []) dates.add(v.from);
  for (const r of def.monitoring) if (r.from) dates.add(r.from);
  for (const d of dates) {
    try {
      monitoringRulesOn(packId, d);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return problems;
}
