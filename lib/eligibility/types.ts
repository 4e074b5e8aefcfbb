import type { Locale, Reliability } from "@/lib/policy/types";

/** Programme ids (issue 5), in the order the results list them. */
export const PROGRAMME_IDS = [
  "resident-insurance-subsidy",
  "basic-insurance",
  "critical-illness-insurance",
  "medical-assistance",
  "tilted-assistance",
  "backstop",
  "one-time-medical-poverty",
  "temporary-relief",
  "dibao-inclusion",
  "education-aid",
  "union-aid",
  "charity",
  "emergency-fund",
  "pay-after-treatment",
] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

export const WHO = ["pupil", "young-child", "adult"] as const;
export type Who = (typeof WHO)[number];

/**
 * Household certifications the screener asks about, with the calculation module's category ids;
 * "poverty-registered" only exists in historic packs; "medical-poverty" is a household 民政 has already
 * recognised as 因病致贫重病患者 / 因病致困对象.
 */
export const CERTIFICATIONS = ["tekun", "orphan", "dibao", "dibao-edge", "at-risk", "poverty-registered", "medical-poverty"] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

export const STATUSES = ["eligible", "maybe", "not-eligible"] as const;
export type Status = (typeof STATUSES)[number];

export const OFFICES = ["medical-insurance", "civil-affairs", "hospital", "school", "union", "charity", "tax"] as const;
export type Office = (typeof OFFICES)[number];

export interface Answers {
  policy: string;
  who: Who;
  age?: number;
  insurance: "resident" | "employee" | "none";
  /** Premium paid for the current year (enrolled this year). */
  enrolled: boolean;
  /** Empty when the household has none. */
  certifications: Certification[];
  /** Medical costs are already high relative to the household's income. */
  highCosts: boolean;
  /** A working parent (or the patient) is a member of a 工会. */
  union: boolean;
  /** Care is urgent (emergency, or the family cannot pay for care now). */
  urgent: boolean;
}

export interface EligibilitySource {
  document: string;
  /** Title of the document in the requested script, when the pack knows it. */
  title?: string;
  clause: string;
  quote?: string;
  reliability: Reliability;
}

export interface ProgrammeResult {
  id: ProgrammeId;
  name: string;
  status: Status;
  /** True when the answer depends on 民政 recognising the household (认定), not on a certificate it already holds. */
  needsRecognition: boolean;
  reasons: string[];
  nextSteps: string[];
  documents: string[];
  office: string;
  sources: EligibilitySource[];
}

export interface EligibilityResult {
  policy: { id: string; title: string };
  locale: Locale;
  programmes: ProgrammeResult[];
  /**
   * For an uninsured household: enrol first (资助参保 where the household qualifies), since 基本医保, 大病保险 and
   * 兜底 pay nothing for care before cover starts. Null when the household is insured.
   */
  enrolFirst: { reasons: string[]; steps: string[] } | null;
  /** The calculation module's categories implied by the answers (to prefill an estimate). */
  estimateCategories: string[];
}
