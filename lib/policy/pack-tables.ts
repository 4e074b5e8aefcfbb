import { type Dec, formatMoney, formatPercent, formatPoints, max, min, ONE, ZERO } from "./money";
import { has, list, slots, t, type Vars } from "./messages";
import type { AnnualExcessBackstopDef, AssistanceLayerDef, CriticalLayerDef, LayerDef, PackDef, ReferralDef } from "./pack-schema";
import { type Bands, isLevels, type Resolved } from "./resolved";
import { rememberObjectJson, rememberTextJson } from "./serialize";
import { describeValue, categoryList, LABELS, uniqueCategories, unitValue } from "./explain/values";
import { type Category, FACILITIES, type Facility, type LayerId, LOCALES, type Locale, RELIABILITIES, type Reliability, type SourceRef } from "./types";

/**
 * What the engine needs of a pack beyond its definition, derived once by the
 * registry: per pack definition (PackTables, when the pack is loaded) and per
 * period of parameter values (PeriodTables and each parameter's ParamWording,
 * when a period is compiled). The engine only reads these; it never adds to
 * them, so an estimate costs no look-up that could be done ahead.
 */

/** A scheme of a layer by scheme (医疗救助, 倾斜救助, yearly 兜底). */
export type SchemeDef = AssistanceLayerDef["schemes"][number] | AnnualExcessBackstopDef["schemes"][number];
export type CriticalTiltDef = CriticalLayerDef["tilts"][number];

/** The sources a layer always cites, in order: their ids and their (frozen, shared) source objects. */
export interface LayerCitation {
  ids: readonly string[];
  refs: readonly SourceRef[];
}

export interface ReferralWording {
  /** The message key of the referral's text. */
  key: string;
  /** The placeholders the text shows, per locale. */
  slots: Record<Locale, string[]>;
  /** The parameters behind those placeholders, per locale. */
  params: Record<Locale, string[]>;
}

/** The pack's fixed texts in one locale. */
export interface PackWording {
  title: string;
  /** Assumptions every estimate with this pack states, as [id, text]. */
  notes: [string, string][];
  /** The note shown when the person is outside the pack's target group. */
  target: string | undefined;
  /** Source objects by source id and reliability (frozen: results share them). */
  sourceRefs: ReadonlyMap<string, ReadonlyMap<Reliability, SourceRef>>;
  /** Per layer: the layer's own sources, which every estimate cites first. */
  layerCitations: ReadonlyMap<LayerDef, LayerCitation>;
  /** Per layer by scheme: who its schemes cover, as one list (the "not eligible" sentence). */
  schemeLayerWho: ReadonlyMap<LayerDef, string>;
  /** Per scheme: its name, the pack's own wording if it has one. */
  schemeNames: ReadonlyMap<SchemeDef, string>;
}

export interface PackTables {
  layerIds: LayerId[];
  /** Position of each layer in the pack's order. */
  layerIndex: ReadonlyMap<LayerId, number>;
  layerById: ReadonlyMap<LayerId, LayerDef>;
  /** Categories some rule of the pack names (others get an "unused category" assumption). */
  usedCategories: ReadonlySet<Category>;
  /** Per category: the first layer (pack order) whose rules name it. */
  firstLayerNaming: ReadonlyMap<Category, number>;
  referrals: ReadonlyMap<ReferralDef, ReferralWording>;
  wording: Record<Locale, PackWording>;
}

/** A 大病保险 tilt applied to the period's threshold and bands. */
export interface TiltedCritical {
  threshold: Dec;
  bands: Bands["bands"];
  /** What the tilt changes, as one list per locale ("" when nothing). */
  items: Record<Locale, string>;
}

export interface PeriodTables {
  criticalTilts: ReadonlyMap<CriticalTiltDef, TiltedCritical>;
  /** Referral texts that depend on the pack alone (not on the family's amount), per locale. */
  referralTexts: Record<Locale, ReadonlyMap<ReferralDef, string>>;
}

/** A parameter's texts in one locale. */
export interface ParamWording {
  /** The source object the parameter is cited with. */
  ref: SourceRef;
  /** The assumption sentence for an ASSUMED value. */
  assumed?: string;
  /** For an ASSUMED table by facility level: the sentence per level. */
  assumedAtLevel?: Record<Facility, string>;
}

/** The parameter as the tables need it (registry's ResolvedParam has these fields). */
interface ParamView {
  id: string;
  unit: PackDef["parameters"][string]["unit"];
  value: Resolved;
  reliability: Reliability;
  sourceId: string;
  labelKey: string;
}

// ------------------------------------------------------------ per pack definition

