export { evaluateEligibility, estimateCategories } from "./evaluate";
export { parseEligibilityRequest, eligibilityRequestSchema, type EligibilityRequest, type EligibilityIssue } from "./schema";
export { rulesFor, rulePacks, rulesSchema } from "./rules";
export * from "./types";

import { evaluateEligibility } from "./evaluate";
import { parseEligibilityRequest } from "./schema";

/** The one function the HTTP door and the pages call: validate, then evaluate. */
export function checkEligibility(input: unknown) {
  const parsed = parseEligibilityRequest(input);
  if (!parsed.ok) return { status: 400 as const, body: { error: { code: "invalid-request" as const, issues: parsed.issues } } };
  return { status: 200 as const, body: evaluateEligibility(parsed.answers, parsed.locale) };
}
