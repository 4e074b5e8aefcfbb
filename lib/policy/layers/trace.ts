import type { Dec } from "../money";
import type { AnnualExcessBackstopDef, AssistanceLayerDef, CriticalLayerDef, GuaranteeBackstopDef, WaiverLayerDef } from "../pack-schema";
import type { SchemeDef } from "../pack-tables";
import type { Category, ExclusionReason, LayerId } from "../types";

/**
 * What a layer returns: numbers, and a small trace of how it got them. The
 * layer files do the arithmetic; explain/ turns a trace into the sentence a
 * family reads (explainLayer), so the two can be read and changed apart.
 */
export interface LayerOutcome {
  paid: Dec;
  origin: "settled" | "computed";
  base?: Dec;
  deductible?: Dec;
  rate?: Dec;
  cap?: Dec;
  trace: LayerTrace;
}

export type LayerTrace = BasicTrace | CriticalTrace | AssistanceTrace | WaiverTrace | GuaranteeTrace | AnnualExcessTrace;

// ---- per-episode layers: one step per episode, in request order

/** How an episode started in a per-episode layer before any formula: the slip's amount, not covered, or left out. */
export type StartStep =
  | { step: "settled"; paid: Dec }
  | { step: "not-eligible"; covered: readonly Category[] }
  | { step: "blocked"; reason: ExclusionReason };

export interface BasicTrace {
  rule: "basic-insurance";
  steps: (Extract<StartStep, { step: "settled" | "blocked" }> | BasicComputed)[];
}

export interface BasicComputed {
  step: "computed";
  /** The in-policy amount left on the episode. */
  base: Dec;
  /** The deductible in force for this episode (after a tilt), and the part of it this episode bore. */
  deductible: Dec;
  applied: Dec;
  rate: Dec;
  /** The rate was moved by points here (a tilt, out of region) rather than read as it is. */
  rateMoved: boolean;
  /** (base − applied) × rate, rounded; what was paid; the cap of the episode's group. */
  due: Dec;
  paid: Dec;
  cap: Dec;
  /** Nothing above the deductible. */
  belowDeductible: boolean;
  /** Paid less than due: the yearly cap, or what was left on the episode. */
  capped: boolean;
  adjustments: BasicAdjustment[];
}

export type BasicAdjustment =
  | { kind: "tilt-deductible"; categories: Category[]; factor: Dec }
  | { kind: "yearly-deductible"; deductible: Dec }
  | { kind: "tilt-rate"; categories: Category[]; points: Dec }
  | { kind: "out-of-region"; referred: boolean; points: Dec };

export interface WaiverTrace {
  rule: "facility-split";
  layer: WaiverLayerDef;
  /** The person is in none of the layer's categories and no slip gives it: one sentence for the layer. */
  notEligible: boolean;
  steps: (StartStep | { step: "not-applicable" } | { step: "computed"; base: Dec; share: Dec; paid: Dec })[];
}

export interface GuaranteeTrace {
  rule: "guarantee-ratio";
  layer: GuaranteeBackstopDef;
  /** The person is in none of the layer's categories and no slip gives it: one sentence for the layer. */
  notEligible: boolean;
  steps: (
    | StartStep
    | { step: "kind-not-covered" }
    | { step: "split"; base: Dec; share: Dec; paid: Dec }
    /** met: what was reimbursed already reaches the target, nothing to add. */
    | { step: "guarantee"; total: Dec; ratio: Dec; target: Dec; reimbursed: Dec; paid: Dec; met: boolean }
  )[];
}

// ---- yearly layers: one formula over the year's cumulative base

export interface YearlyState {
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

/**
 * How a yearly layer went: not covering the person (only slips' amounts
 * count), nothing left to compute, or computed.
 */
export type YearlyStatus = "not-covered" | "idle" | "computed";

export interface BandPiece {
  amount: Dec;
  rate: Dec;
}

export interface CriticalTrace {
  rule: "critical-illness";
  status: YearlyStatus;
  year: YearlyState;
  /** Not covered because the pack does not model 职工 大额医疗补助. */
  employee?: boolean;
  threshold?: Dec;
  cap?: Dec | null;
  /** The year's base split into bands (when above the threshold), and their sum before the cap. */
  pieces?: BandPiece[];
  due?: Dec;
  /** The tilt applied: the person's categories it names and what it changes, in words ("" when nothing). */
  tilt?: { categories: Category[]; items: string };
  layer: CriticalLayerDef;
}

export interface AssistanceTrace {
  rule: "medical-assistance" | "tilted-assistance";
  id: LayerId;
  status: YearlyStatus;
  year: YearlyState;
  layer: AssistanceLayerDef;
  scheme?: SchemeDef;
  threshold?: Dec;
  ratio?: Dec;
  limit?: Dec | null;
  /** The yearly limit cut what the ratio gives. */
  limitReached?: boolean;
}

export interface AnnualExcessTrace {
  rule: "annual-excess";
  status: YearlyStatus;
  year: YearlyState;
  layer: AnnualExcessBackstopDef;
  scheme?: AnnualExcessBackstopDef["schemes"][number];
  standard?: Dec;
  /** The scheme has a standard and the year's base does not pass it. */
  belowStandard?: boolean;
}
