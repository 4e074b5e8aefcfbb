import { layerRuleCovers } from "./coverage";
import { list } from "./messages";
import type { LayerDef, PackDef } from "./pack-schema";
import type { ParsedEpisode } from "./request-schema";
import { CATEGORIES, type Category, type LayerId } from "./types";
import { EVERY_LAYER, EpisodeState, NO_LAYER, Run, matches } from "./run";

export function referencedCategories(def: PackDef): Set<Category> {
  const out = new Set<Category>();
  for (const l of def.layers) {
    if ("tilts" in l) for (const t of l.tilts) t.categories.forEach((c) => out.add(c));
    if ("schemes" in l) for (const s of l.schemes) s.categories.forEach((c) => out.add(c));
    if ("categories" in l) l.categories.forEach((c) => out.add(c));
  }
  for (const r of def.referrals) {
    r.when.categoriesAny?.forEach((c) => out.add(c));
  }
  def.target?.categoriesAny.forEach((c) => out.add(c));
  return out;
}


export function firstLayerNaming(def: PackDef): Map<Category, number> {
  const out = new Map<Category, number>();
  def.layers.forEach((l, position) => {
    const named: Category[] = [];
    if ("tilts" in l) for (const t of l.tilts) named.push(...t.categories);
    if ("schemes" in l) for (const s of l.schemes) named.push(...s.categories);
    if ("categories" in l) named.push(...l.categories);
    for (const c of named) if (!out.has(c)) out.set(c, position);
  });
  return out;
}

export function addRequestAssumptions(run: Run): void {
  const def = run.pack.def;
  run.assume("firstThisYear", run.labels.firstThisYear, EVERY_LAYER);
  run.assume("inPolicy", run.labels.inPolicy, EVERY_LAYER);
  if (run.episodes.length > 1) run.assume("order", run.labels.multiEpisodeOrder, EVERY_LAYER);

  if (run.req.episodes.some(hasDefaults)) {
    const missing = (pred: (e: ParsedEpisode, ep: EpisodeState) => boolean) =>
      run.episodes.filter((ep) => pred(run.req.episodes[ep.i], ep)).map((ep) => String(ep.i + 1));
    const fields: [string, (e: ParsedEpisode, ep: EpisodeState) => boolean, string][] = [
      ["selfFunded", (e) => e.selfFunded === undefined, "0.00"],
      ["inRegion", (e) => e.inRegion === undefined, run.t("value.yes")],
      ["referred", (e, ep) => e.referred === undefined && !ep.inRegion, run.t("value.no")],
      ["designated", (e) => e.designated === undefined, run.t("value.yes")],
      ["emergency", (e, ep) => e.emergency === undefined && !ep.designated, run.t("value.no")],
      ["cause", (e) => e.cause === undefined, run.t("cause.illness")],
    ];
    for (const [field, pred, value] of fields) {
      const eps = missing(pred);
      if (eps.length) {
        run.assume(
          `default:${field}`,
          // plainField: the name a person reads (field.* carries the request key, for API errors).
          run.t("assume.fieldDefault", { episodes: list(run.locale, eps), field: run.t(`plainField.${field}`), value }),
          EVERY_LAYER,
        );
      }
    }
  }

  const texts = run.wording;
  for (const [key, text] of texts.notes) run.assume(key, text, NO_LAYER);
  if (def.target && !def.target.categoriesAny.some((c) => run.cats.has(c))) run.assume("target", texts.target!, NO_LAYER);
  const used = run.tables.usedCategories;
  for (const c of CATEGORIES) {
    if (!run.cats.has(c)) continue;
    if (!used.has(c)) run.assume(`cat:${c}`, run.t("assume.categoryUnused", { category: run.labels.category[c] }), NO_LAYER);
  }
  if (run.cats.has("medical-poverty") && used.has("medical-poverty")) {
    run.assume("mp", run.t("assume.medicalPoverty"), run.tables.firstLayerNaming.get("medical-poverty") ?? NO_LAYER);
  }
  if (run.req.person.age !== undefined && run.req.person.age < 1) run.assume("infant", run.t("assume.infant"), NO_LAYER);
}

