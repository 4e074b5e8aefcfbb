import {
  add,
  clamp,
  constFen,
  constMoney,
  constPercent,
  constPoints,
  constRate,
  D,
  type Dec,
  fenString,
  formatMoney,
  formatPercent,
  formatPoints,
  gt,
  gte,
  eq,
  isPositive,
  lte,
  max,
  min,
  nonNegative,
  ONE,
  parseMoney,
  sub,
  toFen,
  ZERO,
} from "./money";
import { layerRuleCovers } from "./coverage";
import { has, list, slots, t, type Vars } from "./messages";
import { isRememberedText, rememberObjectJson, rememberTextJson } from "./serialize";
import type {
  AnnualExcessBackstopDef,
  AssistanceLayerDef,
  BasicLayerDef,
  ConditionDef,
  CriticalLayerDef,
  GuaranteeBackstopDef,
  LayerDef,
  PackDef,
  ReferralDef,
  WaiverLayerDef,
} from "./pack-schema";
import { type Bands, type CompiledPack, isBands, isLevels, type ParamUse, type ResolvedParam } from "./registry";
import type { ParsedEpisode, ParsedHouseholdRequest, ParsedRequest } from "./request-schema";
import {
  CATEGORIES,
  EPISODE_KINDS,
  EXCLUSION_REASONS,
  FACILITIES,
  LAYER_IDS,
  type Assumption,
  type Category,
  type Cause,
  type EpisodeBreakdown,
  type HouseholdMemberResult,
  type HouseholdResult,
  type EpisodeKind,
  type ErrorIssue,
  type EstimateResult,
  type ExcludedItem,
  type ExclusionReason,
  type Facility,
  type Insurance,
  type LayerId,
  type LayerResult,
  type Locale,
  type Referral,
  type SourceRef,
} from "./types";

/**
 * computeEstimate: the layers of one policy year, applied in contract order
 * (basic → critical → assistance → tilted → waiver → backstop → charity) on
 * the bases real settlement uses (DOMAIN-BRIEF §3.2). Layer-major: every layer
 * runs over the episodes in request order (bills in the order given, never
 * reordered: contract v2), so yearly thresholds and limits accumulate across
 * episodes while each episode's later layers see what its earlier layers
 * paid. Per-stay rules (鹿寨's 90 % and township split) look at one episode
 * only. Each layer records one rounded amount per episode (the per-episode
 * breakdown); computeHouseholdEstimate (end of file) runs members and a
 * family-level layer. docs/calculation.md has the layer map and the readings.
 */