export function buildPackTables(def: PackDef): PackTables {
  const layerIds = def.layers.map((l) => l.id);
  const referrals = new Map<ReferralDef, ReferralWording>();
  for (const r of def.referrals) {
    const key = `pack.${def.id}.referral.${r.text}`;
    const slotsOf = (locale: Locale) => slots(locale, key);
    const paramsOf = (locale: Locale) => slotsOf(locale).flatMap((slot) => slotParams(def, slot));
    referrals.set(r, {
      key,
      slots: { "zh-Hans": slotsOf("zh-Hans"), "zh-Hant": slotsOf("zh-Hant") },
      params: { "zh-Hans": paramsOf("zh-Hans"), "zh-Hant": paramsOf("zh-Hant") },
    });
  }
  return {
    layerIds,
    layerIndex: new Map(layerIds.map((id, i) => [id, i])),
    layerById: new Map(def.layers.map((l) => [l.id, l])),
    usedCategories: referencedCategories(def),
    firstLayerNaming: firstLayerNaming(def),
    referrals,
    wording: { "zh-Hans": packWording(def, "zh-Hans"), "zh-Hant": packWording(def, "zh-Hant") },
  };
}

function packWording(def: PackDef, locale: Locale): PackWording {
  const fixed = (key: string) => rememberTextJson(t(locale, key));
  const notes: [string, string][] = [];
  if (def.historic) notes.push(["historic", fixed("assume.historic")]);
  for (const n of def.notes) notes.push([`note:${n}`, fixed(`pack.${def.id}.note.${n}`)]);

  const sourceRefs = new Map<string, Map<Reliability, SourceRef>>();
  for (const sid of Object.keys(def.sources)) {
    const byReliability = new Map<Reliability, SourceRef>();
    for (const reliability of RELIABILITIES) byReliability.set(reliability, sourceRef(def, locale, sid, reliability));
    sourceRefs.set(sid, byReliability);
  }
  const layerCitations = new Map<LayerDef, LayerCitation>();
  const schemeLayerWho = new Map<LayerDef, string>();
  const schemeNames = new Map<SchemeDef, string>();
  for (const l of def.layers) {
    const ids: string[] = [];
    for (const sid of l.sources) if (!ids.includes(sid)) ids.push(sid);
    layerCitations.set(l, { ids, refs: ids.map((sid) => sourceRefs.get(sid)!.get(def.sources[sid].reliability)!) });
    if ("schemes" in l) {
      schemeLayerWho.set(l, categoryList(locale, uniqueCategories(l.schemes.flatMap((s) => s.categories))));
      for (const s of l.schemes) {
        const own = `pack.${def.id}.scheme.${s.id}`;
        schemeNames.set(s, t(locale, has(locale, own) ? own : `scheme.${s.id}`));
      }
    }
  }
  return {
    title: fixed(`pack.${def.id}.title`),
    notes,
    target: def.target ? fixed(`pack.${def.id}.note.${def.target.note}`) : undefined,
    sourceRefs,
    layerCitations,
    schemeLayerWho,
    schemeNames,
  };
}

function sourceRef(def: PackDef, locale: Locale, sid: string, reliability: Reliability): SourceRef {
  const src = def.sources[sid];
  const doc = def.documents[src.document];
  const ref = {
    document: doc.file ?? t(locale, `pack.${def.id}.document.${src.document}`),
    clause: t(locale, `pack.${def.id}.source.${sid}.clause`),
  } as SourceRef;
  if (src.quote) ref.quote = t(locale, `pack.${def.id}.source.${sid}.quote`);
  if (doc.url) ref.url = doc.url;
  ref.reliability = reliability;
  // Shared by every result that cites it: frozen so no caller can change another's.
  return rememberObjectJson(Object.freeze(ref));
}

/** The parameters behind a referral placeholder. */
function slotParams(def: PackDef, slot: string): string[] {
  const tr = def.temporaryRelief;
  const ids = (...xs: (string | undefined)[]) => xs.filter((x): x is string => !!x);
  switch (slot) {
    case "dibaoMonthly":
      return ids(tr.dibaoMonthly);
    case "monthsMax":
      return ids(tr.monthsMax);
    case "emergencyMonthsMin":
      return ids(tr.emergencyMonthsMin);
    case "maxAmount":
      return ids(tr.dibaoMonthly, tr.monthsMax);
    case "minAmount":
      return ids(tr.dibaoMonthly, tr.emergencyMonthsMin);
    default:
      return Object.prototype.hasOwnProperty.call(def.parameters, slot) ? [slot] : [];
  }
}

function namedCategories(l: LayerDef): Category[] {
  const named: Category[] = [];
  if ("tilts" in l) for (const tilt of l.tilts) named.push(...tilt.categories);
  if ("schemes" in l) for (const s of l.schemes) named.push(...s.categories);
  if ("categories" in l) named.push(...l.categories);
  return named;
}

function referencedCategories(def: PackDef): Set<Category> {
  const out = new Set<Category>();
  for (const l of def.layers) for (const c of namedCategories(l)) out.add(c);
  for (const r of def.referrals) r.when.categoriesAny?.forEach((c) => out.add(c));
  def.target?.categoriesAny.forEach((c) => out.add(c));
  return out;
}

function firstLayerNaming(def: PackDef): Map<Category, number> {
  const out = new Map<Category, number>();
  def.layers.forEach((l, position) => {
    for (const c of namedCategories(l)) if (!out.has(c)) out.set(c, position);
  });
  return out;
}

// ------------------------------------------------------------ per period

