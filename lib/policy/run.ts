import { type Dec, gt, parseMoney, sub, ZERO } from "./money";
import { t, type Vars } from "./messages";
import type { ConditionDef, LayerDef } from "./pack-schema";
import { type Bands, type CompiledPack, isLevels, type ResolvedParam } from "./registry";
import type { PackTables, PackWording } from "./pack-tables";
import { categoryList, describeValue, LABELS, type Labels } from "./explain/values";
import type { ParsedEpisode, ParsedRequest } from "./request-schema";
import { LAYER_IDS, type Category, type Cause, type EpisodeKind, type ErrorIssue, type EstimateResult, type ExclusionReason, type Facility, type Insurance, type LayerId, type Locale, type Reliability, type SourceRef } from "./types";

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
  /** Layers an exclusion leaves out for this episode, with the reason. */
  blocked: Partial<Record<LayerId, ExclusionReason>>;
  /** What each layer computed so far paid on this episode. */
  paid: Partial<Record<LayerId, Dec>>;
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

/**
 * One estimate's working state: the request's episodes as the layers move
 * them on, what was assumed, cited and excluded, and the pack's parameters
 * read through it (so each read cites its source and, for an assumed value,
 * states the assumption). The pack's derived tables (pack.tables, pack.period)
 * are read, never written.
 */
export class Run {
  readonly locale: Locale;
  readonly cats: Set<Category>;
  readonly insurance: Insurance;
  /** The request's bills as the layers move them on, in request order. */
  episodes: EpisodeState[];
  /** Computing a household-level layer over several members' bills (computeHouseholdEstimate). */
  household = false;
  readonly tables: PackTables;
  /** The pack's fixed texts in this locale. */
  readonly wording: PackWording;
  readonly labels: Labels;
  /** What the engine assumed, in the order first assumed. */
  readonly assumptions: Assumed[] = [];
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

  constructor(
    readonly req: ParsedRequest,
    readonly pack: CompiledPack,
  ) {
    this.locale = req.locale ?? "zh-Hans";
    this.cats = new Set(req.person.categories ?? []);
    this.insurance = req.person.insurance;
    this.episodes = req.episodes.map((e, i) => toEpisodeState(e, i));
    this.tables = pack.tables;
    this.wording = pack.tables.wording[this.locale];
    this.labels = LABELS[this.locale];
  }

  /**
   * A layer the slip does not give, on a stay whose slip gives a later layer:
   * it is computed for that stay alone (as if first this year), so that other
   * stays cannot move an amount the slip has already fixed further down.
   */
  pinned(ep: EpisodeState, id: LayerId): boolean {
    // lastSettled is -1 when the slip gives no layer, and no layer comes before position 0.
    return ep.lastSettled > 0 && ep.settled[id] === undefined && this.tables.layerIndex.get(id)! < ep.lastSettled;
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
    // A search of the list, not a Map: an estimate states a dozen or so, and a fresh Map per estimate costs more.
    const assumptions = this.assumptions;
    for (let i = 0; i < assumptions.length; i++) {
      const known = assumptions[i];
      if (known.id === key) {
        if (from < known.from) known.from = from;
        return;
      }
    }
    assumptions.push({ id: key, text, from });
  }

  /** Record that the layer being computed computed an amount itself (so assumptions before it move it). */
  computedLayer(): void {
    this.computedLayers |= 1 << this.layerPosition;
  }

  // ---- sources

  /** Start a layer: its own sources first, the same way every time (listed once per pack and locale). */
  startLayer(l: LayerDef): void {
    const citation = this.wording.layerCitations.get(l)!;
    this.layerSourceIds = citation.ids.slice();
    this.layerSources = citation.refs.slice();
  }

  /** Cite a source for the current layer, with the source's own reliability. */
  cite(sid: string): void {
    if (this.layerSourceIds.includes(sid)) return;
    this.layerSourceIds.push(sid);
    this.layerSources.push(this.sourceRef(sid, this.pack.def.sources[sid].reliability));
  }

  /** The current layer's sources; later citations (e.g. by referrals) go to a fresh list. */
  takeSources(): SourceRef[] {
    const out = this.layerSources;
    this.layerSources = [];
    this.layerSourceIds = [];
    return out;
  }

  sourceRef(sid: string, reliability: Reliability): SourceRef {
    return this.wording.sourceRefs.get(sid)!.get(reliability)!;
  }

  // ---- parameters, with their sources and assumptions recorded as read

  /** Cite a parameter's source for the current layer (with the parameter's reliability). */
  private citeParam(p: ResolvedParam): void {
    if (this.layerSourceIds.includes(p.sourceId)) return;
    this.layerSourceIds.push(p.sourceId);
    this.layerSources.push(p.wording[this.locale].ref);
  }

  param(id: string): ResolvedParam {
    const p = this.pack.params.get(id)!;
    this.citeParam(p);
    if (p.reliability === "ASSUMED") this.assume(id, p.wording[this.locale].assumed!);
    return p;
  }

  /** A scalar parameter. */
  num(id: string): Dec {
    return this.param(id).value as Dec;
  }

  /** A parameter that may be a table by facility level; an assumed table value is stated for the level read. */
  byLevel(id: string, f: Facility): Dec {
    const p = this.pack.params.get(id)!;
    if (!isLevels(p.value)) return this.num(id);
    this.citeParam(p);
    if (p.reliability === "ASSUMED") this.assume(p.levelKeys![f], p.wording[this.locale].assumedAtLevel![f]);
    return p.value[f];
  }

  bands(id: string): Bands {
    return this.param(id).value as Bands;
  }

  flag(id: string): boolean {
    return this.param(id).value as boolean;
  }

  // ---- words

  describe(p: ResolvedParam): string {
    return describeValue(this.locale, p.unit, p.value);
  }

  catLabels(cats: readonly Category[]): string {
    return categoryList(this.locale, cats);
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

export function toEpisodeState(e: ParsedEpisode, i: number): EpisodeState {
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
    blocked: {},
    paid: {},
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