interface EpisodeState {
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

interface LayerOut {
  paid: Dec;
  origin: "settled" | "computed";
  base?: Dec;
  deductible?: Dec;
  rate?: Dec;
  cap?: Dec;
  explanation: string;
}

/** An assumption as stated, and the first layer whose amount reads it (NO_LAYER: none). */
interface Assumed {
  id: string;
  text: string;
  from: number;
}

/** "No layer reads it" (assumptions made outside the layers, e.g. for a referral's text). */
const NO_LAYER = Number.POSITIVE_INFINITY;
/** "Every layer reads it" (assumptions about the request itself). */
const EVERY_LAYER = 0;

export type ComputeOutcome = { ok: true; result: EstimateResult } | { ok: false; issues: ErrorIssue[] };

/** Vocabulary labels and fixed sentences of one locale, looked up once instead of by key on every use. */
interface Labels {
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

function buildLabels(locale: Locale): Labels {
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

const LABELS: Record<Locale, Labels> = { "zh-Hans": buildLabels("zh-Hans"), "zh-Hant": buildLabels("zh-Hant") };

/**
 * What the engine derives from a pack definition alone (the same for every
 * date and request): built on first use and kept as long as the definition.
 */
interface PackInfo {
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
interface PackTexts {
  title: string;
  /** Assumptions every estimate with this pack states, as [key, text]. */
  notes: [string, string][];
  /** The note shown when the person is outside the pack's target group. */
  target: string | undefined;
}

function packTexts(def: PackDef, locale: Locale): PackTexts {
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

const packInfos = new WeakMap<PackDef, PackInfo>();

function packInfo(def: PackDef): PackInfo {
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

class Run {
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

function levelKeys(id: string): Record<Facility, string> {
  return { township: `${id}:township`, county: `${id}:county`, city: `${id}:city`, provincial: `${id}:provincial` };
}

function memoIn<T>(m: Map<unknown, unknown>, key: unknown, make: () => T): T {
  let v = m.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

function toEp(e: ParsedEpisode, i: number): EpisodeState {
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

function matches(c: ConditionDef, ep: EpisodeState, insurance: Insurance): boolean {
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

// ------------------------------------------------------------ entry point

export function computeEstimate(req: ParsedRequest, cp: CompiledPack): ComputeOutcome {
  const run = prepareRun(req, cp);
  if (run.issues.length) return { ok: false, issues: run.issues };
  const { layers, reimbursed } = runLayers(run, NO_SKIP);
  if (run.issues.length) return { ok: false, issues: run.issues };
  const totals = sumUp(run.eps, reimbursed);
  // Referrals first: an assumed value a referral shows is an assumption too.
  const referrals = buildReferrals(run, totals.personalAmount);
  const result: EstimateResult = {
    policy: policyHeader(run),
    currency: "CNY",
    total: totals.total,
    layers,
    reimbursed: totals.reimbursed,
    personal: totals.personal,
    personalRatio: totals.personalRatio,
    episodes: buildEpisodeBreakdown(run, layers, totals),
    excluded: buildExcluded(run),
    assumptions: buildAssumptions(run),
    referrals,
  };
  return { ok: true, result };
}

const NO_SKIP: ReadonlySet<LayerId> = new Set();

/** A run with the request's episodes read, checked against the pack, assumptions and exclusions applied. */
function prepareRun(req: ParsedRequest, cp: CompiledPack, issuePrefix = ""): Run {
  const run = new Run(req, cp);
  const { layerIndex } = run.info;

  // Input checks that need the pack.
  for (const ep of run.eps) {
    if (ep.selfAboveTotal) {
      run.issues.push({
        path: `${issuePrefix}episodes.${ep.i}.selfFunded`,
        message: run.t("error.selfFundedAboveTotal", { selfFunded: formatMoney(ep.selfFunded), total: formatMoney(ep.total) }),
      });
    }
    for (const k of ep.settledIds) {
      if (!layerIndex.has(k)) {
        run.issues.push({
          path: `${issuePrefix}episodes.${ep.i}.settled.${k}`,
          message: run.t("error.settledLayerNotInPack", {
            layer: run.layerName(k),
            id: k,
            layers: run.info.layerIds.join(", "),
          }),
        });
      }
    }
  }
  if (run.issues.length) return run;

  for (const ep of run.eps) {
    for (const k of ep.settledIds) ep.lastSettled = Math.max(ep.lastSettled, layerIndex.get(k)!);
  }

  addRequestAssumptions(run);
  applyExclusions(run);
  applyCertificationDates(run);
  return run;
}

/** The pack's layers in order, except those in `skip` (computed for a whole household instead), and what they paid. */
function runLayers(run: Run, skip: ReadonlySet<LayerId>): { layers: LayerResult[]; reimbursed: Dec } {
  const def = run.cp.def;
  const layers: LayerResult[] = [];
  let reimbursed = ZERO;
  for (let position = 0; position < def.layers.length; position++) {
    const l = def.layers[position];
    if (skip.has(l.id)) continue;
    run.layerPosition = position;
    run.startLayer(l);
    const out = runLayer(run, l);
    layers.push(layerResult(run, l, out));
    reimbursed = add(reimbursed, out.paid);
  }
  run.layerPosition = NO_LAYER;
  return { layers, reimbursed };
}

function layerResult(run: Run, l: LayerDef, out: LayerOut): LayerResult {
  const res: LayerResult = {
    id: l.id,
    name: run.layerName(l.id),
    paid: fenString(out.paid),
    origin: out.origin,
  } as LayerResult;
  if (out.base !== undefined) res.base = fenString(out.base);
  if (out.deductible !== undefined) res.deductible = l.id === "basic" ? fenString(out.deductible) : constFen(out.deductible);
  if (out.rate !== undefined) res.rate = constRate(out.rate);
  if (out.cap !== undefined) res.cap = constFen(out.cap);
  res.explanation = out.explanation;
  res.sources = run.takeSources();
  return res;
}

function policyHeader(run: Run): EstimateResult["policy"] {
  return { id: run.cp.def.id, version: run.cp.version.id, title: run.info.texts[run.locale].title };
}

interface Totals {
  total: string;
  reimbursed: string;
  personal: string;
  personalRatio: string;
  personalAmount: Dec;
}

/** total, reimbursed, personal (the remainder, so the identity is exact) and personalRatio. */
function sumUp(eps: readonly EpisodeState[], reimbursed: Dec): Totals {
  const total = eps.length === 1 ? eps[0].total : eps.reduce((s, e) => add(s, e.total), ZERO);
  const personal = total.minus(reimbursed);
  return {
    total: fenString(total),
    reimbursed: fenString(reimbursed),
    personal: fenString(personal),
    personalAmount: personal,
    personalRatio: personal.div(total).toFixed(4, D.ROUND_HALF_UP),
  };
}

// ------------------------------------------------------------ assumptions & exclusions

function referencedCategories(def: PackDef): Set<Category> {
  const out = new Set<Category>();
  for (const l of def.layers) {
    if ("tilts" in l) for (const t of l.tilts) t.categories.forEach((c) => out.add(c));
    if ("schemes" in l) for (const s of l.schemes) s.categories.forEach((c) => out.add(c));
    if ("categories" in l) l.categories.forEach((c) => out.add(c));
  }
  for (const r of def.referrals) {
    r.when.categoriesAny?.forEach((c) => out.add(c));
  }
  def.target?.categoriesAny.forEach((c) => out.add(c));
  return out;
}

/**
 * Per request episode, in request order: its total, what each layer paid on
 * it, what the family still pays for it and the first reason an exclusion
 * gave (contract v2). Each layer's paid is the sum of its episodes' amounts
 * (every layer records one rounded amount per episode), so these add up.
 */
function buildEpisodeBreakdown(run: Run, layers: readonly LayerResult[], totals: Totals): EpisodeBreakdown[] {
  const ids = run.info.layerIds;
  if (run.eps.length === 1 && layers.length === ids.length) {
    // One bill: its amounts are the layers' own (the same strings, not formatted twice).
    const paid = {} as Partial<Record<LayerId, string>>;
    for (const l of layers) paid[l.id] = l.paid;
    const first = run.excluded.length ? run.excluded[0].reason : null;
    return [{ index: 0, total: totals.total, paid, personal: totals.personal, excluded: first }];
  }
  return run.eps.map((ep) => {
    const paid = {} as Partial<Record<LayerId, string>>;
    for (const id of ids) paid[id] = fenString(ep.paid.get(id) ?? ZERO);
    const first = run.excluded.find((x) => x.ep === ep.i);
    return { index: ep.i, total: fenString(ep.total), paid, personal: fenString(ep.left), excluded: first ? first.reason : null };
  });
}

/**
 * Assumptions as data (contract v2): `affects` lists the layers whose paid
 * depends on the assumption — the first layer that read the assumed value
 * and every later layer that computed an amount, since each later layer works
 * on what the earlier ones left.
 */
function buildAssumptions(run: Run): Assumption[] {
  const ids = run.info.layerIds;
  return run.assumptions.map((a) => {
    // The computing layers at or after the first layer that read the value.
    const mask = a.from >= ids.length ? 0 : run.computedLayers & ~((1 << a.from) - 1);
    return assumptionObject(run.info.assumptionObjects, a, mask, ids);
  });
}

/**
 * Fixed sentences with the same layers recur in most results: their objects
 * are made once per pack (text → layer bitmask → object), frozen, and their
 * JSON kept for the serializer (as for source objects). Other sentences
 * (with episode numbers…) get fresh objects.
 */
function assumptionObject(
  assumptionObjects: Map<string, Map<number, Assumption>>,
  a: Assumed,
  mask: number,
  ids: readonly LayerId[],
): Assumption {
  let byMask = assumptionObjects.get(a.text);
  const known = byMask?.get(mask);
  if (known && known.id === a.id) return known;
  const fixed = byMask !== undefined || isRememberedText(a.text);
  const affects: LayerId[] = [];
  for (let i = 0; i < ids.length; i++) if (mask & (1 << i)) affects.push(ids[i]);
  const made: Assumption = { id: a.id, text: a.text, affects };
  if (!fixed || known) return made;
  if (!byMask) assumptionObjects.set(a.text, (byMask = new Map()));
  Object.freeze(affects);
  return byMask.set(mask, rememberObjectJson(Object.freeze(made))).get(mask)!;
}

function firstLayerNaming(def: PackDef): Map<Category, number> {
  const out = new Map<Category, number>();
  def.layers.forEach((l, position) => {
    const named: Category[] = [];
    if ("tilts" in l) for (const t of l.tilts) named.push(...t.categories);
    if ("schemes" in l) for (const s of l.schemes) named.push(...s.categories);
    if ("categories" in l) named.push(...l.categories);
    for (const c of named) if (!out.has(c)) out.set(c, position);
  });
  return out;
}

function addRequestAssumptions(run: Run): void {
  const def = run.cp.def;
  run.assume("firstThisYear", run.labels.firstThisYear, EVERY_LAYER);
  run.assume("inPolicy", run.labels.inPolicy, EVERY_LAYER);
  if (run.eps.length > 1) run.assume("order", run.labels.multiEpisodeOrder, EVERY_LAYER);

  if (run.req.episodes.some(hasDefaults)) {
    const missing = (pred: (e: ParsedEpisode, ep: EpisodeState) => boolean) =>
      run.eps.filter((ep) => pred(run.req.episodes[ep.i], ep)).map((ep) => String(ep.i + 1));
    const fields: [string, (e: ParsedEpisode, ep: EpisodeState) => boolean, string][] = [
      ["selfFunded", (e) => e.selfFunded === undefined, "0.00"],
      ["inRegion", (e) => e.inRegion === undefined, run.t("value.yes")],
      ["referred", (e, ep) => e.referred === undefined && !ep.inRegion, run.t("value.no")],
      ["designated", (e) => e.designated === undefined, run.t("value.yes")],
      ["emergency", (e, ep) => e.emergency === undefined && !ep.designated, run.t("value.no")],
      ["cause", (e) => e.cause === undefined, run.t("cause.illness")],
    ];
    for (const [field, pred, value] of fields) {
      const eps = missing(pred);
      if (eps.length) {
        run.assume(
          `default:${field}`,
          // plainField: the name a person reads (field.* carries the request key, for API errors).
          run.t("assume.fieldDefault", { episodes: list(run.locale, eps), field: run.t(`plainField.${field}`), value }),
          EVERY_LAYER,
        );
      }
    }
  }

  const texts = run.info.texts[run.locale];
  for (const [key, text] of texts.notes) run.assume(key, text, NO_LAYER);
  if (def.target && !def.target.categoriesAny.some((c) => run.cats.has(c))) run.assume("target", texts.target!, NO_LAYER);
  const used = run.info.usedCategories;
  for (const c of CATEGORIES) {
    if (!run.cats.has(c)) continue;
    if (!used.has(c)) run.assume(`cat:${c}`, run.t("assume.categoryUnused", { category: run.labels.category[c] }), NO_LAYER);
  }
  if (run.cats.has("medical-poverty") && used.has("medical-poverty")) {
    run.assume("mp", run.t("assume.medicalPoverty"), run.info.firstLayerNaming.get("medical-poverty") ?? NO_LAYER);
  }
  if (run.req.person.age !== undefined && run.req.person.age < 1) run.assume("infant", run.t("assume.infant"), NO_LAYER);
}

/** Whether an episode leaves out a field that has a default (each default used is an assumption). */
function hasDefaults(e: ParsedEpisode): boolean {
  return (
    e.selfFunded === undefined ||
    e.inRegion === undefined ||
    e.referred === undefined ||
    e.designated === undefined ||
    e.emergency === undefined ||
    e.cause === undefined
  );
}

/** Whether the person could get this layer at all (category-wise), so an exclusion is worth reporting. */
function eligibleFor(run: Run, l: LayerDef): boolean {
  return layerRuleCovers(l, run.insurance, run.cats);
}

function applyExclusions(run: Run): void {
  const def = run.cp.def;
  const { byId } = run.info;
  for (const ep of run.eps) {
    for (const rule of def.exclusions) {
      if (!matches(rule.when, ep, run.insurance)) continue;
      const hit: LayerId[] = [];
      for (const lid of rule.blocks) {
        const l = byId.get(lid);
        if (!l || ep.settled[lid] !== undefined || !eligibleFor(run, l)) continue;
        // A facility waiver only concerns stays at the facilities it names.
        if (l.rule === "facility-split" && (!l.facility.includes(ep.facility) || (l.inRegionOnly && !ep.inRegion))) continue;
        if (!ep.blocked.has(lid)) ep.blocked.set(lid, rule.reason);
        hit.push(lid);
      }
      if (!hit.length) continue;
      const prev = run.excluded.find((x) => x.ep === ep.i && x.reason === rule.reason);
      if (prev) {
        for (const h of hit) if (!prev.layers.includes(h)) prev.layers.push(h);
        for (const s of rule.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
      } else {
        run.excluded.push({ ep: ep.i, reason: rule.reason, layers: hit, sources: [...rule.sources] });
      }
    }
  }
}

/**
 * 浙江 001 二(三): 上年度新增的持证特困、低保和低边对象自持证之日起计算合理医疗费用.
 * A layer whose scheme for the person counts from the certification date
 * leaves out the bills dated before person.certifiedOn; without that date
 * the whole year counts, and without a bill's date the bill counts (each
 * said under assumptions).
 */
function applyCertificationDates(run: Run): void {
  for (let position = 0; position < run.cp.def.layers.length; position++) {
    const l = run.cp.def.layers[position];
    if (l.rule !== "annual-excess") continue;
    const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
    if (!scheme?.countsFromCertification) continue;
    const held = run.matching(scheme.categories);
    const dates = held.map((c) => run.req.person.certifiedOn?.[c]).filter((d): d is string => d !== undefined);
    if (!dates.length) {
      run.assume(`certifiedOn:${l.id}`, run.t("assume.certifiedOnMissing", { category: run.catLabels(held) }), position);
      continue;
    }
    const from = dates.reduce((a, b) => (b < a ? b : a));
    const undated: string[] = [];
    for (const ep of run.eps) {
      if (ep.settled[l.id] !== undefined || ep.blocked.has(l.id)) continue;
      const date = run.req.episodes[ep.i].date;
      if (date === undefined) undated.push(String(ep.i + 1));
      else if (date < from) {
        ep.blocked.set(l.id, "before-certification");
        run.excluded.push({ ep: ep.i, reason: "before-certification", layers: [l.id], sources: [...scheme.countsFromCertification.sources] });
      }
    }
    if (undated.length) {
      run.assume(`certifiedOn:${l.id}:undated`, run.t("assume.certifiedOnUndated", { episodes: list(run.locale, undated), date: from }), position);
    }
  }
  // Listed by episode, as the other exclusions are.
  run.excluded.sort((a, b) => a.ep - b.ep);
}

function buildExcluded(run: Run): ExcludedItem[] {
  const { layerIndex } = run.info;
  return run.excluded.map((x) => ({
    episode: x.ep,
    reason: x.reason,
    explanation: run.t("excluded.sentence", {
      n: x.ep + 1,
      reason: run.labels.reason[x.reason],
      layers: list(
        run.locale,
        [...x.layers].sort((a, b) => layerIndex.get(a)! - layerIndex.get(b)!).map((l) => run.layerName(l)),
      ),
    }),
    sources: x.sources.map((s) => run.sourceRef(s, run.cp.def.sources[s].reliability)),
  }));
}

// ------------------------------------------------------------ layers

function runLayer(run: Run, l: LayerDef): LayerOut {
  switch (l.rule) {
    case "basic-insurance":
      return basicLayer(run, l);
    case "critical-illness":
      return criticalLayer(run, l);
    case "medical-assistance":
    case "tilted-assistance":
      return assistanceLayer(run, l);
    case "facility-split":
      return waiverLayer(run, l);
    case "guarantee-ratio":
      return guaranteeBackstop(run, l);
    case "annual-excess":
      return annualExcessBackstop(run, l);
  }
}

/** Record what a layer paid on an episode and move the episode's remainders on. */
function pay(ep: EpisodeState, id: LayerId, amount: Dec): void {
  ep.paid.set(id, amount);
  if (amount.isZero()) return;
  // Paying all of what is left (the same value object) leaves zero, without a subtraction.
  // Comparisons first: a comparison costs less than a subtraction, and paying all that is left is common.
  ep.left = eq(amount, ep.left) ? ZERO : ep.left.minus(amount);
  ep.policyLeft = lte(ep.policyLeft, amount) ? ZERO : ep.policyLeft.minus(amount);
}

/** An amount due, kept within [0, room]. */
function clampPay(x: Dec, room: Dec): Dec {
  return x.isNeg() && !x.isZero() ? ZERO : gt(x, room) ? room : x;
}

/** Layers that pay only from the in-policy part (政策范围内); 自费 is never theirs. */
const POLICY_LAYERS: ReadonlySet<LayerId> = new Set<LayerId>(["basic", "critical", "assistance", "tilted"]);

/**
 * Take a settled amount, checking it fits in what is left: the in-policy
 * remainder for insurance and assistance layers, the whole remainder for
 * waivers and 兜底. Otherwise an issue (the contract's "settled amounts above
 * what is left").
 */
function takeSettled(run: Run, ep: EpisodeState, id: LayerId): Dec {
  const s = ep.settled[id]!;
  const policy = POLICY_LAYERS.has(id);
  const room = policy ? min(ep.policyLeft, ep.left) : ep.left;
  if (gt(s, room)) {
    run.issues.push({
      path: `episodes.${ep.i}.settled.${id}`,
      message: run.t(policy ? "error.settledTooHighPolicy" : "error.settledTooHigh", {
        layer: run.layerName(id),
        amount: formatMoney(s),
        left: formatMoney(room),
      }),
    });
    return room;
  }
  return s;
}

/**
 * How a per-episode layer (waiver, 90 % guarantee) starts on an episode: an
 * amount the settlement slip gives is taken as it is; a person the layer does
 * not cover, or an episode an exclusion leaves out, gets ¥0 with the reason.
 * Null when the layer has to compute the episode itself.
 */
function episodeStart(
  run: Run,
  ep: EpisodeState,
  id: LayerId,
  eligible: boolean,
  covered: readonly Category[],
): { settled: Dec | null; text: string } | null {
  if (ep.settled[id] !== undefined) {
    const s = takeSettled(run, ep, id);
    pay(ep, id, s);
    return { settled: s, text: run.t("explain.settled", { layer: run.layerName(id), paid: formatMoney(s) }) };
  }
  if (!eligible) {
    pay(ep, id, ZERO);
    return { settled: null, text: run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(covered) }) };
  }
  if (ep.blocked.has(id)) {
    pay(ep, id, ZERO);
    return { settled: null, text: blockedText(run, ep, id) };
  }
  return null;
}

function blockedText(run: Run, ep: EpisodeState, id: LayerId): string {
  return run.t("explain.blocked", { reason: run.labels.reason[ep.blocked.get(id)!], layer: run.layerName(id) });
}

/** One sentence for one episode, or a total plus one item per episode (frags are indexed by episode). */
function combine(run: Run, frags: string[], paid: Dec): string {
  if (frags.length === 1) return frags[0];
  return run.t("explain.multi", { count: frags.length, paid: formatMoney(paid), details: details(run, frags) });
}

function details(run: Run, frags: (string | undefined)[]): string {
  let out = "";
  for (let i = 0; i < frags.length; i++) {
    const text = frags[i];
    if (text !== undefined) out += run.t("explain.multiItem", { n: i + 1, where: run.where(run.eps[i]), text });
  }
  return out;
}

// ---- 基本医保统筹

function basicLayer(run: Run, l: BasicLayerDef): LayerOut {
  const used = { main: ZERO, outpatient: ZERO };
  const yearDeductibleLeft = new Map<EpisodeKind, Dec>();
  const tilt = l.tilts.find((t) => t.insurance.includes(run.insurance) && t.categories.some((c) => run.cats.has(c)));
  const frags: string[] = new Array(run.eps.length);
  let paid = ZERO;
  let settledAll = true;
  let base = ZERO;
  let deductible = ZERO;
  let rate: Dec | null | undefined;
  let cap: Dec | undefined;
  let computed = 0;

  for (const ep of run.eps) {
    if (ep.settled.basic !== undefined) {
      const s = takeSettled(run, ep, "basic");
      const group = run.insurance === "none" ? "main" : l[run.insurance === "employee" ? "employee" : "resident"][ep.kind].capGroup;
      used[group] = add(used[group], s);
      pay(ep, "basic", s);
      paid = add(paid, s);
      frags[ep.i] = run.t("explain.settled", { layer: run.layerName("basic"), paid: formatMoney(s) });
      continue;
    }
    settledAll = false;
    if (ep.blocked.has("basic") || run.insurance === "none") {
      if (!ep.blocked.has("basic")) ep.blocked.set("basic", "uninsured");
      pay(ep, "basic", ZERO);
      frags[ep.i] = blockedText(run, ep, "basic");
      continue;
    }
    const ins = l[run.insurance];
    const scheme = ins[ep.kind];
    const inPolicy = ep.policyLeft;
    let ded = run.byLevel(scheme.deductible, ep.facility);
    const notes: string[] = [];
    if (tilt?.deductibleFactor && (!tilt.kinds || tilt.kinds.includes(ep.kind))) {
      for (const s of tilt.sources) run.cite(s);
      const f = run.num(tilt.deductibleFactor);
      ded = ded.times(f);
      notes.push(run.t("explain.basic.tiltDeductible", { who: run.catLabels(run.matching(tilt.categories)), factor: constPercent(f) }));
    }
    let applied: Dec;
    if (scheme.deductiblePer === "admission") {
      applied = min(inPolicy, ded);
    } else {
      const shared = yearDeductibleLeft.get(ep.kind) ?? ded;
      const leftDed = run.pinned(ep, "basic") ? ded : shared;
      applied = min(inPolicy, leftDed);
      yearDeductibleLeft.set(ep.kind, nonNegative(sub(shared, applied)));
      if (!ded.isZero()) notes.push(run.t("explain.basic.yearlyDeductible", { deductible: formatMoney(ded) }));
    }
    let r = run.byLevel(scheme.rate, ep.facility);
    /** Whether r is the pack's rate itself (its text is then formatted once) or moved by points here. */
    let moved = false;
    if (
      tilt?.ratePoints &&
      (!tilt.kinds || tilt.kinds.includes(ep.kind)) &&
      (!tilt.requiresReferralOutOfRegion || ep.inRegion || ep.referred)
    ) {
      for (const s of tilt.sources) run.cite(s);
      const pts = run.num(tilt.ratePoints);
      r = r.plus(pts);
      moved = true;
      notes.push(run.t("explain.basic.tiltRate", { who: run.catLabels(run.matching(tilt.categories)), points: constPoints(pts) }));
    }
    if (!ep.inRegion) {
      for (const s of l.outOfRegion.sources) run.cite(s);
      const pts = run.num(ep.referred ? l.outOfRegion.referredPoints : l.outOfRegion.unreferredPoints);
      r = r.minus(pts);
      moved = true;
      notes.push(run.t(ep.referred ? "explain.basic.outReferred" : "explain.basic.outUnreferred", { points: constPoints(pts) }));
    }
    if (moved) r = clamp(r, ZERO, ONE);
    else {
      const packRate = r;
      r = run.memo(packRate, () => clamp(packRate, ZERO, ONE));
    }
    const rateText = moved ? formatPercent(r) : constPercent(r);
    const group = scheme.capGroup;
    const capV = run.num(ins.caps[group]);
    const capLeft = run.pinned(ep, "basic") ? capV : nonNegative(sub(capV, used[group]));
    const raw = toFen(sub(inPolicy, applied).times(r));
    const p = min(min(raw, capLeft), ep.left);
    used[group] = add(used[group], p);
    pay(ep, "basic", p);
    paid = add(paid, p);
    base = add(base, inPolicy);
    deductible = add(deductible, applied);
    rate = rate === undefined ? r : rate !== null && eq(rate, r) ? rate : null;
    if (group === "main" || cap === undefined) cap = capV;
    computed++;
    run.computedLayer();

    const belowDeductible = lte(inPolicy, applied);
    const capped = gt(raw, p);
    let sentence: string;
    if (belowDeductible) {
      sentence = run.t("explain.basic.belowDeductible", { base: formatMoney(inPolicy), deductible: formatMoney(ded) });
    } else if (capped) {
      sentence = run.t("explain.basic.capped", {
        base: formatMoney(inPolicy),
        deductible: formatMoney(applied),
        rate: rateText,
        due: formatMoney(raw),
        cap: formatMoney(capV),
        paid: formatMoney(p),
      });
    } else {
      sentence = run.t("explain.basic.paid", {
        base: formatMoney(inPolicy),
        deductible: formatMoney(applied),
        rate: rateText,
        paid: formatMoney(p),
      });
    }
    frags[ep.i] = sentence + notes.join("");
  }
  const out: LayerOut = { paid, origin: settledAll ? "settled" : "computed", explanation: combine(run, frags, paid) };
  if (computed) {
    out.base = base;
    out.deductible = deductible;
    if (rate) out.rate = rate;
    out.cap = cap;
  }
  return out;
}

// ---- 大病保险 (yearly: threshold once, bands, cap)

interface BandPiece {
  amount: Dec;
  rate: Dec;
}

function bandPay(cum: Dec, threshold: Dec, bands: { from: Dec; rate: Dec }[], basis: "excess" | "cumulative"): { pay: Dec; pieces: BandPiece[] } {
  let total = ZERO;
  const pieces: BandPiece[] = [];
  if (lte(cum, threshold)) return { pay: ZERO, pieces };
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i];
    const next = i + 1 < bands.length ? bands[i + 1].from : null;
    let portion: Dec;
    if (basis === "excess") {
      const x = sub(cum, threshold);
      const hi = next === null ? x : min(x, next);
      portion = nonNegative(sub(hi, b.from));
    } else {
      const lo = max(b.from, threshold);
      const hi = next === null ? cum : min(cum, next);
      portion = nonNegative(sub(hi, lo));
    }
    if (isPositive(portion)) {
      pieces.push({ amount: portion, rate: b.rate });
      total = add(total, portion.times(b.rate));
    }
  }
  return { pay: total, pieces };
}

interface YearlyState {
  /** The year's base so far: what the covered episodes brought, in request order. */
  cum: Dec;
  /** The year's base the formula was applied to (cum after the last episode). */
  base: Dec;
  paidSoFar: Dec;
  settled: Dec;
  computed: Dec;
  nComputed: number;
  nSettled: number;
  blockedEps: number[];
  /** Stays computed alone because their slip fixes a later layer. */
  standalone: number[];
}

// The usual arguments of yearlyLoop, made once.
const policyLeft = (ep: EpisodeState): Dec => ep.policyLeft;
const nothingDue = (): Dec => ZERO;
const everyEpisode = (): boolean => true;
const noEpisode = (): boolean => false;

/**
 * The shared loop of the yearly layers: the year's formula is applied to the
 * cumulative base after each episode, in request order (bills in the order
 * given, contract v2), and the episode is paid the increase of the formula (rounded
 * once), never more than its own base or what it has left.
 *
 * Episodes an exclusion leaves out add nothing to the base and take nothing
 * from it: an excluded stay never shrinks what the other stays get (contract
 * v2, "An excluded episode … never reduces what another episode gets").
 */
function yearlyLoop(
  run: Run,
  id: LayerId,
  baseOf: (ep: EpisodeState) => Dec,
  formula: (cum: Dec) => Dec,
  eligibleEp: (ep: EpisodeState) => boolean,
): YearlyState {
  const st: YearlyState = {
    cum: ZERO,
    base: ZERO,
    paidSoFar: ZERO,
    settled: ZERO,
    computed: ZERO,
    nComputed: 0,
    nSettled: 0,
    blockedEps: [],
    standalone: [],
  };
  for (const ep of run.eps) {
    if (ep.settled[id] !== undefined) {
      const s = takeSettled(run, ep, id);
      st.cum = add(st.cum, baseOf(ep));
      st.paidSoFar = add(st.paidSoFar, s);
      st.settled = add(st.settled, s);
      st.nSettled++;
      pay(ep, id, s);
      continue;
    }
    if (ep.blocked.has(id) || !eligibleEp(ep)) {
      if (ep.blocked.has(id)) st.blockedEps.push(ep.i);
      pay(ep, id, ZERO);
      continue;
    }
    const b = baseOf(ep);
    st.cum = add(st.cum, b);
    let p: Dec;
    if (run.pinned(ep, id)) {
      p = clampPay(toFen(formula(b)), min(b, ep.left));
      st.standalone.push(ep.i);
      st.paidSoFar = add(st.paidSoFar, p);
    } else {
      const target = toFen(formula(st.cum));
      const due = sub(target, st.paidSoFar);
      p = clampPay(due, min(b, ep.left));
      // Paid in full, the year's total so far is the target itself.
      st.paidSoFar = eq(p, due) ? target : add(st.paidSoFar, p);
    }
    st.nComputed++;
    run.computedLayer();
    pay(ep, id, p);
  }
  st.computed = sub(st.paidSoFar, st.settled);
  st.base = st.cum;
  return st;
}

/** Whether any episode is left for a yearly layer to compute (otherwise its parameters are not even read). */
function needsCompute(run: Run, id: LayerId, eligibleEp: (ep: EpisodeState) => boolean): boolean {
  return run.eps.some((ep) => ep.settled[id] === undefined && !ep.blocked.has(id) && eligibleEp(ep));
}

/**
 * A yearly layer that does not cover the person (no scheme for their
 * categories, or an insurance it does not model): amounts the settlement
 * slips give are taken as they are, nothing else is paid.
 */
function yearlyNotCovered(run: Run, id: LayerId, why: () => string): LayerOut {
  const st = yearlyLoop(run, id, policyLeft, nothingDue, noEpisode);
  return {
    paid: st.settled,
    // nSettled is at most the number of episodes, which is at least one
    origin: st.nSettled === run.eps.length ? "settled" : "computed",
    explanation: st.nSettled ? run.t("explain.settled", { layer: run.layerName(id), paid: formatMoney(st.settled) }) : why(),
  };
}

/** A yearly layer with nothing to compute: only settled amounts, or nothing covered. */
function yearlyIdle(run: Run, id: LayerId): LayerOut {
  const st = yearlyLoop(run, id, policyLeft, nothingDue, noEpisode);
  return {
    paid: st.settled,
    origin: st.nSettled ? "settled" : "computed",
    explanation: yearlyNothing(run, id, st)!,
  };
}

/** Sentences shared by the yearly layers for settled parts and episodes left out. */
function yearlyTail(run: Run, id: LayerId, st: YearlyState): string {
  let s = "";
  if (st.nSettled && st.nComputed) {
    s += run.t("explain.yearly.withSettled", { settled: formatMoney(st.settled), computed: formatMoney(st.computed) });
  }
  if (st.standalone.length) {
    const eps = [...st.standalone].sort((a, b) => a - b).map((i) => String(i + 1));
    s += run.t("explain.yearly.standalone", { episodes: list(run.locale, eps), layer: run.layerName(id) });
  }
  if (st.blockedEps.length) {
    const eps = [...st.blockedEps].sort((a, b) => a - b).map((i) => String(i + 1));
    s += run.t("explain.yearly.blockedEpisodes", { episodes: list(run.locale, eps), layer: run.layerName(id) });
  }
  return s;
}

function yearlyNothing(run: Run, id: LayerId, st: YearlyState): string | null {
  if (st.nComputed) return null;
  if (st.nSettled) return run.t("explain.settled", { layer: run.layerName(id), paid: formatMoney(st.settled) }) + yearlyTail(run, id, st);
  return run.t("explain.noneCovered", { layer: run.layerName(id) });
}

function criticalLayer(run: Run, l: CriticalLayerDef): LayerOut {
  const id: LayerId = "critical";
  if (!l.insurance.includes(run.insurance) && run.insurance !== "none") {
    // 职工大额医疗补助 differs everywhere; the pack does not model it.
    run.assume("employeeCritical", run.t("assume.employeeCritical"));
    return yearlyNotCovered(run, id, () => run.t("explain.critical.employee"));
  }
  const insured = () => run.insurance !== "none";
  if (!needsCompute(run, id, insured)) return yearlyIdle(run, id);
  const tilt = l.tilts.find((t) => t.categories.some((c) => run.cats.has(c)));
  let threshold = run.num(l.threshold);
  const bandsDef = run.bands(l.bands);
  let cap: Dec | null = l.cap ? run.num(l.cap) : null;
  let bands = bandsDef.bands;
  /** What the tilt changes, as one list ("" when nothing). */
  let tiltItems = "";
  if (tilt) {
    for (const s of tilt.sources) run.cite(s);
    // The tilt's parameters are read (cited, assumptions noted) on every
    // estimate; what follows from them only once per pack, period and locale.
    const f = tilt.thresholdFactor ? run.num(tilt.thresholdFactor) : null;
    const pts = tilt.ratePoints ? run.num(tilt.ratePoints) : ZERO;
    const floor = tilt.rateMin ? run.num(tilt.rateMin) : ZERO;
    const base = { threshold, bands };
    const tilted = run.memo(tilt, () => ({
      threshold: f ? base.threshold.times(f) : base.threshold,
      bands: base.bands.map((b) => ({ from: b.from, rate: min(ONE, max(b.rate.plus(pts), floor)) })),
    }));
    threshold = tilted.threshold;
    bands = tilted.bands;
    if (tilt.removeCap) cap = null;
    tiltItems = run.memoText(tilt, () => {
      const items: string[] = [];
      if (f) items.push(run.t("explain.critical.tiltThreshold", { factor: formatPercent(ONE.minus(f)) }));
      if (tilt.ratePoints) items.push(run.t("explain.critical.tiltPoints", { points: formatPoints(pts) }));
      if (tilt.rateMin) items.push(run.t("explain.critical.tiltMin", { rate: formatPercent(floor) }));
      if (tilt.removeCap) items.push(run.t("explain.critical.tiltNoCap"));
      return items.length ? list(run.locale, items) : "";
    });
  }
  // The year's formula; the text below reuses its last band split when the base is the same value.
  let lastSplit: { cum: Dec; split: ReturnType<typeof bandPay> } | null = null;
  const split = (cum: Dec) => {
    if (lastSplit === null || !eq(lastSplit.cum, cum)) lastSplit = { cum, split: bandPay(cum, threshold, bands, bandsDef.basis) };
    return lastSplit.split;
  };
  const formula = (cum: Dec) => {
    const v = split(cum).pay;
    return cap === null ? v : min(v, cap);
  };
  const st = yearlyLoop(run, id, policyLeft, formula, insured);
  const paid = add(st.settled, st.computed);
  const out: LayerOut = { paid, origin: st.nComputed ? "computed" : "settled", explanation: "" };
  const nothing = yearlyNothing(run, id, st);
  if (nothing !== null) {
    out.explanation = nothing;
    if (!st.nSettled) out.origin = "computed";
    return out;
  }
  out.base = st.base;
  out.deductible = threshold;
  if (bands.length === 1) out.rate = bands[0].rate;
  if (cap !== null) out.cap = cap;
  let text: string;
  if (lte(st.base, threshold)) {
    text = run.t("explain.critical.below", { base: formatMoney(st.base), threshold: formatMoney(threshold) });
  } else {
    const { pay: raw, pieces } = split(st.base);
    let arithmetic = "";
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      arithmetic += (i ? " + " : "") + run.t("explain.piece", { amount: formatMoney(p.amount), rate: constPercent(p.rate) });
    }
    text = run.t("explain.critical.paid", {
      base: formatMoney(st.base),
      threshold: formatMoney(threshold),
      arithmetic,
      paid: formatMoney(paid),
    });
    if (cap !== null && gt(raw, cap)) text += run.t("explain.capReached", { cap: formatMoney(cap) });
  }
  if (tiltItems) {
    text += run.t("explain.critical.tilt", { who: run.catLabels(run.matching(tilt!.categories)), items: tiltItems });
  }
  out.explanation = text + yearlyTail(run, id, st);
  return out;
}

// ---- 医疗救助 / 倾斜救助 (yearly, by scheme)

function assistanceLayer(run: Run, l: AssistanceLayerDef): LayerOut {
  const id = l.id;
  const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  if (!scheme) {
    const who = run.memoText(l, () => run.catLabels(uniqueCats(l.schemes.flatMap((s) => s.categories))));
    return yearlyNotCovered(run, id, () => run.t("explain.notEligible", { layer: run.layerName(id), who }));
  }
  if (!needsCompute(run, id, everyEpisode)) return yearlyIdle(run, id);
  for (const s of scheme.sources) run.cite(s);
  const threshold = run.num(scheme.threshold);
  const ratio = run.num(scheme.ratio);
  const limit = scheme.limit ? run.num(scheme.limit) : null;
  const formula = (cum: Dec) => {
    // Up to the threshold nothing is due (compared first: a comparison costs less than a subtraction).
    const v = gt(cum, threshold) ? sub(cum, threshold).times(ratio) : ZERO;
    return limit === null ? v : min(v, limit);
  };
  const st = yearlyLoop(run, id, policyLeft, formula, everyEpisode);
  if (id === "tilted" && run.eps.some((ep) => !ep.inRegion && ep.referred && !ep.blocked.has(id))) {
    run.assume("tiltedProvince", run.t("assume.tiltedProvince"));
  }
  const paid = add(st.settled, st.computed);
  const out: LayerOut = { paid, origin: st.nComputed ? "computed" : "settled", explanation: "" };
  const nothing = yearlyNothing(run, id, st);
  if (nothing !== null) {
    out.explanation = nothing;
    if (!st.nSettled) out.origin = "computed";
    return out;
  }
  out.base = st.base;
  out.deductible = threshold;
  out.rate = ratio;
  if (limit !== null) out.cap = limit;
  const schemeName = schemeLabel(run, scheme);
  const vars = {
    scheme: schemeName,
    base: formatMoney(st.base),
    threshold: constMoney(threshold),
    ratio: constPercent(ratio),
    paid: formatMoney(paid),
  };
  const keys = ASSISTANCE_KEYS[id];
  let text: string;
  if (lte(st.base, threshold)) text = run.t(keys.below, vars);
  else text = run.t(threshold.isZero() ? keys.paidNoThreshold : keys.paid, vars);
  if (limit !== null && gte(paid, limit) && gt(st.base.minus(threshold).times(ratio), limit)) {
    text += run.t("explain.limitReached", { limit: constMoney(limit) });
  }
  out.explanation = text + yearlyTail(run, id, st);
  return out;
}

const ASSISTANCE_KEYS = {
  assistance: { below: "explain.assistance.below", paid: "explain.assistance.paid", paidNoThreshold: "explain.assistance.paidNoThreshold" },
  tilted: { below: "explain.tilted.below", paid: "explain.tilted.paid", paidNoThreshold: "explain.tilted.paidNoThreshold" },
} as const;

/** A scheme's name: the pack's own wording if it has one, else the common one. */
function schemeLabel(run: Run, scheme: { id: string }): string {
  return run.memoText(scheme, () => {
    const own = `pack.${run.cp.def.id}.scheme.${scheme.id}`;
    return run.t(has(run.locale, own) ? own : `scheme.${scheme.id}`);
  });
}

function uniqueCats(cats: Category[]): Category[] {
  return CATEGORIES.filter((c) => cats.includes(c));
}

// ---- 医疗机构减免 (鹿寨: 乡镇卫生院 50 %)

function waiverLayer(run: Run, l: WaiverLayerDef): LayerOut {
  const id: LayerId = "waiver";
  const eligible = l.categories.some((c) => run.cats.has(c));
  const frags: string[] = new Array(run.eps.length);
  let paid = ZERO;
  let base = ZERO;
  let computed = 0;
  let settledAll = true;
  let share: Dec | undefined;
  for (const ep of run.eps) {
    const start = episodeStart(run, ep, id, eligible, l.categories);
    if (start) {
      if (start.settled) paid = add(paid, start.settled);
      else settledAll = false;
      frags[ep.i] = start.text;
      continue;
    }
    settledAll = false;
    if (!l.facility.includes(ep.facility) || !l.kinds.includes(ep.kind) || (l.inRegionOnly && !ep.inRegion)) {
      pay(ep, id, ZERO);
      frags[ep.i] = run.t("explain.waiver.notApplicable", {
        where: list(run.locale, l.facility.map((f) => run.labels.facility[f])),
        kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])),
      });
      continue;
    }
    share = run.num(l.share);
    const b = ep.left;
    const p = min(toFen(b.times(share)), ep.left);
    pay(ep, id, p);
    paid = add(paid, p);
    base = add(base, b);
    computed++;
    run.computedLayer();
    frags[ep.i] = run.t("explain.waiver.paid", { base: formatMoney(b), rate: formatPercent(share), paid: formatMoney(p) });
  }
  const explanation = !eligible && !isPositive(paid) && run.eps.every((e) => e.settled.waiver === undefined)
    ? run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(l.categories) })
    : combine(run, frags, paid);
  const out: LayerOut = { paid, origin: settledAll ? "settled" : "computed", explanation };
  if (computed) {
    out.base = base;
    out.rate = share;
  }
  return out;
}

// ---- 兜底 (鹿寨: 住院总费用 × 90% − 已报销; 乡镇卫生院 50 % split)

/** Whether a township-style split (waiver then backstop) covers this episode. */
function splitApplies(l: GuaranteeBackstopDef, ep: EpisodeState): boolean {
  return !!l.splitShare && l.splitFacility.includes(ep.facility) && ep.inRegion && ep.settled.waiver === undefined;
}

/**
 * The 90 % guarantee, per 住院 (重病兜底保障一批 五(一)): each discharge gets
 * its own 住院总费用 × 90 % − 已报销总额 (never negative); one stay reimbursed
 * above 90 % never eats another stay's guarantee (contract v2, worked
 * example 4). At a 乡镇卫生院 the personal part left is split instead (五(二)).
 */
function guaranteeBackstop(run: Run, l: GuaranteeBackstopDef): LayerOut {
  const id: LayerId = "backstop";
  const eligible = l.categories.some((c) => run.cats.has(c));
  if (!eligible && run.eps.every((e) => e.settled.backstop === undefined)) {
    for (const ep of run.eps) pay(ep, id, ZERO);
    return {
      paid: ZERO,
      origin: "computed",
      explanation: run.t("explain.notEligible", { layer: run.layerName(id), who: run.catLabels(l.categories) }),
    };
  }
  const frags: string[] = new Array(run.eps.length);
  let paid = ZERO;
  let settledAll = true;
  let guaranteeBase = ZERO;
  let guaranteeRatio: Dec | undefined;
  let nGuarantee = 0;
  let splitBase = ZERO;
  let splitShare: Dec | undefined;
  let nSplit = 0;
  for (const ep of run.eps) {
    const start = episodeStart(run, ep, id, eligible, l.categories);
    if (start) {
      if (start.settled) paid = add(paid, start.settled);
      else settledAll = false;
      frags[ep.i] = start.text;
      continue;
    }
    settledAll = false;
    if (!l.kinds.includes(ep.kind)) {
      pay(ep, id, ZERO);
      frags[ep.i] = run.t("explain.backstop.kindNotCovered", { kind: list(run.locale, l.kinds.map((k) => run.labels.kind[k])) });
    } else if (splitApplies(l, ep)) {
      const share = run.num(l.splitShare!);
      const remainder = add(ep.left, ep.paid.get("waiver") ?? ZERO);
      const p = min(toFen(remainder.times(share)), ep.left);
      pay(ep, id, p);
      run.computedLayer();
      paid = add(paid, p);
      splitBase = add(splitBase, remainder);
      splitShare = share;
      nSplit++;
      frags[ep.i] = run.t("explain.backstop.split", { base: formatMoney(remainder), rate: formatPercent(share), paid: formatMoney(p) });
    } else {
      const ratio = run.num(l.ratio);
      const target = ep.total.times(ratio);
      const reimbursed = sub(ep.total, ep.left);
      const p = min(toFen(nonNegative(sub(target, reimbursed))), ep.left);
      pay(ep, id, p);
      run.computedLayer();
      paid = add(paid, p);
      guaranteeBase = add(guaranteeBase, ep.total);
      guaranteeRatio = ratio;
      nGuarantee++;
      frags[ep.i] = run.t(isPositive(p) ? "explain.backstop.guarantee" : "explain.backstop.guaranteeMet", {
        total: formatMoney(ep.total),
        ratio: formatPercent(ratio),
        target: formatMoney(target),
        reimbursed: formatMoney(reimbursed),
        paid: formatMoney(p),
      });
    }
  }
  const out: LayerOut = { paid, origin: settledAll ? "settled" : "computed", explanation: combine(run, frags, paid) };
  // base and rate only when one rule computed every computed stay (a mix has no single rate).
  if (nGuarantee && !nSplit) {
    out.base = guaranteeBase;
    out.rate = guaranteeRatio;
  } else if (nSplit && !nGuarantee) {
    out.base = splitBase;
    out.rate = splitShare;
  }
  return out;
}

// ---- 兜底 (浙江某区: 年度个人负担超过标准的部分)

function annualExcessBackstop(run: Run, l: AnnualExcessBackstopDef): LayerOut {
  const id: LayerId = "backstop";
  const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  if (!scheme) {
    const who = run.memoText(l, () => run.catLabels(uniqueCats(l.schemes.flatMap((s) => s.categories))));
    return yearlyNotCovered(run, id, () => run.t("explain.notEligible", { layer: run.layerName(id), who }));
  }
  if (!needsCompute(run, id, everyEpisode)) return yearlyIdle(run, id);
  for (const s of scheme.sources) run.cite(s);
  const includeSelfFunded = run.flag(l.includeSelfFunded);
  const standard = scheme.standard ? run.num(scheme.standard) : ZERO;
  const st = yearlyLoop(
    run,
    id,
    (ep) => (includeSelfFunded ? ep.left : ep.policyLeft),
    (cum) => nonNegative(sub(cum, standard)),
    everyEpisode,
  );
  const paid = add(st.settled, st.computed);
  const out: LayerOut = { paid, origin: st.nComputed ? "computed" : "settled", explanation: "" };
  const nothing = yearlyNothing(run, id, st);
  if (nothing !== null) {
    out.explanation = nothing;
    if (!st.nSettled) out.origin = "computed";
    return out;
  }
  run.assume("annualExcess.timing", run.t("assume.annualExcessTiming"));
  // A family standard counts the whole family's costs: said when only one person's bills are given.
  if (scheme.family && !run.household) run.assume("annualExcess.family", run.t("assume.annualExcessFamily"));
  if (!includeSelfFunded) run.assume("annualExcess.base", run.t("assume.annualExcessBase"));
  out.base = st.base;
  if (scheme.standard) out.deductible = standard;
  const vars = {
    scheme: schemeLabel(run, scheme),
    base: formatMoney(st.base),
    standard: formatMoney(standard),
    standardLabel: scheme.standard ? run.t(run.cp.params.get(scheme.standard)!.labelKey) : "",
    paid: formatMoney(paid),
  };
  let text: string;
  if (!scheme.standard) text = run.t("explain.backstop.full", vars);
  else if (lte(st.base, standard)) text = run.t("explain.backstop.belowStandard", vars);
  else text = run.t("explain.backstop.aboveStandard", vars);
  out.explanation = text + yearlyTail(run, id, st);
  return out;
}

// ------------------------------------------------------------ referrals

function buildReferrals(run: Run, personal: Dec): Referral[] {
  const def = run.cp.def;
  const out: Referral[] = [];
  const seen = new Set<string>();
  for (const r of def.referrals) {
    if (seen.has(r.programme) || !referralApplies(run, r, personal)) continue;
    seen.add(r.programme);
    out.push({ programme: r.programme, explanation: referralText(run, r, personal) });
  }
  return out;
}

function referralApplies(run: Run, r: ReferralDef, personal: Dec): boolean {
  const w = r.when;
  if (w.categoriesAny && !w.categoriesAny.some((c) => run.cats.has(c))) return false;
  if (w.categoriesNone && w.categoriesNone.some((c) => run.cats.has(c))) return false;
  if (w.insurance && !w.insurance.includes(run.insurance)) return false;
  if (w.episodeAny && !run.eps.some((ep) => matches(w.episodeAny!, ep, run.insurance))) return false;
  if (w.personalPositive && !isPositive(personal)) return false;
  return true;
}

function referralText(run: Run, r: ReferralDef, personal: Dec): string {
  const meta = run.info.referrals.get(r)!;
  const wanted = meta.slots[run.locale];
  if (wanted.includes("personal")) return renderReferral(run, meta.key, wanted, personal);
  // Texts that only depend on the pack: render once, but still record the assumed values they show.
  const text = run.memoText(r, () => rememberTextJson(renderReferral(run, meta.key, wanted, personal)));
  // Referrals list no sources, so of the parameters shown only an assumed value leaves a trace (its assumption).
  for (const pid of meta.params[run.locale]) if (run.cp.params.get(pid)!.reliability === "ASSUMED") run.param(pid);
  return text;
}

function renderReferral(run: Run, key: string, wanted: string[], personal: Dec): string {
  const vars: Vars = { personal: formatMoney(personal) };
  const tr = run.cp.def.temporaryRelief;
  const val = (pid: string | undefined) => (pid ? (run.num(pid) as Dec) : null);
  if (wanted.some((s) => s === "dibaoMonthly" || s === "maxAmount" || s === "monthsMax" || s === "minAmount" || s === "emergencyMonthsMin")) {
    const monthly = wanted.some((s) => s === "dibaoMonthly" || s === "maxAmount" || s === "minAmount") ? val(tr.dibaoMonthly) : null;
    const months = wanted.some((s) => s === "monthsMax" || s === "maxAmount") ? val(tr.monthsMax) : null;
    const minMonths = wanted.some((s) => s === "emergencyMonthsMin" || s === "minAmount") ? val(tr.emergencyMonthsMin) : null;
    if (monthly) vars.dibaoMonthly = formatMoney(monthly);
    if (months) vars.monthsMax = months.toString();
    if (minMonths) vars.emergencyMonthsMin = minMonths.toString();
    if (monthly && months) vars.maxAmount = formatMoney(monthly.times(months));
    if (monthly && minMonths) vars.minAmount = formatMoney(monthly.times(minMonths));
  }
  for (const slot of wanted) {
    if (vars[slot] === undefined && run.cp.params.has(slot)) vars[slot] = run.describe(run.param(slot));
  }
  return run.t(key, vars);
}

// ------------------------------------------------------------ households (contract v2)

/**
 * A household request: each member's layers are computed as for a person
 * alone, except a family-level layer (a scheme with `family: true`, e.g. 浙江
 * 低保 / 低边 家庭 兜底 on the family's reasonable personal costs together,
 * 001 二(三)), which is computed once over the pooled members' bills. Its
 * yearly loop attributes the amount to the bills on which the family's
 * running total crosses and stays above the standard: all pooled bills in
 * date order when every one has a date, else members then bills in request
 * order. A member whose own categories give an individual scheme (特困, 因病致困)
 * keeps it; a member with none joins the family's pool.
 */
export function computeHouseholdEstimate(req: ParsedHouseholdRequest, cp: CompiledPack): HouseholdOutcome {
  const memberRuns = req.household.members.map((m, k) =>
    prepareRun({ policy: req.policy, serviceDate: req.serviceDate, locale: req.locale, person: m.person, episodes: m.episodes }, cp, `household.members.${k}.`),
  );
  const early = memberRuns.flatMap((run) => run.issues);
  if (early.length) return { ok: false, issues: early };

  const family = familyScheme(cp.def, memberRuns);
  const pooled = family ? memberRuns.filter((run) => joinsFamily(run, family.layer)) : [];
  const skip: ReadonlySet<LayerId> = family ? new Set([family.layer.id]) : NO_SKIP;
  const memberLayers = memberRuns.map((run) => runLayers(run, pooled.includes(run) ? skip : NO_SKIP));
  const late = memberRuns.flatMap((run, k) => run.issues.map((i) => ({ ...i, path: i.path.startsWith("household.") ? i.path : `household.members.${k}.${i.path}` })));
  if (late.length) return { ok: false, issues: late };

  let familyRun: Run | undefined;
  let familyLayer: LayerResult | undefined;
  if (family && pooled.length) {
    familyRun = new Run(
      {
        policy: req.policy,
        serviceDate: req.serviceDate,
        locale: req.locale,
        person: { insurance: pooled[0].insurance, categories: family.categories },
        episodes: [],
      },
      cp,
    );
    familyRun.household = true;
    familyRun.eps = poolOrder(pooled);
    const indexes = familyRun.eps.map((ep) => ep.i);
    familyRun.eps.forEach((ep, k) => (ep.i = k));
    familyRun.layerPosition = family.position;
    familyRun.startLayer(family.layer);
    familyLayer = layerResult(familyRun, family.layer, annualExcessBackstop(familyRun, family.layer));
    familyLayer.explanation = familyRun.t("explain.household.family", { count: pooled.length }) + familyLayer.explanation;
    familyRun.eps.forEach((ep, k) => (ep.i = indexes[k]));
    familyRun.layerPosition = NO_LAYER;
    // Each pooled member's share of the family layer, in its place among the member's layers.
    for (const run of pooled) {
      const k = memberRuns.indexOf(run);
      const share = run.eps.reduce((sum, ep) => add(sum, ep.paid.get(family.layer.id) ?? ZERO), ZERO);
      const own: LayerResult = {
        id: family.layer.id,
        name: run.layerName(family.layer.id),
        paid: fenString(share),
        origin: "computed",
        explanation: run.t("explain.household.share", { paid: formatMoney(share) }),
        sources: familyLayer.sources,
      };
      memberLayers[k].layers.splice(family.position, 0, own);
      memberLayers[k].reimbursed = add(memberLayers[k].reimbursed, share);
    }
  }

  const memberTotals = memberRuns.map((run, k) => sumUp(run.eps, memberLayers[k].reimbursed));
  const members: HouseholdMemberResult[] = memberRuns.map((run, k) => {
    const { layers } = memberLayers[k];
    const t = memberTotals[k];
    return {
      index: k,
      total: t.total,
      layers,
      reimbursed: t.reimbursed,
      personal: t.personal,
      personalRatio: t.personalRatio,
      episodes: buildEpisodeBreakdown(run, layers, t),
      excluded: buildExcluded(run),
    };
  });

  const first = memberRuns[0];
  const allEps = memberRuns.flatMap((run) => run.eps);
  let reimbursed = ZERO;
  const layers: LayerResult[] = first.info.layerIds.map((id) => {
    let paid = ZERO;
    let settledAll = true;
    const details: string[] = [];
    members.forEach((m, k) => {
      const l = m.layers.find((x) => x.id === id)!;
      paid = add(paid, parseMoney(l.paid));
      if (l.origin !== "settled") settledAll = false;
      details.push(first.t("explain.household.memberItem", { n: k + 1, paid: formatMoney(parseMoney(l.paid)) }));
    });
    reimbursed = add(reimbursed, paid);
    const sources = members[0].layers.find((x) => x.id === id)!.sources;
    const text = first.t("explain.household.layer", { paid: formatMoney(paid), details: list(first.locale, details) });
    if (family && familyLayer && id === family.layer.id) {
      return { ...familyLayer, paid: fenString(paid), explanation: familyLayer.explanation + (pooled.length < members.length ? text : "") };
    }
    return { id, name: first.layerName(id), paid: fenString(paid), origin: settledAll ? "settled" : "computed", explanation: text, sources } as LayerResult;
  });
  const totals = sumUp(allEps, reimbursed);

  const referrals: Referral[] = [];
  memberRuns.forEach((run, k) => {
    for (const r of buildReferrals(run, memberTotals[k].personalAmount)) {
      if (!referrals.some((x) => x.programme === r.programme)) referrals.push(r);
    }
  });

  const assumptions = new Map<string, Assumption>();
  for (const run of familyRun ? [...memberRuns, familyRun] : memberRuns) {
    for (const a of buildAssumptions(run)) {
      const known = assumptions.get(a.id);
      if (!known) assumptions.set(a.id, { ...a, affects: [...a.affects] });
      else for (const id of a.affects) if (!known.affects.includes(id)) known.affects.push(id);
    }
  }
  for (const a of assumptions.values()) a.affects.sort((x, y) => first.info.layerIndex.get(x)! - first.info.layerIndex.get(y)!);

  const result: HouseholdResult = {
    policy: policyHeader(first),
    currency: "CNY",
    total: totals.total,
    layers,
    reimbursed: totals.reimbursed,
    personal: totals.personal,
    personalRatio: totals.personalRatio,
    episodes: members.flatMap((m) => m.episodes.map((e) => ({ member: m.index, ...e }))),
    members,
    excluded: members.flatMap((m) => m.excluded.map((x) => ({ member: m.index, ...x }))),
    assumptions: [...assumptions.values()],
    referrals,
  };
  return { ok: true, result };
}

export type HouseholdOutcome = { ok: true; result: HouseholdResult } | { ok: false; issues: ErrorIssue[] };

interface FamilyScheme {
  layer: AnnualExcessBackstopDef;
  position: number;
  /** The family scheme's categories some member holds. */
  categories: Category[];
}

/** The first family-level scheme (pack order) some member's categories give, with its layer. */
function familyScheme(def: PackDef, runs: Run[]): FamilyScheme | null {
  for (let position = 0; position < def.layers.length; position++) {
    const l = def.layers[position];
    if (l.rule !== "annual-excess") continue;
    for (const s of l.schemes) {
      if (!s.family) continue;
      const categories = s.categories.filter((c) => runs.some((run) => run.cats.has(c)));
      if (categories.length) return { layer: l, position, categories };
    }
  }
  return null;
}

/** A member joins the family's pool unless their own categories give them an individual scheme. */
function joinsFamily(run: Run, l: AnnualExcessBackstopDef): boolean {
  const own = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
  return !own || own.family;
}

/** The pooled bills in date order when every one has a date, else members then bills in request order. */
function poolOrder(pooled: Run[]): EpisodeState[] {
  const eps = pooled.flatMap((run) => run.eps.map((ep) => ({ ep, date: run.req.episodes[ep.i].date })));
  if (eps.every((x) => x.date !== undefined)) eps.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  return eps.map((x) => x.ep);
}
