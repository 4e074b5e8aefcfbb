import { knowsPovertyRegistered } from "@/lib/eligibility/coverage";
import { rulesFor } from "@/lib/eligibility/rules";
import { CERTIFICATIONS, WHO, type Answers, type Certification } from "@/lib/eligibility/types";

/**
 * The one-question-per-page screener. Answers travel in the query string (so back, reload and sharing all keep
 * them; nothing is stored). Pure: the pages only render and redirect.
 */
export const STEPS = ["place", "who", "age", "insurance", "enrolled", "certs", "costs", "union", "urgent"] as const;
export type Step = (typeof STEPS)[number];

export type Query = Record<string, string | string[] | undefined>;

export interface ScreenerState {
  policy?: string;
  who?: string;
  age?: string;
  insurance?: string;
  enrolled?: string;
  cert: string[];
  costs?: string;
  union?: string;
  urgent?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 64);
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean).slice(0, 10);

export function readState(q: Query): ScreenerState {
  return {
    policy: one(q.policy),
    who: one(q.who),
    age: one(q.age),
    insurance: one(q.insurance),
    enrolled: one(q.enrolled),
    cert: many(q.cert),
    costs: one(q.costs),
    union: one(q.union),
    urgent: one(q.urgent),
  };
}

export function stateQuery(s: ScreenerState, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const key of ["policy", "who", "age", "insurance", "enrolled"] as const) if (s[key] !== undefined) q.set(key, s[key]!);
  s.cert.forEach((c) => q.append("cert", c));
  for (const key of ["costs", "union", "urgent"] as const) if (s[key] !== undefined) q.set(key, s[key]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** Steps that apply: "enrolled" is skipped when the person has no insurance. */
export function activeSteps(s: ScreenerState): Step[] {
  return STEPS.filter((step) => !(step === "enrolled" && s.insurance === "none"));
}

export function isHistoric(policy: string | undefined): boolean {
  return !!policy && !!rulesFor(policy) && knowsPovertyRegistered(policy);
}

export function certOptions(policy: string | undefined): (Certification | "none")[] {
  const list = CERTIFICATIONS.filter((c) => c !== "poverty-registered" || isHistoric(policy));
  return [...list, "none"];
}

/** Error code for a step's answer, or null when it is fine. */
export function checkStep(step: Step, s: ScreenerState): "required" | "age" | "noneAndOthers" | null {
  const yesNo = (v?: string) => v === "yes" || v === "no";
  switch (step) {
    case "place":
      return s.policy && rulesFor(s.policy) ? null : "required";
    case "who":
      return s.who && (WHO as readonly string[]).includes(s.who) ? null : "required";
    case "age":
      return s.age === undefined || s.age === "" || (/^\d{1,3}$/.test(s.age) && Number(s.age) <= 120) ? null : "age";
    case "insurance":
      return ["resident", "employee", "none"].includes(s.insurance ?? "") ? null : "required";
    case "enrolled":
      return yesNo(s.enrolled) ? null : "required";
    case "certs": {
      const allowed = certOptions(s.policy) as string[];
      if (!s.cert.length || s.cert.some((c) => !allowed.includes(c))) return "required";
      return s.cert.includes("none") && s.cert.length > 1 ? "noneAndOthers" : null;
    }
    case "costs":
      return yesNo(s.costs) ? null : "required";
    case "union":
      return yesNo(s.union) ? null : "required";
    case "urgent":
      return yesNo(s.urgent) ? null : "required";
  }
}

/** The first step still unanswered (or wrongly answered), or null when the screener is complete. */
export function firstIncomplete(s: ScreenerState): Step | null {
  for (const step of activeSteps(s)) {
    if (step === "age") {
      if (s.age === undefined || checkStep("age", s)) return "age";
      continue;
    }
    if (checkStep(step, s)) return step;
  }
  return null;
}

export function nextStep(step: Step, s: ScreenerState): Step | null {
  const steps = activeSteps(s);
  const i = steps.indexOf(step);
  return i >= 0 && i < steps.length - 1 ? steps[i + 1] : null;
}

export function previousStep(step: Step, s: ScreenerState): Step | null {
  const steps = activeSteps(s);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : null;
}

/** Complete answers for the evaluator; call only when firstIncomplete is null. */
export function toAnswers(s: ScreenerState): Answers {
  return {
    policy: s.policy!,
    who: s.who as Answers["who"],
    ...(s.age ? { age: Number(s.age) } : {}),
    insurance: s.insurance as Answers["insurance"],
    enrolled: s.insurance !== "none" && s.enrolled === "yes",
    certifications: s.cert.filter((c) => c !== "none") as Certification[],
    highCosts: s.costs === "yes",
    union: s.union === "yes",
    urgent: s.urgent === "yes",
  };
}
