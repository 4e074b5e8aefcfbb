import type { z } from "zod";
import { has, list, t } from "./messages";
import { SIGNED_MONEY_PATTERN } from "./money";
import { MAX_AGE, MAX_EPISODES } from "./request-schema";
import { type ErrorCode, type ErrorIssue, type EstimateError, LAYER_IDS, type Locale } from "./types";

/**
 * Turns validation problems into the contract's error body, in the request's
 * locale. Every message says what is wrong and how to fix it; nothing of
 * zod's English wording and no stack trace ever reaches the caller.
 */

export function errorBody(code: ErrorCode, message: string, issues: ErrorIssue[]): EstimateError {
  return { error: { code, message, issues } };
}

export function invalidRequest(locale: Locale, issues: ErrorIssue[]): EstimateError {
  return errorBody("invalid-request", t(locale, "error.invalidRequest", { count: issues.length }), issues);
}

const MONEY_FIELDS = new Set(["total", "selfFunded", ...LAYER_IDS]);

function fieldName(locale: Locale, key: string | number): string {
  const k = `field.${key}`;
  return has(locale, k) ? t(locale, k) : t(locale, "field.unknown", { name: String(key) });
}

/** A reader's name for the place an issue points at. */
export function fieldLabel(locale: Locale, path: readonly PropertyKey[]): string {
  if (!path.length) return t(locale, "field.root");
  const [head, ...rest] = path;
  if (head === "household" && rest[0] === "members" && typeof rest[1] === "number" && rest.length > 2) {
    return t(locale, "field.memberField", { n: rest[1] + 1, field: fieldLabel(locale, rest.slice(2)) });
  }
  if (head === "episodes" && typeof rest[0] === "number") {
    const n = rest[0] + 1;
    if (rest.length === 1) return t(locale, "field.episodeN", { n });
    if (rest[1] === "settled" && rest.length >= 3) {
      const layer = String(rest[2]);
      const name = has(locale, `layer.${layer}.name`) ? t(locale, `layer.${layer}.name`) : layer;
      return t(locale, "field.episodeField", { n, field: t(locale, "field.settledLayer", { layer: name, id: layer }) });
    }
    return t(locale, "field.episodeField", { n, field: fieldName(locale, rest[1] as string) });
  }
  if (head === "episodes") return fieldName(locale, "episodes");
  if (head === "person") {
    if (rest[0] === "categories" && typeof rest[1] === "number") return t(locale, "field.categoryItem", { n: rest[1] + 1 });
    return fieldName(locale, (rest[0] as string) ?? "person");
  }
  return fieldName(locale, head as string);
}

export function pathString(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

type Issue = z.core.$ZodIssue & { input?: unknown };

export function mapZodIssues(locale: Locale, issues: readonly Issue[]): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const iss of issues) {
    const path = iss.path as PropertyKey[];
    const field = fieldLabel(locale, path);
    const last = path[path.length - 1];
    const input = iss.input;
    const at = pathString(path);
    switch (iss.code) {
      case "unrecognized_keys":
        for (const k of iss.keys) {
          out.push({
            path: pathString([...path, k]),
            message: t(locale, "error.issue.unknownField", { name: k, parent: field }),
          });
        }
        continue;
      case "invalid_type":
        if (input === undefined) {
          out.push({ path: at, message: t(locale, "error.issue.missing", { field }) });
        } else if (MONEY_FIELDS.has(String(last)) && typeof input === "number") {
          out.push({ path: at, message: t(locale, "error.issue.moneyNotString", { field, value: String(input) }) });
        } else if (last === "age") {
          out.push({ path: at, message: t(locale, "error.issue.age", { field, max: MAX_AGE }) });
        } else {
          const expected = String(iss.expected);
          const ek = `error.expected.${expected}`;
          out.push({
            path: at,
            message: t(locale, "error.issue.type", {
              field,
              expected: has(locale, ek) ? t(locale, ek) : expected,
            }),
          });
        }
        continue;
      case "invalid_value":
        out.push({
          path: at,
          message: t(locale, "error.issue.enum", {
            field,
            value: safeShow(input),
            options: list(locale, iss.values.map((v) => String(v))),
          }),
        });
        continue;
      case "too_small":
      case "too_big": {
        const origin = (iss as { origin?: string }).origin;
        if (last === "episodes") {
          out.push({
            path: at,
            message: t(locale, iss.code === "too_small" ? "error.issue.tooFewEpisodes" : "error.issue.tooManyEpisodes", {
              max: MAX_EPISODES,
            }),
          });
        } else if (last === "age" || origin === "number" || origin === "int") {
          out.push({ path: at, message: t(locale, "error.issue.age", { field, max: MAX_AGE }) });
        } else if (last === "categories") {
          out.push({ path: at, message: t(locale, "error.issue.tooManyCategories", { field }) });
        } else if (last === "policy") {
          out.push({ path: at, message: t(locale, "error.issue.policyEmpty") });
        } else {
          out.push({ path: at, message: t(locale, "error.issue.generic", { field }) });
        }
        continue;
      }
      default:
        break;
    }
    switch (iss.message) {
      case "@money":
        if (typeof input === "string" && SIGNED_MONEY_PATTERN.test(input.trim())) {
          out.push({ path: at, message: t(locale, "error.issue.negative", { field, value: input }) });
        } else {
          out.push({ path: at, message: t(locale, "error.issue.money", { field, value: safeShow(input) }) });
        }
        break;
      case "@totalPositive":
        out.push({ path: at, message: t(locale, "error.issue.totalPositive", { field }) });
        break;
      case "@date":
        out.push({ path: at, message: t(locale, "error.issue.date", { field, value: safeShow(input) }) });
        break;
      case "@datesOrder":
        out.push({ path: at, message: t(locale, "error.issue.datesOrder", { field, value: safeShow(input) }) });
        break;
      case "@policyEmpty":
        out.push({ path: at, message: t(locale, "error.issue.policyEmpty") });
        break;
      default:
        out.push({ path: at, message: t(locale, "error.issue.generic", { field }) });
    }
  }
  // One sentence per problem: zod may report the same place twice (e.g. format and refinement).
  const seen = new Set<string>();
  return out.filter((i) => {
    const k = i.path + "\u0000" + i.message;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Show a bad value back to the caller, shortened. */
function safeShow(v: unknown): string {
  let s: string;
  try {
    s = typeof v === "string" ? `"${v}"` : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 37) + "…" : s;
}

/** The body could not be parsed as JSON. */
export function invalidJson(locale: Locale, detail: unknown): EstimateError {
  const m = /position (\d+)/.exec(detail instanceof Error ? detail.message : String(detail));
  const message = m
    ? t(locale, "error.issue.invalidJsonAt", { position: Number(m[1]) + 1 })
    : t(locale, "error.issue.invalidJson");
  return invalidRequest(locale, [{ path: "", message }]);
}