/** Whether an episode leaves out a field that has a default (each default used is an assumption). */
export function hasDefaults(e: ParsedEpisode): boolean {
  return (
    e.selfFunded === undefined ||
    e.inRegion === undefined ||
    e.referred === undefined ||
    e.designated === undefined ||
    e.emergency === undefined ||
    e.cause === undefined
  );
}

/** Whether the person could get this layer at all (category-wise), so an exclusion is worth reporting. */
export function eligibleFor(run: Run, l: LayerDef): boolean {
  return layerRuleCovers(l, run.insurance, run.cats);
}

export function applyExclusions(run: Run): void {
  const def = run.pack.def;
  const { layerById } = run.tables;
  for (const ep of run.episodes) {
    for (const rule of def.exclusions) {
      if (!matches(rule.when, ep, run.insurance)) continue;
      const hit: LayerId[] = [];
      for (const lid of rule.blocks) {
        const l = layerById.get(lid);
        if (!l || ep.settled[lid] !== undefined || !eligibleFor(run, l)) continue;
        // A facility waiver only concerns stays at the facilities it names.
        if (l.rule === "facility-split" && (!l.facility.includes(ep.facility) || (l.inRegionOnly && !ep.inRegion))) continue;
        if (ep.blocked[lid] === undefined) ep.blocked[lid] = rule.reason;
        hit.push(lid);
      }
      if (!hit.length) continue;
      const prev = run.excluded.find((x) => x.ep === ep.i && x.reason === rule.reason);
      if (prev) {
        for (const h of hit) if (!prev.layers.includes(h)) prev.layers.push(h);
        for (const s of rule.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
      } else {
        run.excluded.push({ ep: ep.i, reason: rule.reason, layers: hit, sources: [...rule.sources] });
      }
    }
  }
}

/**
 * 浙江 001 二(三): 上年度新增的持证特困、低保和低边对象自持证之日起计算合理医疗费用.
 * A layer whose scheme for the person counts from the certification date
 * leaves out the bills dated before person.certifiedOn; without that date
 * the whole year counts, and without a bill's date the bill counts (each
 * said under assumptions).
 */
export function applyCertificationDates(run: Run): void {
  for (let position = 0; position < run.pack.def.layers.length; position++) {
    const l = run.pack.def.layers[position];
    if (l.rule !== "annual-excess") continue;
    const scheme = l.schemes.find((s) => s.categories.some((c) => run.cats.has(c)));
    if (!scheme?.countsFromCertification) continue;
    const held = run.matching(scheme.categories);
    const dates = held.map((c) => run.req.person.certifiedOn?.[c]).filter((d): d is string => d !== undefined);
    if (!dates.length) {
      run.assume(`certifiedOn:${l.id}`, run.t("assume.certifiedOnMissing", { category: run.catLabels(held) }), position);
      continue;
    }
    const from = dates.reduce((a, b) => (b < a ? b : a));
    const undated: string[] = [];
    for (const ep of run.episodes) {
      if (ep.settled[l.id] !== undefined || ep.blocked[l.id] !== undefined) continue;
      const date = run.req.episodes[ep.i].date;
      if (date === undefined) undated.push(String(ep.i + 1));
      else if (date < from) {
        ep.blocked[l.id] = "before-certification";
        run.excluded.push({ ep: ep.i, reason: "before-certification", layers: [l.id], sources: [...scheme.countsFromCertification.sources] });
      }
    }
    if (undated.length) {
      run.assume(`certifiedOn:${l.id}:undated`, run.t("assume.certifiedOnUndated", { episodes: list(run.locale, undated), date: from }), position);
    }
  }
  // Listed by episode, as the other exclusions are.
  run.excluded.sort((a, b) => a.ep - b.ep);
}
