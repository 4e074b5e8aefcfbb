import { getPackDef, isKnownPack } from "@/lib/policy/registry";
import type { Category } from "@/lib/policy/types";

/**
 * Whether a place's pack has a family-level rule: a scheme marked `family: true`, whose standard applies to
 * the family's reasonable personal costs together (浙江 001 二(三): 低保 / 低边 家庭). Only such a pack gets
 * "再加一位家庭成员" on the estimate form; the household request itself works for any pack.
 */
export function familyRuleCategories(policyId: string): Category[] {
  if (!isKnownPack(policyId)) return [];
  const categories = new Set<Category>();
  for (const layer of getPackDef(policyId).layers) {
    if (!("schemes" in layer)) continue;
    for (const scheme of layer.schemes) if ("family" in scheme && scheme.family) scheme.categories.forEach((c) => categories.add(c as Category));
  }
  return [...categories];
}

export function hasFamilyRule(policyId: string): boolean {
  return familyRuleCategories(policyId).length > 0;
}
