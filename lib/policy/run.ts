import { type Dec, formatMoney, formatPercent, formatPoints, gt, parseMoney, sub, ZERO } from "./money";
import { list, slots, t, type Vars } from "./messages";
import { rememberObjectJson, rememberTextJson } from "./serialize";
import type { ConditionDef, LayerDef, PackDef, ReferralDef } from "./pack-schema";
import { type Bands, type CompiledPack, isBands, isLevels, type ParamUse, type ResolvedParam } from "./registry";
import type { ParsedEpisode, ParsedRequest } from "./request-schema";
import { CATEGORIES, EPISODE_KINDS, EXCLUSION_REASONS, FACILITIES, LAYER_IDS, type Assumption, type Category, type Cause, type EpisodeKind, type ErrorIssue, type EstimateResult, type ExclusionReason, type Facility, type Insurance, type LayerId, type Locale, type SourceRef } from "./types";
import { firstLayerNaming, referencedCategories } from "./request-facts";

export interface EpisodeState {
  i: number;
  kind: EpisodeKind;
  facility: Facility;
  inRegion: boolean;
  referred: boolean;
  designated: boolean;
  emergency: boolean;
  cause: Cause;
  total: Dec;
  selfFunded: Dec;
  /** 自费 above the total (an input error reported once the pack is known). */
  selfAboveTotal: boolean;
  settled: Partial<Record<LayerId, Dec>>;
  /** The layers `settled` gives, in vocabulary order. */
  settledIds: LayerId[];
  /** What the family would still pay for this episode after the layers so far. */
  left: Dec;
  /** The in-policy part of `left` (政策范围内个人负担). What the layers paid on it is total − left. */
  policyLeft: Dec;
  /** Position (in the pack's layer order) of the last layer the settlement slip gives; -1 when none. */
  lastSettled: number;
  blocked: Map<LayerId, ExclusionReason>;
  paid: Map<LayerId, Dec>;
}

export interface LayerOut {
  paid: Dec;
  origin: "settled" | "computed";
  base?: Dec;
  deductible?: Dec;
  rate?: Dec;
  cap?: Dec;
  explanation: string;
}

/** An assumption as stated, and the first layer whose amount reads it (NO_LAYER: none). */
export interface Assumed {
  id: string;
  text: string;
  from: number;
}

/** "No layer reads it" (assumptions made outside the layers, e.g. for a referral's text). */
export const NO_LAYER = Number.POSITIVE_INFINITY;
/** "Every layer reads it" (assumptions about the request itself). */
export const EVERY_LAYER = 0;

export type ComputeOutcome = { ok: true; result: EstimateResult } | { ok: false; issues: ErrorIssue[] };

/** Vocabulary labels and fixed sentences of one locale, looked up once instead of by key on every use. */
export interface Labels {
  layer: Record<LayerId, string>;
  facility: Record<Facility, string>;
  kind: Record<EpisodeKind, string>;
  category: Record<Category, string>;
  reason: Record<ExclusionReason, string>;
  /** The request-independent assumptions every estimate (or every multi-episode one) states. */
  firstThisYear: string;
  inPolicy: string;
  multiEpisodeOrder: string;
}

export function buildLabels(locale: Locale): Labels {
  const of = <K extends string>(ids: readonly K[], prefix: string, suffix = "") =>
    Object.fromEntries(ids.map((id) => [id, t(locale, `${prefix}${id}${suffix}`)])) as Record<K, string>;
  // Texts that appear as whole values in results have their JSON kept too (serialize.ts).
  const fixed = (key: string) => rememberTextJson(t(locale, key));
  const layer = of(LAYER_IDS, "layer.", ".name");
  for (const name of Object.values(layer)) rememberTextJson(name);
  return {
    layer,
    facility: of(FACILITIES, "facility."),
    kind: of(EPISODE_KINDS, "kind."),
    category: of(CATEGORIES, "category."),
    reason: of(EXCLUSION_REASONS, "reason."),
    firstThisYear: fixed("assume.firstThisYear"),
    inPolicy: fixed("assume.inPolicy"),
    multiEpisodeOrder: fixed("assume.multiEpisodeOrder"),
  };
}

