import { coveringLayers } from "./coverage";
import { computeEstimate } from "./engine";
import { computeHouseholdEstimate } from "./household";
import { errorBody, invalidJson, invalidRequest, mapZodIssues } from "./errors";
import { list, t } from "./messages";
import { requestLocale } from "./request-locale";
import { householdRequestSchema, isHouseholdRequest, parseValidRequest, requestSchema } from "./request-schema";
import { type CompiledPack, compiledOn, getPackDef, isKnownPack, PACK_IDS } from "./registry";
import type { Category, EstimateResponse, EstimateResult, HouseholdResult, Insurance, LayerId, Locale } from "./types";
import { describePack, summarizePack } from "./views";

export type * from "./types";
export { serializeEstimateResponse, serializeJson } from "./serialize";

/**
 * The calculation module's public API. Both doors (HTTP and CLI) call
 * `estimateText` (or `estimate` with an already-parsed value) and emit
 * `serializeEstimateResponse(...)`, so their bytes are identical.
 */

/** Estimate from an already-parsed JSON value. Never throws for bad input. */
export function estimate(requestJson: unknown): EstimateResponse {
  const locale = requestLocale(requestJson);
  // A household request (contract v2: members with their bills) is validated by zod alone (no fast path).
  if (isHouseholdRequest(requestJson)) {
    return answerParsed(requestJson, locale, householdRequestSchema.safeParse(requestJson, { reportInput: true }), computeHouseholdEstimate);
  }
  const valid = parseValidRequest(requestJson);
  const parsed = valid ? { success: true as const, data: valid } : requestSchema.safeParse(requestJson, { reportInput: true });
  return answerParsed(requestJson, locale, parsed, computeEstimate);
}

type Parsed<R> = { success: true; data: R } | { success: false; error: { issues: Parameters<typeof mapZodIssues>[1] } };
type Outcome = { ok: true; result: EstimateResult | HouseholdResult } | { ok: false; issues: Parameters<typeof invalidRequest>[1] };

/** One answer for a one-person or household request: bad input, an unknown pack, no version in force, or the result. */
function answerParsed<R extends { policy: string; serviceDate: string }>(
  requestJson: unknown,
  locale: Locale,
  parsed: Parsed<R>,
  compute: (req: R, cp: CompiledPack) => Outcome,
): EstimateResponse {
  if (!parsed.success) {
    const issues = mapZodIssues(locale, parsed.error.issues);
    const policy = (requestJson as { policy?: unknown } | null)?.policy;
    if (typeof policy === "string" && policy && !isKnownPack(policy) && !issues.some((i) => i.path === "policy")) {
      issues.push({ path: "policy", message: unknownPolicyMessage(locale, policy) });
    }
    return { status: 400, body: invalidRequest(locale, issues) };
  }
  const req = parsed.data;
  if (!isKnownPack(req.policy)) {
    const message = unknownPolicyMessage(locale, req.policy);
    return { status: 400, body: errorBody("unknown-policy", message, [{ path: "policy", message }]) };
  }
  const cp = compiledOn(req.policy, req.serviceDate);
  if (!cp) return noVersionInForce(locale, req.policy, req.serviceDate);
  const outcome = compute(req, cp);
  if (!outcome.ok) return { status: 400, body: invalidRequest(locale, outcome.issues) };
  return { status: 200, body: outcome.result };
}

function noVersionInForce(locale: Locale, policy: string, serviceDate: string): EstimateResponse {
  const def = getPackDef(policy);
  const ranges = list(
    locale,
    def.versions.map((v) =>
      v.to ? t(locale, "error.range", { from: v.from, to: v.to }) : t(locale, "error.rangeOpen", { from: v.from }),
    ),
  );
  const message = t(locale, "error.noVersion", {
    title: t(locale, `pack.${def.id}.title`),
    id: def.id,
    date: serviceDate,
    ranges,
  });
  return { status: 400, body: errorBody("no-version-in-force", message, [{ path: "serviceDate", message }]) };
}

/** Largest request text accepted (100 episodes fit in well under this). */
export const MAX_REQUEST_CHARS = 256 * 1024;

/** Estimate from the raw request text (a body or a file); invalid JSON is a contract error. */
export function estimateText(text: string): EstimateResponse {
  if (text.length > MAX_REQUEST_CHARS) {
    const locale = requestLocale(text);
    return {
      status: 400,
      body: invalidRequest(locale, [{ path: "", message: t(locale, "error.issue.tooLarge", { max: MAX_REQUEST_CHARS / 1024 }) }]),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { status: 400, body: invalidJson(requestLocale(text), e) };
  }
  return estimate(value);
}

/** The CLI could not read its input file. */
export function unreadableInput(name: string): EstimateResponse {
  const locale: Locale = "zh-Hans";
  return {
    status: 400,
    body: invalidRequest(locale, [{ path: "", message: t(locale, "error.issue.unreadableFile", { file: name }) }]),
  };
}

/** The CLI was given no input file. */
export function missingInput(): EstimateResponse {
  const locale: Locale = "zh-Hans";
  return { status: 400, body: invalidRequest(locale, [{ path: "", message: t(locale, "error.issue.noInput") }]) };
}

function unknownPolicyMessage(locale: Locale, id: string): string {
  return t(locale, "error.unknownPolicy", { id: id.length > 40 ? id.slice(0, 37) + "…" : id, ids: list(locale, PACK_IDS) });
}

/**
 * Who is covered, from pack data: the layers of pack `id` that can pay a
 * person with this insurance and these categories on some bill (see
 * coverage.ts); null for an unknown pack. The eligibility check and the
 * calculator read the same data.
 */
export function layersCovering(id: string, person: { insurance: Insurance; categories?: readonly Category[] }): LayerId[] | null {
  return isKnownPack(id) ? coveringLayers(getPackDef(id), person) : null;
}

/** All packs: id, titles in both scripts, region, versions, layers, source documents. */
export function listPolicies() {
  return PACK_IDS.map((id) => summarizePack(getPackDef(id)));
}

/**
 * One pack as in force on `date` (default: the first day of its latest
 * version): every parameter with its value, label, unit, source and
 * reliability, plus the 临时救助 sizing and procedure timings later features
 * need. Null when the id is unknown or no version is in force on the date.
 */
export function getPack(id: string, date?: string) {
  if (!isKnownPack(id)) return null;
  const def = getPackDef(id);
  const d = date ?? def.versions[def.versions.length - 1].from;
  const cp = compiledOn(id, d);
  return cp ? describePack(cp, d) : null;
}

export { PACK_IDS };
