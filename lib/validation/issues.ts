import type { z } from "zod";

/**
 * The one way a zod failure becomes per-field errors. Schemas put a short code in each issue's
 * message ("required", "id-number-check-digit"); callers translate codes in the reader's script
 * (forms through lib/actions, the API through their own texts). A message that is not a code (zod's
 * own English, which has spaces) becomes "invalid".
 */

export type Issue = z.core.$ZodIssue;

/** One entry per problem: where (dotted path and top-level field) and its code. Unknown keys give one entry each. */
export type FlatIssue = { path: string; field: string; code: string; issue: Issue };

const CODE = /^[a-z0-9-]+$/;

export function issueCode(issue: Issue): string {
  return issue.message && CODE.test(issue.message) ? issue.message : "invalid";
}

export function flattenIssues(issues: readonly Issue[]): FlatIssue[] {
  return issues.flatMap((issue): FlatIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const path = [...issue.path, key].map(String);
        return { path: path.join("."), field: path[0], code: "unknown-field", issue };
      });
    }
    const path = issue.path.map(String);
    return [{ path: path.join("."), field: path[0] ?? "_form", code: issueCode(issue), issue }];
  });
}

/** The first problem of each top-level field, as a code (`codeFor` may choose a better one from the value). */
export function fieldErrorCodes(issues: readonly Issue[], codeFor: (entry: FlatIssue) => string = (e) => e.code): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of flattenIssues(issues)) out[entry.field] ??= codeFor(entry);
  return out;
}
