import { D, type Dec } from "./money";
import { has } from "./messages";
import { packSchema, type PackDef, type ParamDef } from "./pack-schema";
import luzhai from "./packs/luzhai-2018.json";
import zhejiang from "./packs/zhejiang-district-2024.json";
import innerMongolia from "./packs/inner-mongolia-2018.json";
import urumqi from "./packs/urumqi-2023.json";
import shenyang from "./packs/shenyang-2023.json";
import national from "./packs/national-2021.json";
import { buildPackTables, buildPeriodTables, levelKeys, type PackTables, type ParamWording, type PeriodTables, paramWording } from "./pack-tables";
import { isBands, isLevels, type Bands, type Levels, type Resolved } from "./resolved";
import { FACILITIES, LOCALES, type Facility, type Locale, type Reliability } from "./types";

/**
 * Loads the policy packs, validates each once (schema + cross references +
 * monotone tilts) and compiles the parameters in force on a date into
 * Decimals, once per period in which nothing changes, so estimates never
 * re-validate or re-parse a pack.
 */

const RAW: Record<string, unknown> = {
  "luzhai-2018": luzhai,
  "zhejiang-district-2024": zhejiang,
  "inner-mongolia-2018": innerMongolia,
  "urumqi-2023": urumqi,
  "shenyang-2023": shenyang,
  "national-2021": national,
};

export const PACK_IDS = Object.keys(RAW);

export type { Bands, Levels, Resolved } from "./resolved";
export { isBands, isLevels } from "./resolved";
export type { PackTables, ParamWording, PeriodTables } from "./pack-tables";

export interface ResolvedParam {
  id: string;
  unit: ParamDef["unit"];
  value: Resolved;
  reliability: Reliability;
  sourceId: string;
  labelKey: string;
  /** The raw value (strings), for listings. */
  raw: unknown;
  /** Its source object and assumption texts, per locale. */
  wording: Record<Locale, ParamWording>;
  /** Assumption ids per facility level (`<id>:<facility>`), for a table by level. */
  levelKeys: Record<Facility, string> | undefined;
}

export interface CompiledPack {
  def: PackDef;
  version: PackDef["versions"][number];
  /**
   * The first day these values are in force: a version starts or a parameter
   * value changes on it, and nothing changes until the next such day.
   */
  from: string;
  params: Map<string, ResolvedParam>;
  /** What the engine needs of the pack definition, derived once (pack-tables.ts). */
  tables: PackTables;
  /** What the engine needs of these values, derived once (tilted 大病保险 bands, fixed referral texts). */
  period: PeriodTables;
}

export class PackError extends Error {}

const defs = new Map<string, PackDef>();
const packTables = new Map<PackDef, PackTables>();

function tablesOf(def: PackDef): PackTables {
  let tables = packTables.get(def);
  if (!tables) {
    tables = buildPackTables(def);
    packTables.set(def, tables);
  }
  return tables;
}

/**
 * Validate a pack definition the way the registry does on load (schema, cross
 * references, locale texts, monotone schemes on every date a value changes).
 * Returns the problems found; empty when the pack is usable. For tests and
 * for whoever adds a pack.
 */
