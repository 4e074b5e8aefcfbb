/**
 * The estimate's assumptions for the page: the two or three that matter for this result first, the rest grouped
 * and collapsed, and no sentence said twice. Accepts the contract's v1 strings and v2 `{id, text, affects}` (where
 * `affects` names the layers whose paid depends on the assumption), so it works on either engine.
 */

export type AssumptionLike = string | { id?: string; text: string; affects?: readonly string[] };
export const ASSUMPTION_GROUPS = ["bill", "policy", "values"] as const;
export type AssumptionGroup = (typeof ASSUMPTION_GROUPS)[number];

export interface GroupedAssumptions {
  first: string[];
  groups: { id: AssumptionGroup; items: string[] }[];
}

interface Item {
  id?: string;
  text: string;
  affects?: readonly string[];
  group: AssumptionGroup;
}

/** Engine ids (contract v2) of assumptions about how the bills were read, not about the policy. */
const BILL_IDS = /^(firstThisYear|inPolicy|order|infant|mp|cat:|annualExcess\.|certifiedOn|default:|field|episode)/;
// v1 results carry only the sentence: the same distinctions, by wording, in both scripts.
const VALUE_TEXT = /按假设值|按假設值/;
const BILL_TEXT = /第一次就医|第一次就醫|没有说明|沒有說明|政策范围内费用按|政策範圍內費用按|顺序|順序/;

function groupOf(a: { id?: string; text: string }): AssumptionGroup {
  // Assumed parameter values have ids like param:<id> or <id>:<facility>; their sentence always says 按假设值.
  if (a.id?.startsWith("param:") || VALUE_TEXT.test(a.text)) return "values";
  if (a.id ? BILL_IDS.test(a.id) : BILL_TEXT.test(a.text)) return "bill";
  return "policy";
}

const sentences = (text: string) => text.match(/[^。！？]+[。！？]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];

export function groupAssumptions(assumptions: readonly AssumptionLike[], layers: readonly { id: string; paid: string }[], max = 3): GroupedAssumptions {
  const paying = new Set(layers.filter((l) => Number(l.paid) > 0).map((l) => l.id));
  const items: Item[] = assumptions.map((a) => (typeof a === "string" ? { text: a } : a)).map((a) => ({ ...a, group: groupOf(a) }));
  const moves = (a: Item) => (a.affects ? a.affects.some((l) => paying.has(l)) : true);
  const rank = (a: Item) => ASSUMPTION_GROUPS.indexOf(a.group);
  // What matters here: assumptions that move a layer that pays in this result, how the bills were read first.
  const ordered = items.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map((x) => x.a);
  let first = ordered.filter((a) => a.group !== "values" && moves(a)).slice(0, max);
  if (first.length < 2) first = [...first, ...ordered.filter((a) => a.group === "values" && moves(a) && !first.includes(a))].slice(0, 2);

  // No sentence twice: a later assumption keeps only the sentences not said before.
  const said = new Set<string>();
  const fresh = (a: Item) => {
    const kept = sentences(a.text).filter((s) => !said.has(s));
    kept.forEach((s) => said.add(s));
    return kept.join("");
  };
  const firstTexts = first.map(fresh).filter(Boolean);
  const groups = ASSUMPTION_GROUPS.map((id) => ({
    id,
    items: items
      .filter((a) => a.group === id && !first.includes(a))
      .map(fresh)
      .filter(Boolean),
  })).filter((g) => g.items.length);
  return { first: firstTexts, groups };
}

export interface HeadlineCaveat {
  /** The layers whose amount rests on an assumed value, in result order. */
  layers: string[];
  /** Those assumptions' sentences, each once. */
  texts: string[];
}

/**
 * Whether the headline rests on assumed values: an assumed parameter (no verifiable source) whose `affects` is not
 * empty changes the result, so the figure is approximate and the page says which value it rests on. Null when no
 * assumed value moves any layer (v1 strings carry no `affects`: their assumed values are taken to matter).
 */
export function headlineCaveat(assumptions: readonly AssumptionLike[], layers: readonly { id: string }[]): HeadlineCaveat | null {
  const moving = assumptions
    .map((a) => (typeof a === "string" ? { text: a } : a))
    .filter((a) => groupOf(a) === "values" && (a.affects === undefined || a.affects.length > 0));
  if (!moving.length) return null;
  const affected = new Set(moving.flatMap((a) => a.affects ?? layers.map((l) => l.id)));
  return { layers: layers.map((l) => l.id).filter((id) => affected.has(id)), texts: [...new Set(moving.map((a) => a.text))] };
}
