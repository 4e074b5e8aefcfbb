export { evaluateEligibility, estimateCategories } from "@/lib/eligibility/evaluate";
export { parseEligibilityRequest, eligibilityRequestSchema, type EligibilityRequest, type EligibilityIssue } from "@/lib/eligibility/schema";
export { rulesFor, rulePacks, rulesSchema } from "@/lib/eligibility/rules";
export * from "@/lib/eligibility/types";

import { apiErrorBody, apiMessage } from "@/lib/http/api-error";
import { evaluateEligibility } from "@/lib/eligibility/evaluate";
import { parseEligibilityRequest } from "@/lib/eligibility/schema";

/** The one function the HTTP door and the pages call: validate, then evaluate. Errors have the API's one body. */
export function checkEligibility(input: unknown) {
  const parsed = parseEligibilityRequest(input);
  if (!parsed.ok) {
    const message = apiMessage("invalid-request", parsed.locale, { count: parsed.issues.length });
    return { status: 400 as const, body: apiErrorBody("invalid-request", message, parsed.issues) };
  }
  return { status: 200 as const, body: evaluateEligibility(parsed.answers, parsed.locale) };
}