export const LABELS: Record<Locale, Labels> = { "zh-Hans": buildLabels("zh-Hans"), "zh-Hant": buildLabels("zh-Hant") };

/**
 * What the engine derives from a pack definition alone (the same for every
 * date and request): built on first use and kept as long as the definition.
 */
export interface PackInfo {
  layerIds: LayerId[];
  layerIndex: Map<LayerId, number>;
  byId: Map<LayerId, LayerDef>;
  /** Categories some rule of the pack names (others get an "unused category" assumption). */
  usedCategories: Set<Category>;
  /** Frozen assumption objects of fixed sentences, by text and by the bitmask of the layers they affect. */
  assumptionObjects: Map<string, Map<number, Assumption>>;
  /** Per category: the first layer (pack order) whose rules name it. */
  firstLayerNaming: Map<Category, number>;
  /** Per referral: its message key, the placeholders it shows and the parameters behind them. */
  referrals: Map<ReferralDef, { key: string; slots: Record<Locale, string[]>; params: Record<Locale, string[]> }>;
  /** Source objects by locale, source id and reliability (frozen: results share them). */
  sourceRefs: Record<Locale, Map<string, Map<string, SourceRef>>>;
  /** Per locale and layer: the layer's own sources, which every estimate cites first. */
  layerStarts: Record<Locale, Map<unknown, unknown>>;
  texts: Record<Locale, PackTexts>;
}

/** The pack's own fixed texts in one locale. */
export interface PackTexts {
  title: string;
  /** Assumptions every estimate with this pack states, as [key, text]. */
  notes: [string, string][];
  /** The note shown when the person is outside the pack's target group. */
  target: string | undefined;
}

export function packTexts(def: PackDef, locale: Locale): PackTexts {
  const fixed = (key: string) => rememberTextJson(t(locale, key));
  const notes: [string, string][] = [];
  if (def.historic) notes.push(["historic", fixed("assume.historic")]);
  for (const n of def.notes) notes.push([`note:${n}`, fixed(`pack.${def.id}.note.${n}`)]);
  return {
    title: fixed(`pack.${def.id}.title`),
    notes,
    target: def.target ? fixed(`pack.${def.id}.note.${def.target.note}`) : undefined,
  };
}

