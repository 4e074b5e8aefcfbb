import { add, constFen, constRate, type Dec, fenString, fixed4, ZERO } from "./money";
import { list } from "./messages";
import { isRememberedText, rememberObjectJson } from "./serialize";
import type { PackTables } from "./pack-tables";
import type { LayerDef } from "./pack-schema";
import { type Assumption, type EpisodeBreakdown, type EstimateResult, type ExcludedItem, type LayerId, type LayerResult } from "./types";
import { Assumed, EpisodeState, Run } from "./run";
import { explainLayer } from "./explain/layers";
import type { LayerOutcome } from "./layers/trace";

/** A layer's result object: its numbers as fen strings, its sentence (explain/) and the sources it cited. */
export function layerResult(run: Run, l: LayerDef, out: LayerOutcome): LayerResult {
  const res: LayerResult = {
    id: l.id,
    name: run.layerName(l.id),
    paid: fenString(out.paid),
    origin: out.origin,
  } as LayerResult;
  if (out.base !== undefined) res.base = fenString(out.base);
  if (out.deductible !== undefined) res.deductible = l.id === "basic" ? fenString(out.deductible) : constFen(out.deductible);
  if (out.rate !== undefined) res.rate = constRate(out.rate);
  if (out.cap !== undefined) res.cap = constFen(out.cap);
  res.explanation = explainLayer(run, l.id, out);
  res.sources = run.takeSources();
  return res;
}

export function policyHeader(run: Run): EstimateResult["policy"] {
  return { id: run.pack.def.id, version: run.pack.version.id, title: run.wording.title };
}

export interface Totals {
  total: string;
  reimbursed: string;
  personal: string;
  personalRatio: string;
  personalAmount: Dec;
}

/** total, reimbursed, personal (the remainder, so the identity is exact) and personalRatio. */
export function sumUp(eps: readonly EpisodeState[], reimbursed: Dec): Totals {
  const total = eps.length === 1 ? eps[0].total : eps.reduce((s, e) => add(s, e.total), ZERO);
  const personal = total.minus(reimbursed);
  return {
    total: fenString(total),
    reimbursed: fenString(reimbursed),
    personal: fenString(personal),
    personalAmount: personal,
    personalRatio: fixed4(personal.div(total)),
  };
}


/**
 * Per request episode, in request order: its total, what each layer paid on
 * it, what the family still pays for it and the first reason an exclusion
 * gave (contract v2). Each layer's paid is the sum of its episodes' amounts
 * (every layer records one rounded amount per episode), so these add up.
 */
export function buildEpisodeBreakdown(run: Run, layers: readonly LayerResult[], totals: Totals): EpisodeBreakdown[] {
  const ids = run.tables.layerIds;
  if (run.episodes.length === 1 && layers.length === ids.length) {
    // One bill: its amounts are the layers' own (the same strings, not formatted twice).
    const paid = {} as Partial<Record<LayerId, string>>;
    for (const l of layers) paid[l.id] = l.paid;
    const first = run.excluded.length ? run.excluded[0].reason : null;
    return [{ index: 0, total: totals.total, paid, personal: totals.personal, excluded: first }];
  }
  return run.episodes.map((ep) => {
    const paid = {} as Partial<Record<LayerId, string>>;
    for (const id of ids) paid[id] = fenString(ep.paid[id] ?? ZERO);
    const first = run.excluded.find((x) => x.ep === ep.i);
    return { index: ep.i, total: fenString(ep.total), paid, personal: fenString(ep.left), excluded: first ? first.reason : null };
  });
}

/**
 * Assumptions as data (contract v2): `affects` lists the layers whose paid
 * depends on the assumption — the first layer that read the assumed value
 * and every later layer that computed an amount, since each later layer works
 * on what the earlier ones left.
 */
export function buildAssumptions(run: Run): Assumption[] {
  const ids = run.tables.layerIds;
  const objects = assumptionObjectsOf(run.tables);
  return run.assumptions.map((a) => {
    // The computing layers at or after the first layer that read the value.
    const mask = a.from >= ids.length ? 0 : run.computedLayers & ~((1 << a.from) - 1);
    return assumptionObject(objects, a, mask, ids);
  });
}

/**
 * Fixed sentences with the same layers recur in most results: their objects
 * are made once per pack (text → layer bitmask → object), frozen, and their
 * JSON kept for the serializer (as for source objects). Other sentences
 * (with episode numbers…) get fresh objects.
 */
/** Per pack: assumption objects by text and by the bitmask of the layers they affect (assumptionObject). */
const assumptionObjects = new WeakMap<PackTables, Map<string, Map<number, Assumption>>>();

function assumptionObjectsOf(tables: PackTables): Map<string, Map<number, Assumption>> {
  let objects = assumptionObjects.get(tables);
  if (!objects) assumptionObjects.set(tables, (objects = new Map()));
  return objects;
}

export function assumptionObject(
  assumptionObjects: Map<string, Map<number, Assumption>>,
  a: Assumed,
  mask: number,
  ids: readonly LayerId[],
): Assumption {
  let byMask = assumptionObjects.get(a.text);
  const known = byMask?.get(mask);
  if (known && known.id === a.id) return known;
  const fixed = byMask !== undefined || isRememberedText(a.text);
  const affects: LayerId[] = [];
  for (let i = 0; i < ids.length; i++) if (mask & (1 << i)) affects.push(ids[i]);
  const made: Assumption = { id: a.id, text: a.text, affects };
  if (!fixed || known) return made;
  if (!byMask) assumptionObjects.set(a.text, (byMask = new Map()));
  Object.freeze(affects);
  return byMask.set(mask, rememberObjectJson(Object.freeze(made))).get(mask)!;
}

export function buildExcluded(run: Run): ExcludedItem[] {
  const { layerIndex } = run.tables;
  return run.excluded.map((x) => ({
    episode: x.ep,
    reason: x.reason,
    explanation: run.t("excluded.sentence", {
      n: x.ep + 1,
      reason: run.labels.reason[x.reason],
      layers: list(
        run.locale,
        [...x.layers].sort((a, b) => layerIndex.get(a)! - layerIndex.get(b)!).map((l) => run.layerName(l)),
      ),
    }),
    sources: x.sources.map((s) => run.sourceRef(s, run.pack.def.sources[s].reliability)),
  }));
}
