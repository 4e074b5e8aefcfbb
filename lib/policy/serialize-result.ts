import { objectJson, stringJson } from "./serialize";
import type {
  Assumption,
  EpisodeBreakdown,
  EstimateError,
  EstimateResponse,
  EstimateResult,
  ExcludedItem,
  HouseholdMemberResult,
  HouseholdResult,
  LayerResult,
  Referral,
  SourceRef,
} from "./types";

/**
 * The doors' bytes (HTTP and CLI), written for the estimate response's fixed
 * shape: the same text as serializeJson(body), i.e. JSON.stringify(body) +
 * "\n", byte for byte (serialize-result.test.ts runs both over generated
 * requests for every pack), without the generic walk's per-value type tests,
 * key lookups and Object.keys. Key names are literals in contract order, the
 * order the engine builds every object in (engine.ts, household.ts,
 * result.ts, errors.ts).
 *
 * Only for responses as the engine made them: values the types say are fen
 * amounts, ratios, layer ids or reason codes go out in quotes unescaped (they
 * are ASCII digits, signs, points and hyphens); a body changed after the
 * engine made it goes through serializeJson instead.
 */
export function serializeEstimateResponse(res: Pick<EstimateResponse, "body">): string {
  const body = res.body;
  if ("error" in body) return errorJson(body) + "\n";
  return "members" in body ? householdJson(body) + "\n" : resultJson(body) + "\n";
}

/** Quotes around a value that needs no escaping (amounts, ratios, ids, codes). */
const plain = (s: string) => '"' + s + '"';

function resultJson(r: EstimateResult): string {
  return (
    headJson(r) +
    ',"episodes":' + episodesJson(r.episodes) +
    ',"excluded":' + excludedJson(r.excluded) +
    tailJson(r)
  );
}

function householdJson(r: HouseholdResult): string {
  let members = "";
  for (let i = 0; i < r.members.length; i++) members += (i ? "," : "") + memberJson(r.members[i]);
  let episodes = "";
  for (let i = 0; i < r.episodes.length; i++) {
    const e = r.episodes[i];
    episodes += (i ? "," : "") + '{"member":' + e.member + "," + episodeFields(e) + "}";
  }
  let excluded = "";
  for (let i = 0; i < r.excluded.length; i++) {
    const x = r.excluded[i];
    excluded += (i ? "," : "") + '{"member":' + x.member + "," + excludedFields(x) + "}";
  }
  return (
    headJson(r) +
    ',"episodes":[' + episodes + "]" +
    ',"members":[' + members + "]" +
    ',"excluded":[' + excluded + "]" +
    tailJson(r)
  );
}

/** From "{" up to personalRatio: what a person's and a household's result share. */
function headJson(r: EstimateResult | HouseholdResult): string {
  const p = r.policy;
  return (
    '{"policy":{"id":' + stringJson(p.id) + ',"version":' + stringJson(p.version) + ',"title":' + stringJson(p.title) + "}" +
    ',"currency":' + plain(r.currency) +
    ',"total":' + plain(r.total) +
    ',"layers":' + layersJson(r.layers) +
    ',"reimbursed":' + plain(r.reimbursed) +
    ',"personal":' + plain(r.personal) +
    ',"personalRatio":' + plain(r.personalRatio)
  );
}

/** assumptions and referrals, and the closing brace. */
function tailJson(r: EstimateResult | HouseholdResult): string {
  return ',"assumptions":' + assumptionsJson(r.assumptions) + ',"referrals":' + referralsJson(r.referrals) + "}";
}

function memberJson(m: HouseholdMemberResult): string {
  return (
    '{"index":' + m.index +
    ',"total":' + plain(m.total) +
    ',"layers":' + layersJson(m.layers) +
    ',"reimbursed":' + plain(m.reimbursed) +
    ',"personal":' + plain(m.personal) +
    ',"personalRatio":' + plain(m.personalRatio) +
    ',"episodes":' + episodesJson(m.episodes) +
    ',"excluded":' + excludedJson(m.excluded) +
    "}"
  );
}

