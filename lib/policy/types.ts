/**
 * Public types of the calculation module (see ../shared/CALC-CONTRACT.md, v2).
 * Money is always a decimal string with two decimals in results; requests may
 * give up to two decimals.
 */

export const LOCALES = ["zh-Hans", "zh-Hant"] as const;
export type Locale = (typeof LOCALES)[number];

export const INSURANCES = ["resident", "employee", "none"] as const;
export type Insurance = (typeof INSURANCES)[number];

export const CATEGORIES = [
  "tekun",
  "orphan",
  "dibao",
  "dibao-edge",
  "at-risk",
  "poverty-registered",
  "medical-poverty",
  "low-income",
  "student",
  "child",
  "disabled",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const EPISODE_KINDS = ["inpatient", "outpatient-chronic", "outpatient"] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

export const FACILITIES = ["township", "county", "city", "provincial"] as const;
export type Facility = (typeof FACILITIES)[number];

export const CAUSES = [
  "illness",
  "traffic-accident",
  "medical-accident",
  "self-harm",
  "crime",
  "cosmetic",
  "abroad",
  "other-injury",
] as const;
export type Cause = (typeof CAUSES)[number];

/** Layer vocabulary, in the order the contract applies them. */
export const LAYER_IDS = ["basic", "critical", "assistance", "tilted", "waiver", "backstop", "charity"] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const RELIABILITIES = ["SEED", "A", "B", "C", "RECALLED", "INFERRED", "ASSUMED"] as const;
export type Reliability = (typeof RELIABILITIES)[number];

/** Reason codes used in `excluded`. */
export const EXCLUSION_REASONS = [
  "outpatient",
  "traffic-accident",
  "medical-accident",
  "self-harm",
  "crime",
  "cosmetic",
  "abroad",
  "other-injury",
  "non-designated",
  "non-designated-emergency",
  "out-of-region-unreferred",
  "uninsured",
  "not-resident-insurance",
  "before-certification",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const PROGRAMMES = [
  "temporary-relief",
  "education-aid",
  "union-aid",
  "charity",
  "emergency-fund",
  "resident-insurance-subsidy",
  "one-time-medical-poverty",
  "pay-after-treatment",
  "dibao-application",
  "dibao-top-up",
  "special-relief",
  "hospital-waiver",
  "supplementary-insurance",
  "accident-insurance",
  "assistance-recognition",
] as const;
export type Programme = (typeof PROGRAMMES)[number];

// ---------------------------------------------------------------- request

export interface EpisodeRequest {
  kind: EpisodeKind;
  facility: Facility;
  inRegion?: boolean;
  referred?: boolean;
  designated?: boolean;
  emergency?: boolean;
  cause?: Cause;
  total: string;
  selfFunded?: string;
  settled?: Partial<Record<LayerId, string>>;
  /** Admission or settlement date (v2); dates must not decrease along the list. */
  date?: string;
}

export interface EstimateRequest {
  policy: string;
  serviceDate: string;
  locale?: Locale;
  person: {
    insurance: Insurance;
    categories?: Category[];
    age?: number;
    /** The date each certification began (v2), e.g. { dibao: "2024-03-15" }. */
    certifiedOn?: Partial<Record<Category, string>>;
  };
  episodes: EpisodeRequest[];
}

// ---------------------------------------------------------------- result

export interface SourceRef {
  document: string;
  clause: string;
  quote?: string;
  url?: string;
  reliability: Reliability;
}

export interface LayerResult {
  id: LayerId;
  name: string;
  paid: string;
  origin: "settled" | "computed";
  base?: string;
  deductible?: string;
  rate?: string;
  cap?: string;
  explanation: string;
  sources: SourceRef[];
}

export interface ExcludedItem {
  episode: number;
  reason: ExclusionReason;
  explanation: string;
  sources: SourceRef[];
}

export interface Referral {
  programme: Programme;
  explanation: string;
}

export interface EstimateResult {
  policy: { id: string; version: string; title: string };
  currency: "CNY";
  total: string;
  layers: LayerResult[];
  reimbursed: string;
  personal: string;
  personalRatio: string;
  /** One entry per request episode, in request order (contract v2). */
  episodes: EpisodeBreakdown[];
  excluded: ExcludedItem[];
  assumptions: Assumption[];
  referrals: Referral[];
}

/** What one bill cost and who paid it: each layer's paid is the sum of its episodes' amounts. */
export interface EpisodeBreakdown {
  index: number;
  total: string;
  paid: Partial<Record<LayerId, string>>;
  personal: string;
  /** The first reason an exclusion left this episode out of a layer; null when none did. */
  excluded: ExclusionReason | null;
}

/** One member of a household result (contract v2): their layers (with their share of family-level ones) and bills. */
export interface HouseholdMemberResult {
  index: number;
  total: string;
  layers: LayerResult[];
  reimbursed: string;
  personal: string;
  personalRatio: string;
  episodes: EpisodeBreakdown[];
  excluded: ExcludedItem[];
}

/** The result of a household request: the family's totals, every bill (with its member), and each member. */
export interface HouseholdResult extends Omit<EstimateResult, "episodes" | "excluded"> {
  episodes: (EpisodeBreakdown & { member: number })[];
  members: HouseholdMemberResult[];
  excluded: (ExcludedItem & { member: number })[];
}

/** What the engine assumed; `affects` lists the layers whose paid depends on it ([] when none). */
export interface Assumption {
  id: string;
  text: string;
  affects: LayerId[];
}

export type ErrorCode = "invalid-request" | "unknown-policy" | "no-version-in-force";

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface EstimateError {
  error: {
    code: ErrorCode;
    message: string;
    issues: ErrorIssue[];
  };
}

export type EstimateResponse =
  | { status: 200; body: EstimateResult | HouseholdResult }
  | { status: 400; body: EstimateError };

// ---------------------------------------------------------------- policy listing

export type Bilingual = Record<Locale, string>;

export interface DocumentInfo {
  id: string;
  title: Bilingual;
  file?: string;
  number?: string;
  url?: string;
  year?: number;
  reliability: Reliability;
}

export interface PolicySummary {
  id: string;
  title: Bilingual;
  region: Bilingual;
  versions: { id: string; from: string; to: string | null }[];
  layers: LayerId[];
  documents: DocumentInfo[];
}

export interface ParameterView {
  id: string;
  label: Bilingual;
  unit: string;
  /** The value in force on the requested date: a decimal string, a table by facility level, or bands. */
  value: unknown;
  reliability: Reliability;
  source: Record<Locale, SourceRef>;
}

/** A single value in force, with its unit and reliability (for timings and standards). */
export interface ValueView {
  value: string;
  unit: string;
  reliability: Reliability;
  parameter: string;
}

export interface PolicyView extends PolicySummary {
  version: { id: string; from: string; to: string | null };
  date: string;
  parameters: ParameterView[];
  /** 临时救助 sizing in months of the local 低保 standard; null where no value is known. */
  temporaryRelief: {
    dibaoMonthly: ValueView | null;
    monthsMax: ValueView | null;
    emergencyMonthsMin: ValueView | null;
  };
  /** Procedure timings (受理, 公示, review, approval, payment, overall, default due periods); null where unknown. */
  procedure: {
    acceptance: ValueView | null;
    publicity: ValueView | null;
    review: ValueView | null;
    approval: ValueView | null;
    payment: ValueView | null;
    total: ValueView | null;
    /** Default 补正 period and default period for documents owed after 先行救助 (staff may change the date). */
    correctionDue: ValueView | null;
    emergencyDocumentsDue: ValueView | null;
  };
}