export function validatePackDefinition(raw: unknown): string[] {
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const def = parsed.data;
  try {
    checkReferences(def);
    for (const date of changeDates(def)) {
      const version = versionFor(def, date);
      if (!version) continue;
      compileDef(def, version, date);
    }
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
  return [];
}

export function isKnownPack(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(RAW, id);
}

/** The validated definition of a pack (validated on first use, then cached). */
export function getPackDef(id: string): PackDef {
  let def = defs.get(id);
  if (def) return def;
  const parsed = packSchema.safeParse(RAW[id]);
  if (!parsed.success) {
    throw new PackError(`pack ${id} does not match the pack schema: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
  }
  def = parsed.data;
  if (def.id !== id) throw new PackError(`pack file ${id} declares id ${def.id}`);
  checkReferences(def);
  defs.set(id, def);
  return def;
}

export function versionFor(def: PackDef, date: string): PackDef["versions"][number] | undefined {
  for (const v of def.versions) {
    if (date >= v.from && (v.to === null || date <= v.to)) return v;
  }
  return undefined;
}

/**
 * A pack's periods: the days on which a version starts or a parameter value
 * changes, ascending. Between one and the next the parameters are the same,
 * so a pack is compiled once per period, not per service date.
 */
interface Periods {
  starts: string[];
  compiled: (CompiledPack | undefined)[];
}

const periods = new Map<string, Periods>();

/** The days a version starts or a parameter value changes (versions first, unsorted). */
function changeDates(def: PackDef): string[] {
  const dates = new Set<string>();
  for (const v of def.versions) dates.add(v.from);
  for (const p of Object.values(def.parameters)) for (const v of p.values ?? []) dates.add(v.from);
  return [...dates];
}

/** The parameters in force on `date`, or undefined when no version of the pack is in force then. */
export function compiledOn(id: string, date: string): CompiledPack | undefined {
  const def = getPackDef(id);
  const version = versionFor(def, date);
  if (!version) return undefined;
  let p = periods.get(id);
  if (!p) {
    const starts = changeDates(def).sort();
    p = { starts, compiled: starts.map(() => undefined) };
    periods.set(id, p);
  }
  // The period that contains the date: the last start on or before it (the version's own start is one).
  let i = p.starts.length - 1;
  while (p.starts[i] > date) i--;
  let cp = p.compiled[i];
  if (!cp) {
    // The version in force on the date is in force from the period's start (versions start periods).
    cp = compileDef(def, version, p.starts[i]);
    p.compiled[i] = cp;
  }
  return cp;
}

function compileDef(def: PackDef, version: PackDef["versions"][number], from: string): CompiledPack {
  const id = def.id;
  const tables = tablesOf(def);
  const params = new Map<string, ResolvedParam>();
  const resolve = (pid: string, seen: string[]): ResolvedParam => {
    const done = params.get(pid);
    if (done) return done;
    const p = def.parameters[pid];
    if (!p) throw new PackError(`pack ${id}: unknown parameter ${pid}`);
    if (seen.includes(pid)) throw new PackError(`pack ${id}: parameter cycle at ${pid}`);
    let value: Resolved;
    let raw: unknown;
    let reliability = p.reliability;
    let sourceId = p.source;
    if (p.derived) {
      let acc = new D(1);
      const parts: string[] = [];
      for (const f of p.derived.product) {
        const r = resolve(f, [...seen, pid]);
        if (!(r.value instanceof D)) throw new PackError(`pack ${id}: ${pid} multiplies a non-scalar ${f}`);
        acc = acc.times(r.value);
        parts.push(String(r.raw));
      }
      value = acc;
      raw = acc.toString();
    } else {
      const entry = pickValue(p, from);
      if (!entry) throw new PackError(`pack ${id}: parameter ${pid} has no value on ${from}`);
      raw = entry.value;
      value = toResolved(entry.value);
      if (entry.reliability) reliability = entry.reliability;
      if (entry.source) sourceId = entry.source;
    }
    const facts = { id: pid, unit: p.unit, value, reliability, sourceId, labelKey: p.labelKey ?? `param.${pid}`, raw };
    const rp: ResolvedParam = { ...facts, wording: paramWording(tables, facts), levelKeys: isLevels(value) ? levelKeys(pid) : undefined };
    params.set(pid, rp);
    return rp;
  };
  for (const pid of Object.keys(def.parameters)) resolve(pid, []);
  checkMonotone(def, from, params);
  return { def, version, from, params, tables, period: buildPeriodTables(def, tables, params) };
}

function pickValue(p: ParamDef, date: string) {
  let best: NonNullable<ParamDef["values"]>[number] | undefined;
  for (const v of p.values ?? []) {
    if (v.from <= date && (!best || v.from >= best.from)) best = v;
  }
  return best;
}

function toResolved(v: unknown): Resolved {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return new D(v);
  const o = v as Record<string, unknown>;
  if ("basis" in o) {
    const b = o as { basis: "excess" | "cumulative"; bands: { from: string; rate: string }[] };
    return {
      basis: b.basis,
      bands: b.bands.map((x) => ({ from: new D(x.from), rate: new D(x.rate) })).sort((a, c) => a.from.cmp(c.from)),
    };
  }
  const lv = {} as Levels;
  for (const f of FACILITIES) lv[f] = new D(o[f] as string);
  return lv;
}

// ------------------------------------------------------------ accessors

export function scalar(cp: CompiledPack, id: string): Dec {
  const p = cp.params.get(id);
  if (!p || !(p.value instanceof D)) throw new PackError(`pack ${cp.def.id}: ${id} is not a scalar`);
  return p.value;
}


// ------------------------------------------------------------ validation

function referencedParams(def: PackDef): string[] {
  const out: string[] = [];
  for (const l of def.layers) {
    switch (l.rule) {
      case "basic-insurance":
        for (const ins of [l.resident, l.employee]) {
          for (const k of ["inpatient", "outpatient-chronic", "outpatient"] as const) out.push(ins[k].deductible, ins[k].rate);
          out.push(ins.caps.main, ins.caps.outpatient);
        }
        for (const t of l.tilts) {
          if (t.ratePoints) out.push(t.ratePoints);
          if (t.deductibleFactor) out.push(t.deductibleFactor);
        }
        out.push(l.outOfRegion.referredPoints, l.outOfRegion.unreferredPoints);
        break;
      case "critical-illness":
        out.push(l.threshold, l.bands);
        if (l.cap) out.push(l.cap);
        for (const t of l.tilts) for (const x of [t.thresholdFactor, t.ratePoints, t.rateMin]) if (x) out.push(x);
        break;
      case "medical-assistance":
      case "tilted-assistance":
        for (const s of l.schemes) {
          out.push(s.threshold, s.ratio);
          if (s.limit) out.push(s.limit);
        }
        break;
      case "facility-split":
        out.push(l.share);
        break;
      case "guarantee-ratio":
        out.push(l.ratio);
        if (l.splitShare) out.push(l.splitShare);
        break;
      case "annual-excess":
        out.push(l.includeSelfFunded);
        for (const s of l.schemes) if (s.standard) out.push(s.standard);
        break;
    }
  }
  for (const v of Object.values(def.temporaryRelief)) if (v) out.push(v);
  for (const v of Object.values(def.procedure)) if (v) out.push(v);
  for (const v of Object.values(def.enrolmentSeason ?? {})) if (v) out.push(v);
  if (def.enrolmentFunding) {
    out.push(def.enrolmentFunding.personalContribution);
    for (const t of def.enrolmentFunding.tiers) {
      if (t.share) out.push(t.share);
      if (t.amount) out.push(t.amount);
    }
  }
  return out;
}

function layerSourceIds(def: PackDef): string[] {
  const out: string[] = [];
  for (const l of def.layers) {
    out.push(...l.sources);
    if ("tilts" in l) for (const t of l.tilts) out.push(...t.sources);
    if ("schemes" in l) for (const s of l.schemes) out.push(...s.sources);
    if (l.rule === "basic-insurance") out.push(...l.outOfRegion.sources);
  }
  for (const e of def.exclusions) out.push(...e.sources);
  for (const r of def.referrals) out.push(...r.sources);
  if (def.target) out.push(...def.target.sources);
  return out;
}

function checkReferences(def: PackDef): void {
  const fail = (msg: string) => {
    throw new PackError(`pack ${def.id}: ${msg}`);
  };
  const seenLayers: string[] = [];
  const order = ["basic", "critical", "assistance", "tilted", "waiver", "backstop", "charity"];
  for (const l of def.layers) {
    if (seenLayers.includes(l.id)) fail(`layer ${l.id} appears twice`);
    if (seenLayers.length && order.indexOf(l.id) < order.indexOf(seenLayers[seenLayers.length - 1])) {
      fail(`layer ${l.id} is out of contract order`);
    }
    if (l.rule === "medical-assistance" && l.id !== "assistance") fail(`layer ${l.id} cannot use rule ${l.rule}`);
    if (l.rule === "tilted-assistance" && l.id !== "tilted") fail(`layer ${l.id} cannot use rule ${l.rule}`);
    seenLayers.push(l.id);
  }
  for (const pid of referencedParams(def)) if (!def.parameters[pid]) fail(`unknown parameter ${pid}`);
  for (const [pid, p] of Object.entries(def.parameters)) {
    if (!p.values === !p.derived) fail(`parameter ${pid} needs exactly one of values / derived`);
    for (const sid of [p.source, ...(p.values ?? []).map((v) => v.source).filter(Boolean)] as string[]) {
      if (!def.sources[sid]) fail(`parameter ${pid} cites unknown source ${sid}`);
    }
    for (const f of p.derived?.product ?? []) if (!def.parameters[f]) fail(`parameter ${pid} derives from unknown ${f}`);
    const first = (p.values ?? []).reduce<string | null>((m, v) => (m === null || v.from < m ? v.from : m), null);
    if (first && first > def.versions[0].from) fail(`parameter ${pid} starts after the first version`);
    for (const loc of LOCALES) if (!has(loc, p.labelKey ?? `param.${pid}`)) fail(`no ${loc} label for parameter ${pid}`);
  }
  for (const t of def.enrolmentFunding?.tiers ?? []) if (!t.share === !t.amount) fail(`funding tier ${t.id} needs exactly one of share / amount`);
  for (const sid of layerSourceIds(def)) if (!def.sources[sid]) fail(`unknown source ${sid}`);
  for (const [sid, s] of Object.entries(def.sources)) {
    if (!def.documents[s.document]) fail(`source ${sid} cites unknown document ${s.document}`);
    for (const loc of LOCALES) {
      if (!has(loc, `pack.${def.id}.source.${sid}.clause`)) fail(`no ${loc} clause text for source ${sid}`);
      if (s.quote && !has(loc, `pack.${def.id}.source.${sid}.quote`)) fail(`no ${loc} quote for source ${sid}`);
    }
  }
  for (const [docId, d] of Object.entries(def.documents)) {
    for (const loc of LOCALES) {
      if (!d.file && !has(loc, `pack.${def.id}.document.${docId}`)) fail(`no ${loc} name for document ${docId}`);
      if (!has(loc, `pack.${def.id}.documentTitle.${docId}`)) fail(`no ${loc} title for document ${docId}`);
    }
  }
  for (const loc of LOCALES) {
    for (const k of ["title", "region"]) if (!has(loc, `pack.${def.id}.${k}`)) fail(`no ${loc} ${k}`);
    for (const r of def.referrals) if (!has(loc, `pack.${def.id}.referral.${r.text}`)) fail(`no ${loc} referral text ${r.text}`);
    for (const n of def.notes) if (!has(loc, `pack.${def.id}.note.${n}`)) fail(`no ${loc} note ${n}`);
    if (def.target && !has(loc, `pack.${def.id}.note.${def.target.note}`)) fail(`no ${loc} target note`);
  }
  for (let i = 1; i < def.versions.length; i++) {
    const prev = def.versions[i - 1];
    if (prev.to === null || prev.to >= def.versions[i].from) fail("versions overlap or are out of order");
  }
}

/**
 * The contract promises that a more protected category never gets less. The
 * engine applies the first matching scheme, so schemes must be listed from the
 * most to the least generous: thresholds never fall, ratios and limits never
 * rise down the list.
 */
function checkMonotone(def: PackDef, from: string, params: ReadonlyMap<string, ResolvedParam>): void {
  const fail = (msg: string) => {
    throw new PackError(`pack ${def.id} on ${from}: ${msg}`);
  };
  const val = (id: string | undefined): Dec | null => {
    if (!id) return null;
    const v = params.get(id)?.value;
    if (!(v instanceof D)) throw new PackError(`pack ${def.id}: ${id} is not a scalar`);
    return v;
  };
  for (const l of def.layers) {
    if (l.rule === "medical-assistance" || l.rule === "tilted-assistance") {
      for (let i = 1; i < l.schemes.length; i++) {
        const a = l.schemes[i - 1];
        const b = l.schemes[i];
        if (val(a.threshold)!.gt(val(b.threshold)!)) fail(`${l.id}: scheme ${a.id} has a higher threshold than ${b.id}`);
        if (val(a.ratio)!.lt(val(b.ratio)!)) fail(`${l.id}: scheme ${a.id} has a lower ratio than ${b.id}`);
        const la = val(a.limit);
        const lb = val(b.limit);
        if (la !== null && (lb === null || la.lt(lb))) fail(`${l.id}: scheme ${a.id} has a lower limit than ${b.id}`);
      }
      for (const s of l.schemes) {
        const r = val(s.ratio)!;
        if (r.lt(0) || r.gt(1)) fail(`${l.id}: ratio of ${s.id} outside [0, 1]`);
      }
    }
    if (l.rule === "annual-excess") {
      for (let i = 1; i < l.schemes.length; i++) {
        const a = val(l.schemes[i - 1].standard) ?? new D(0);
        const b = l.schemes[i].standard ? val(l.schemes[i].standard)! : new D(0);
        if (a.gt(b)) fail(`backstop: scheme ${l.schemes[i - 1].id} bears a higher standard than ${l.schemes[i].id}`);
      }
    }
    if (l.rule === "critical-illness") {
      const b = params.get(l.bands)!.value;
      if (!isBands(b)) fail("critical bands are not bands");
      for (const x of (b as Bands).bands) if (x.rate.lt(0) || x.rate.gt(1)) fail("critical band rate outside [0, 1]");
      for (const t of l.tilts) {
        if (t.thresholdFactor && (val(t.thresholdFactor)!.gt(1) || val(t.thresholdFactor)!.lt(0))) fail("critical tilt raises the threshold");
        if (t.ratePoints && val(t.ratePoints)!.lt(0)) fail("critical tilt lowers the rate");
      }
    }
    if (l.rule === "basic-insurance") {
      for (const t of l.tilts) {
        if (t.deductibleFactor && (val(t.deductibleFactor)!.gt(1) || val(t.deductibleFactor)!.lt(0))) fail("basic tilt raises the deductible");
        if (t.ratePoints && val(t.ratePoints)!.lt(0)) fail("basic tilt lowers the rate");
      }
    }
  }
}