function layersJson(layers: readonly LayerResult[]): string {
  let out = "[";
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i];
    if (i) out += ",";
    out += '{"id":' + plain(l.id) + ',"name":' + stringJson(l.name) + ',"paid":' + plain(l.paid) + ',"origin":' + plain(l.origin);
    if (l.base !== undefined) out += ',"base":' + plain(l.base);
    if (l.deductible !== undefined) out += ',"deductible":' + plain(l.deductible);
    if (l.rate !== undefined) out += ',"rate":' + plain(l.rate);
    if (l.cap !== undefined) out += ',"cap":' + plain(l.cap);
    out += ',"explanation":' + stringJson(l.explanation) + ',"sources":' + sourcesJson(l.sources) + "}";
  }
  return out + "]";
}

/** Sources are the pack's frozen objects, whose JSON is kept (pack-tables.ts). */
function sourcesJson(sources: readonly SourceRef[]): string {
  let out = "[";
  for (let i = 0; i < sources.length; i++) out += (i ? "," : "") + objectJson(sources[i]);
  return out + "]";
}

function episodesJson(episodes: readonly EpisodeBreakdown[]): string {
  let out = "[";
  for (let i = 0; i < episodes.length; i++) out += (i ? "," : "") + "{" + episodeFields(episodes[i]) + "}";
  return out + "]";
}

function episodeFields(e: EpisodeBreakdown): string {
  let paid = "";
  const amounts = e.paid as Record<string, string>;
  // Keys are layer ids, in the order the engine added them (layer order).
  for (const id in amounts) paid += (paid ? ',"' : '"') + id + '":' + plain(amounts[id]);
  return (
    '"index":' + e.index +
    ',"total":' + plain(e.total) +
    ',"paid":{' + paid + "}" +
    ',"personal":' + plain(e.personal) +
    ',"excluded":' + (e.excluded === null ? "null" : plain(e.excluded))
  );
}

function excludedJson(items: readonly ExcludedItem[]): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) out += (i ? "," : "") + "{" + excludedFields(items[i]) + "}";
  return out + "]";
}

function excludedFields(x: ExcludedItem): string {
  return (
    '"episode":' + x.episode +
    ',"reason":' + plain(x.reason) +
    ',"explanation":' + stringJson(x.explanation) +
    ',"sources":' + sourcesJson(x.sources)
  );
}

/** Fixed assumptions are frozen objects whose JSON is kept (result.ts); the rest are written here. */
function assumptionsJson(assumptions: readonly Assumption[]): string {
  let out = "[";
  for (let i = 0; i < assumptions.length; i++) {
    const a = assumptions[i];
    if (i) out += ",";
    if (Object.isFrozen(a)) {
      out += objectJson(a);
      continue;
    }
    let affects = "";
    for (let k = 0; k < a.affects.length; k++) affects += (k ? "," : "") + plain(a.affects[k]);
    out += '{"id":' + stringJson(a.id) + ',"text":' + stringJson(a.text) + ',"affects":[' + affects + "]}";
  }
  return out + "]";
}

function referralsJson(referrals: readonly Referral[]): string {
  let out = "[";
  for (let i = 0; i < referrals.length; i++) {
    const r = referrals[i];
    out += (i ? "," : "") + '{"programme":' + plain(r.programme) + ',"explanation":' + stringJson(r.explanation) + "}";
  }
  return out + "]";
}

function errorJson(b: EstimateError): string {
  const e = b.error;
  let issues = "";
  for (let i = 0; i < e.issues.length; i++) {
    const x = e.issues[i];
    issues += (i ? "," : "") + '{"path":' + stringJson(x.path) + ',"message":' + stringJson(x.message) + "}";
  }
  return '{"error":{"code":' + plain(e.code) + ',"message":' + stringJson(e.message) + ',"issues":[' + issues + "]}}";
}
