import { z } from "zod";
import { flattenIssues } from "@/lib/validation/issues";
import { requestLocale } from "@/lib/policy/request-locale";
import { knowsPovertyRegistered } from "@/lib/eligibility/coverage";
import { LOCALES, type Locale } from "@/lib/policy/types";
import { text } from "@/lib/eligibility/messages";
import { rulesFor, rulePacks } from "@/lib/eligibility/rules";
import { CERTIFICATIONS, WHO, type Answers } from "@/lib/eligibility/types";

/** The request of POST /api/v1/eligibility; unknown fields are rejected. */
export const eligibilityRequestSchema = z.strictObject({
  policy: z.string().min(1).max(64),
  locale: z.enum(LOCALES).optional(),
  who: z.enum(WHO),
  age: z.number().int().min(0).max(120).optional(),
  insurance: z.enum(["resident", "employee", "none"]),
  enrolled: z.boolean(),
  certifications: z.array(z.enum(CERTIFICATIONS)).max(CERTIFICATIONS.length),
  highCosts: z.boolean(),
  union: z.boolean(),
  urgent: z.boolean(),
});
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

export interface EligibilityIssue {
  path: string;
  message: string;
}

export type ParseOutcome = { ok: true; answers: Answers; locale: Locale } | { ok: false; locale: Locale; issues: EligibilityIssue[] };

/** Validates a request body; every issue comes back with a translated message naming the field. */
export function parseEligibilityRequest(input: unknown): ParseOutcome {
  const locale = requestLocale(input);
  const parsed = eligibilityRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issues = flattenIssues(parsed.error.issues).map(({ path, field, code }): EligibilityIssue =>
      code === "unknown-field"
        ? { path, message: text(locale, "error.unknownField", { field: path.split(".").at(-1) ?? "" }) }
        : { path, message: text(locale, "error.invalid", { field: field === "_form" ? "" : field, hint: hintFor(locale, field) }) },
    );
    return { ok: false, locale, issues };
  }
  const req = parsed.data;
  const rules = rulesFor(req.policy);
  if (!rules)
    return { ok: false, locale, issues: [{ path: "policy", message: text(locale, "error.unknownPolicy", { id: req.policy.slice(0, 40), ids: rulePacks().join("、") }) }] };
  if (req.certifications.includes("poverty-registered") && !knowsPovertyRegistered(req.policy))
    return { ok: false, locale, issues: [{ path: "certifications", message: text(locale, "error.historicOnly") }] };
  const { locale: _l, ...rest } = req;
  void _l;
  return { ok: true, locale, answers: { ...rest, certifications: [...new Set(rest.certifications)] } };
}

function hintFor(locale: Locale, field: string): string {
  const known = ["policy", "who", "age", "insurance", "enrolled", "certifications", "highCosts", "union", "urgent", "locale"];
  return known.includes(field) ? text(locale, `error.hint.${field}`) : "";
}