/** A parameter's source object and assumption texts in each locale. */
export function paramWording(tables: PackTables, p: ParamView): Record<Locale, ParamWording> {
  const of = (locale: Locale): ParamWording => {
    const w: ParamWording = { ref: tables.wording[locale].sourceRefs.get(p.sourceId)!.get(p.reliability)! };
    if (p.reliability !== "ASSUMED") return w;
    w.assumed = rememberTextJson(t(locale, "assume.param", { label: t(locale, p.labelKey), value: describeValue(locale, p.unit, p.value) }));
    const v = p.value;
    if (isLevels(v)) {
      const at = {} as Record<Facility, string>;
      for (const f of FACILITIES) {
        at[f] = rememberTextJson(
          t(locale, "assume.param", {
            label: t(locale, "common.labelAtLevel", { label: t(locale, p.labelKey), facility: LABELS[locale].facility[f] }),
            value: unitValue(locale, p.unit, v[f]),
          }),
        );
      }
      w.assumedAtLevel = at;
    }
    return w;
  };
  return { "zh-Hans": of("zh-Hans"), "zh-Hant": of("zh-Hant") };
}

/** Assumption ids per facility level of a table parameter (`<id>:<facility>`). */
export function levelKeys(id: string): Record<Facility, string> {
  return { township: `${id}:township`, county: `${id}:county`, city: `${id}:city`, provincial: `${id}:provincial` };
}

export function buildPeriodTables(def: PackDef, tables: PackTables, params: ReadonlyMap<string, ParamView>): PeriodTables {
  const num = (id: string) => params.get(id)!.value as Dec;
  const criticalTilts = new Map<CriticalTiltDef, TiltedCritical>();
  for (const l of def.layers) {
    if (l.rule !== "critical-illness") continue;
    const threshold = num(l.threshold);
    const bands = (params.get(l.bands)!.value as Bands).bands;
    for (const tilt of l.tilts) {
      const factor = tilt.thresholdFactor ? num(tilt.thresholdFactor) : null;
      const points = tilt.ratePoints ? num(tilt.ratePoints) : ZERO;
      const floor = tilt.rateMin ? num(tilt.rateMin) : ZERO;
      const items = (locale: Locale) => {
        const out: string[] = [];
        if (factor) out.push(t(locale, "explain.critical.tiltThreshold", { factor: formatPercent(ONE.minus(factor)) }));
        if (tilt.ratePoints) out.push(t(locale, "explain.critical.tiltPoints", { points: formatPoints(points) }));
        if (tilt.rateMin) out.push(t(locale, "explain.critical.tiltMin", { rate: formatPercent(floor) }));
        if (tilt.removeCap) out.push(t(locale, "explain.critical.tiltNoCap"));
        return out.length ? list(locale, out) : "";
      };
      criticalTilts.set(tilt, {
        threshold: factor ? threshold.times(factor) : threshold,
        bands: bands.map((b) => ({ from: b.from, rate: min(ONE, max(b.rate.plus(points), floor)) })),
        items: { "zh-Hans": items("zh-Hans"), "zh-Hant": items("zh-Hant") },
      });
    }
  }
  const referralTexts = {} as Record<Locale, Map<ReferralDef, string>>;
  for (const locale of LOCALES) {
    const texts = new Map<ReferralDef, string>();
    for (const [r, wording] of tables.referrals) {
      const wanted = wording.slots[locale];
      if (!wanted.includes("personal")) texts.set(r, rememberTextJson(referralText(def, params, locale, wording.key, wanted, null)));
    }
    referralTexts[locale] = texts;
  }
  return { criticalTilts, referralTexts };
}

/** A referral's text: the pack's parameters it shows, and the family's amount when it shows one. */
export function referralText(
  def: PackDef,
  params: ReadonlyMap<string, ParamView>,
  locale: Locale,
  key: string,
  wanted: readonly string[],
  personal: Dec | null,
): string {
  const vars: Vars = {};
  if (personal !== null) vars.personal = formatMoney(personal);
  const relief = def.temporaryRelief;
  const value = (pid: string | undefined) => (pid ? (params.get(pid)!.value as Dec) : null);
  const shows = (...names: string[]) => wanted.some((s) => names.includes(s));
  const monthly = shows("dibaoMonthly", "maxAmount", "minAmount") ? value(relief.dibaoMonthly) : null;
  const months = shows("monthsMax", "maxAmount") ? value(relief.monthsMax) : null;
  const minMonths = shows("emergencyMonthsMin", "minAmount") ? value(relief.emergencyMonthsMin) : null;
  if (monthly) vars.dibaoMonthly = formatMoney(monthly);
  if (months) vars.monthsMax = months.toString();
  if (minMonths) vars.emergencyMonthsMin = minMonths.toString();
  if (monthly && months) vars.maxAmount = formatMoney(monthly.times(months));
  if (monthly && minMonths) vars.minAmount = formatMoney(monthly.times(minMonths));
  for (const slot of wanted) {
    const p = params.get(slot);
    if (vars[slot] === undefined && p) vars[slot] = describeValue(locale, p.unit, p.value);
  }
  return t(locale, key, vars);
}