/** The parameters behind a referral placeholder. */
export function slotParams(def: PackDef, slot: string): string[] {
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

export const packInfos = new WeakMap<PackDef, PackInfo>();

export function packInfo(def: PackDef): PackInfo {
  let info = packInfos.get(def);
  if (!info) {
    const layerIds = def.layers.map((l) => l.id);
    const referrals: PackInfo["referrals"] = new Map();
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
    info = {
      layerIds,
      layerIndex: new Map(layerIds.map((id, i) => [id, i])),
      byId: new Map(def.layers.map((l) => [l.id, l])),
      usedCategories: referencedCategories(def),
      assumptionObjects: new Map(),
      firstLayerNaming: firstLayerNaming(def),
      referrals,
      sourceRefs: { "zh-Hans": new Map(), "zh-Hant": new Map() },
      layerStarts: { "zh-Hans": new Map(), "zh-Hant": new Map() },
      texts: { "zh-Hans": packTexts(def, "zh-Hans"), "zh-Hant": packTexts(def, "zh-Hant") },
    };
    packInfos.set(def, info);
  }
  return info;
}

export class Run {
  readonly locale: Locale;
  readonly cats: Set<Category>;
  readonly insurance: Insurance;
  eps: EpisodeState[];
  /** Computing a household-level layer over several members' bills (computeHouseholdEstimate). */
  household = false;
  readonly info: PackInfo;
  readonly labels: Labels;

  /**
   * A layer the slip does not give, on a stay whose slip gives a later layer:
   * it is computed for that stay alone (as if first this year), so that other
   * stays cannot move an amount the slip has already fixed further down.
   */
  pinned(ep: EpisodeState, id: LayerId): boolean {
    return ep.settled[id] === undefined && this.info.layerIndex.get(id)! < ep.lastSettled;
  }
  /** What the engine assumed, in the order first assumed (assumptionKeys finds one by id). */
  readonly assumptions: Assumed[] = [];
  readonly assumptionKeys = new Map<string, Assumed>();
  /** Position (in the pack's layer order) of the layer being computed; NO_LAYER outside the layers. */
  layerPosition = NO_LAYER;
  /**
   * Layers that computed an amount for at least one episode (not only settled,
   * excluded or not covered), as a bitmask of their positions in the pack.
   */
  computedLayers = 0;
  readonly issues: ErrorIssue[] = [];
  readonly excluded: { ep: number; reason: ExclusionReason; layers: LayerId[]; sources: string[] }[] = [];
  private layerSources: SourceRef[] = [];
  private layerSourceIds: string[] = [];
  /** This locale's text memo of the compiled pack (looked up on first use). */
  private textMemo: Map<unknown, unknown> | undefined;

  constructor(
    readonly req: ParsedRequest,
    readonly cp: CompiledPack,
  ) {
    this.locale = req.locale ?? "zh-Hans";
    this.cats = new Set(req.person.categories ?? []);
    this.insurance = req.person.insurance;
    this.eps = req.episodes.map((e, i) => toEp(e, i));
    this.info = packInfo(cp.def);
    this.labels = LABELS[this.locale];
  }

  t(key: string, vars?: Vars): string {
    return t(this.locale, key, vars);
  }

  /**
   * State an assumption. `from` is the first layer (pack order) whose amount
   * reads the assumed value: by default the layer being computed, none
   * outside the layers (e.g. a referral's text).
   */
  assume(key: string, text: string, from: number = this.layerPosition): void {
    const known = this.assumptionKeys.get(key);
    if (known) {
      if (from < known.from) known.from = from;
      return;
    }
    const a: Assumed = { id: key, text, from };
    this.assumptionKeys.set(key, a);
    this.assumptions.push(a);
  }

  /** Record that the layer being computed computed an amount itself (so assumptions before it move it). */
  computedLayer(): void {
    this.computedLayers |= 1 << this.layerPosition;
  }

  // ---- parameters, with their sources and assumptions recorded as used

  startLayer(l: LayerDef): void {
    // The layer's own sources, cited the same way every time: listed once per pack and locale, copied here.
    const start = memoIn(this.info.layerStarts[this.locale], l, () => {
      this.layerSources = [];
      this.layerSourceIds = [];
      for (const s of l.sources) this.cite(s);
      return { ids: this.layerSourceIds, refs: this.layerSources };
    });
    this.layerSourceIds = start.ids.slice();
    this.layerSources = start.refs.slice();
  }

  /** Cite a source for the current layer (a parameter's source carries the parameter's reliability). */
  cite(sid: string, reliability?: string): void {
    if (this.layerSourceIds.includes(sid)) return;
    this.layerSourceIds.push(sid);
    this.layerSources.push(this.sourceRef(sid, reliability ?? this.cp.def.sources[sid].reliability));
  }

  /** The current layer's sources; later citations (e.g. by referrals) go to a fresh list. */
  takeSources(): SourceRef[] {
    const out = this.layerSources;
    this.layerSources = [];
    this.layerSourceIds = [];
    return out;
  }

  /**
   * Memoised per compiled pack (pack and period): values that only depend on
   * the pack's parameters, keyed by the pack object they derive from (a tilt,
   * a parameter's value).
   */
  memo<T>(key: object, make: () => T): T {
    return memoIn(this.cp.memo, key, make);
  }

  /** The same for texts, which also depend on the locale. */
  memoText<T>(key: object, make: () => T): T {
    let byLocale = this.textMemo;
    if (!byLocale) {
      byLocale = this.cp.memo.get(this.locale) as Map<unknown, unknown> | undefined;
      if (!byLocale) {
        byLocale = new Map();
        this.cp.memo.set(this.locale, byLocale);
      }
      this.textMemo = byLocale;
    }
    return memoIn(byLocale, key, make);
  }

  sourceRef(sid: string, reliability: string): SourceRef {
    const bySource = this.info.sourceRefs[this.locale];
    let byReliability = bySource.get(sid);
    if (!byReliability) {
      byReliability = new Map();
      bySource.set(sid, byReliability);
    }
    let ref = byReliability.get(reliability);
    if (ref) return ref;
    const def = this.cp.def;
    const src = def.sources[sid];
    const doc = def.documents[src.document];
    ref = {
      document: doc.file ?? this.t(`pack.${def.id}.document.${src.document}`),
      clause: this.t(`pack.${def.id}.source.${sid}.clause`),
    } as SourceRef;
    if (src.quote) ref.quote = this.t(`pack.${def.id}.source.${sid}.quote`);
    if (doc.url) ref.url = doc.url;
    ref.reliability = reliability as SourceRef["reliability"];
    // Shared by every result that cites it: frozen so no caller can change another's.
    rememberObjectJson(Object.freeze(ref));
    byReliability.set(reliability, ref);
    return ref;
  }

  /** A parameter's source object and assumption texts in this locale (built on its first use). */
  use(p: ResolvedParam): ParamUse {
    let use = p.uses[this.locale];
    if (!use) {
      use = { ref: this.sourceRef(p.sourceId, p.reliability), assumedAt: {} };
      p.uses[this.locale] = use;
    }
    return use;
  }

  /** Cite a parameter's source for the current layer (as cite(p.sourceId, p.reliability)). */
  citeParam(p: ResolvedParam, use: ParamUse): void {
    if (this.layerSourceIds.includes(p.sourceId)) return;
    this.layerSourceIds.push(p.sourceId);
    this.layerSources.push(use.ref);
  }

  param(id: string): ResolvedParam {
    const p = this.cp.params.get(id)!;
    const use = this.use(p);
    this.citeParam(p, use);
    if (p.reliability === "ASSUMED") {
      if (use.assumed === undefined) {
        use.assumed = rememberTextJson(this.t("assume.param", { label: this.t(p.labelKey), value: this.describe(p) }));
      }
      this.assume(id, use.assumed);
    }
    return p;
  }

  /** A scalar parameter. */
  num(id: string): Dec {
    return this.param(id).value as Dec;
  }

  /** A parameter that may be a table by facility level. */
  byLevel(id: string, f: Facility): Dec {
    const p = this.cp.params.get(id)!;
    if (!isLevels(p.value)) return this.num(id);
    const use = this.use(p);
    this.citeParam(p, use);
    const v = p.value[f];
    if (p.reliability === "ASSUMED") {
      if (!p.levelKeys) p.levelKeys = levelKeys(id);
      const key = p.levelKeys[f];
      const known = this.assumptionKeys.get(key);
      if (known) {
        if (this.layerPosition < known.from) known.from = this.layerPosition;
      } else {
        let text = use.assumedAt[f];
        if (text === undefined) {
          text = rememberTextJson(
            this.t("assume.param", {
              label: this.t("common.labelAtLevel", { label: this.t(p.labelKey), facility: this.labels.facility[f] }),
              value: this.unitValue(p.unit, v),
            }),
          );
          use.assumedAt[f] = text;
        }
        this.assume(key, text);
      }
    }
    return v;
  }

  bands(id: string): Bands {
    return this.param(id).value as Bands;
  }

  flag(id: string): boolean {
    return this.param(id).value as boolean;
  }

  unitValue(unit: string, v: Dec): string {
    switch (unit) {
      case "CNY":
      case "CNY/month":
      case "CNY/year":
        return this.t(`unit.${unit === "CNY" ? "cny" : unit === "CNY/month" ? "cnyMonth" : "cnyYear"}`, { v: formatMoney(v) });
      case "ratio":
      case "factor":
        return formatPercent(v);
      case "points":
        return this.t("unit.points", { v: formatPoints(v) });
      case "working-days":
        return this.t("unit.workingDays", { v: v.toString() });
      case "days":
        return this.t("unit.days", { v: v.toString() });
      case "months":
        return this.t("unit.months", { v: v.toString() });
      default:
        return v.toString();
    }
  }

  describe(p: ResolvedParam): string {
    const v = p.value;
    if (typeof v === "boolean") return this.t(v ? "value.yes" : "value.no");
    if (isBands(v)) {
      return list(
        this.locale,
        v.bands.map((b) =>
          this.t(v.basis === "excess" ? "unit.bandExcess" : "unit.band", { from: formatMoney(b.from), rate: formatPercent(b.rate) }),
        ),
      );
    }
    if (isLevels(v)) {
      return list(
        this.locale,
        (["township", "county", "city", "provincial"] as const).map(
          (f) => `${this.labels.facility[f]} ${this.unitValue(p.unit, v[f])}`,
        ),
      );
    }
    return this.unitValue(p.unit, v);
  }

  catLabels(cats: readonly Category[]): string {
    return list(
      this.locale,
      cats.map((c) => this.labels.category[c]),
    );
  }

  /** The person's categories that a rule names, in vocabulary order. */
  matching(cats: readonly Category[]): Category[] {
    return cats.filter((c) => this.cats.has(c));
  }

  where(ep: EpisodeState): string {
    return this.t("common.where", { facility: this.labels.facility[ep.facility], kind: this.labels.kind[ep.kind] });
  }

  layerName(id: LayerId): string {
    return this.labels.layer[id];
  }
}

export function levelKeys(id: string): Record<Facility, string> {
  return { township: `${id}:township`, county: `${id}:county`, city: `${id}:city`, provincial: `${id}:provincial` };
}

export function memoIn<T>(m: Map<unknown, unknown>, key: unknown, make: () => T): T {
  let v = m.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

export function toEp(e: ParsedEpisode, i: number): EpisodeState {
  const total = parseMoney(e.total);
  const selfFunded = e.selfFunded === undefined ? ZERO : parseMoney(e.selfFunded);
  const settled: Partial<Record<LayerId, Dec>> = {};
  const settledIds: LayerId[] = [];
  if (e.settled) {
    // In vocabulary order whatever the request's key order (issues about them come out in this order).
    for (const id of LAYER_IDS) {
      const v = e.settled[id];
      if (v !== undefined) {
        settled[id] = parseMoney(v);
        settledIds.push(id);
      }
    }
  }
  const selfAboveTotal = !selfFunded.isZero() && gt(selfFunded, total);
  const inPolicy = selfAboveTotal ? ZERO : sub(total, selfFunded);
  return {
    i,
    kind: e.kind,
    facility: e.facility,
    inRegion: e.inRegion ?? true,
    referred: e.referred ?? false,
    designated: e.designated ?? true,
    emergency: e.emergency ?? false,
    cause: e.cause ?? "illness",
    total,
    selfFunded,
    selfAboveTotal,
    settled,
    settledIds,
    left: total,
    policyLeft: inPolicy,
    lastSettled: -1,
    blocked: new Map(),
    paid: new Map(),
  };
}

export function matches(c: ConditionDef, ep: EpisodeState, insurance: Insurance): boolean {
  if (c.kind && !c.kind.includes(ep.kind)) return false;
  if (c.cause && !c.cause.includes(ep.cause)) return false;
  if (c.facility && !c.facility.includes(ep.facility)) return false;
  if (c.insurance && !c.insurance.includes(insurance)) return false;
  if (c.designated !== undefined && c.designated !== ep.designated) return false;
  if (c.emergency !== undefined && c.emergency !== ep.emergency) return false;
  if (c.inRegion !== undefined && c.inRegion !== ep.inRegion) return false;
  if (c.referred !== undefined && c.referred !== ep.referred) return false;
  return true;
}
