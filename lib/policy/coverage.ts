import type { LayerDef, PackDef } from "./pack-schema";
import type { Category, Insurance, LayerId } from "./types";

/**
 * Who a pack's layers can pay, read from the pack data alone (no bill): the
 * one place both the calculator and the eligibility check learn "who is
 * covered". A layer covers a person when its rule names one of their
 * categories (schemes, 兜底 / waiver categories) or needs none (基本医保,
 * 大病保险 for the insurances it models), and no exclusion that depends only
 * on the insurance (e.g. 鹿寨 三(二)8: 兜底 only for 城乡居民医保) leaves
 * them out. A covered layer may still pay ¥0 on a given bill (below a
 * threshold, an excluded kind of care…): that is the calculator's answer.
 */

/** Whether the layer's own rule can pay someone with these categories and this insurance. */
export function layerRuleCovers(l: LayerDef, insurance: Insurance, categories: ReadonlySet<Category>): boolean {
  switch (l.rule) {
    case "basic-insurance":
      return true;
    case "critical-illness":
      return insurance !== "employee" || l.insurance.includes("employee");
    case "medical-assistance":
    case "tilted-assistance":
    case "annual-excess":
      return l.schemes.some((s) => s.categories.some((c) => categories.has(c)));
    case "facility-split":
    case "guarantee-ratio":
      return l.categories.some((c) => categories.has(c));
  }
}

/** The layers an exclusion keyed on the insurance alone takes away from this insurance. */
function layersBlockedByInsurance(def: PackDef, insurance: Insurance): Set<LayerId> {
  const out = new Set<LayerId>();
  for (const rule of def.exclusions) {
    const keys = Object.keys(rule.when).filter((k) => rule.when[k as keyof typeof rule.when] !== undefined);
    if (keys.length === 1 && rule.when.insurance?.includes(insurance)) rule.blocks.forEach((id) => out.add(id));
  }
  return out;
}

/** The pack's layers (in pack order) that can pay this person something on some bill. */
export function coveringLayers(def: PackDef, person: { insurance: Insurance; categories?: readonly Category[] }): LayerId[] {
  const categories = new Set(person.categories ?? []);
  const blocked = layersBlockedByInsurance(def, person.insurance);
  return def.layers.filter((l) => !blocked.has(l.id) && layerRuleCovers(l, person.insurance, categories)).map((l) => l.id);
}
