import { getPack } from "@/lib/policy";
import { has as hasPolicyText, t as policyText } from "@/lib/policy/messages";
import type { LayerDef } from "@/lib/policy/pack-schema";
import { getPackDef } from "@/lib/policy/registry";
import type { Category, Insurance, LayerId, Locale } from "@/lib/policy/types";

/**
 * Who each layer of a policy pack covers, read from the pack itself (lib/policy/packs/<id>.json), so the
 * eligibility check and the calculator cannot disagree about it: the check asks here, the calculator computes
 * from the same layer definitions. Only the pack's declared data is read (layer categories, schemes, tilts and
 * exclusions that depend on the insurance alone); amounts stay with the calculator.
 */

export type Coverage =
  | { status: "absent" }
  /** An exclusion that depends only on the insurance blocks the layer on every bill (e.g. 鹿寨 三(二)8: 城乡居民医保 only). */
  | { status: "blocked"; reason: string }
  /** The layer exists, but none of the household's categories is among those it covers. */
  | { status: "no-category" }
  | { status: "covered"; scheme?: { id: string; ratio?: string } };

function layerOf(pack: string, id: LayerId): LayerDef | undefined {
  return getPackDef(pack).layers.find((l) => l.id === id);
}

/** Categories a layer pays for; null when it pays anyone insured (基本医保, 大病保险). */
export function layerCategories(pack: string, id: LayerId): Category[] | null {
  const l = layerOf(pack, id);
  if (!l) return [];
  switch (l.rule) {
    case "basic-insurance":
    case "critical-illness":
      return null;
    case "medical-assistance":
    case "tilted-assistance":
    case "annual-excess":
      return [...new Set(l.schemes.flatMap((s) => s.categories))];
    case "facility-split":
    case "guarantee-ratio":
      return [...l.categories];
  }
}

/** The exclusion reason that keeps a layer from paying anything for this insurance, whatever the bill. */
export function insuranceBlock(pack: string, id: LayerId, insurance: Insurance): string | null {
  const def = getPackDef(pack);
  const l = layerOf(pack, id);
  if (l?.rule === "critical-illness" && !l.insurance.includes(insurance)) return "critical-insurance";
  for (const e of def.exclusions) {
    const keys = Object.keys(e.when).filter((k) => e.when[k as keyof typeof e.when] !== undefined);
    if (keys.length === 1 && keys[0] === "insurance" && e.when.insurance!.includes(insurance) && e.blocks.includes(id)) return e.reason;
  }
  return null;
}

/** Whether, and under which scheme, a layer of the pack covers a household with these categories and insurance. */
export function coverage(pack: string, id: LayerId, categories: readonly Category[], insurance: Insurance): Coverage {
  const l = layerOf(pack, id);
  if (!l) return { status: "absent" };
  const blocked = insuranceBlock(pack, id, insurance);
  if (blocked) return { status: "blocked", reason: blocked };
  const covered = (list: readonly Category[]) => list.some((c) => categories.includes(c));
  switch (l.rule) {
    case "basic-insurance":
    case "critical-illness":
      return { status: "covered" };
    case "medical-assistance":
    case "tilted-assistance":
    case "annual-excess": {
      // Schemes are listed most protective first and the first match applies (pack-schema.ts).
      const s = l.schemes.find((x) => covered(x.categories));
      if (!s) return { status: "no-category" };
      return { status: "covered", scheme: { id: s.id, ...("ratio" in s && s.ratio ? { ratio: s.ratio } : {}) } };
    }
    case "facility-split":
    case "guarantee-ratio":
      return covered(l.categories) ? { status: "covered" } : { status: "no-category" };
  }
}

/** The categories, among those given, that a layer covers on their own. */
export function coveredCategories<C extends string>(pack: string, id: LayerId, categories: readonly C[], insurance: Insurance): C[] {
  return categories.filter((c) => coverage(pack, id, [c as unknown as Category], insurance).status === "covered");
}

/** Whether the pack's layers know 建档立卡 (the historic 2018 packs). */
export function knowsPovertyRegistered(pack: string): boolean {
  const def = getPackDef(pack);
  return def.layers.some((l) => (layerCategories(pack, l.id) ?? []).includes("poverty-registered"));
}

/** Scalar parameter values of each pack as in force on its latest version (what the screener's answers are about). */
const scalars = new Map<string, Map<string, string>>();
function scalar(pack: string, param: string): string | undefined {
  let values = scalars.get(pack);
  if (!values) {
    values = new Map((getPack(pack)?.parameters ?? []).flatMap((p) => (typeof p.value === "string" ? [[p.id, p.value] as [string, string]] : [])));
    scalars.set(pack, values);
  }
  return values.get(param);
}

/** What a pack's 大病保险 tilt does for these categories: lower threshold, higher rate, no cap; null when none applies. */
export function criticalTilt(pack: string, categories: readonly Category[], insurance: Insurance): { threshold: boolean; rate: boolean; cap: boolean } | null {
  const l = layerOf(pack, "critical");
  if (!l || l.rule !== "critical-illness" || !l.insurance.includes(insurance)) return null;
  const tilt = l.tilts.find((t) => t.categories.some((c) => categories.includes(c)));
  if (!tilt) return null;
  const num = (p?: string) => (p ? Number(scalar(pack, p) ?? "NaN") : NaN);
  const threshold = num(tilt.thresholdFactor) < 1;
  const rate = num(tilt.ratePoints) > 0 || !!tilt.rateMin;
  const out = { threshold, rate, cap: tilt.removeCap };
  return threshold || rate || out.cap ? out : null;
}

/** A scheme's name in the pack's texts (e.g. 内蒙古 “低收入和因病致贫救助对象”), and its ratio as a percentage. */
export function schemeWords(pack: string, scheme: { id: string; ratio?: string }, locale: Locale): { name?: string; ratio?: string } {
  const key = `pack.${pack}.scheme.${scheme.id}`;
  const ratio = scheme.ratio ? scalar(pack, scheme.ratio) : undefined;
  return {
    ...(hasPolicyText(locale, key) ? { name: policyText(locale, key) } : {}),
    ...(ratio !== undefined ? { ratio: `${+(Number(ratio) * 100).toFixed(2)}%` } : {}),
  };
}
