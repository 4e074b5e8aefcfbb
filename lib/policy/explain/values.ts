import { type Dec, formatMoney, formatPercent, formatPoints } from "../money";
import { list, t } from "../messages";
import type { ParamDef } from "../pack-schema";
import { type Bands, isBands, isLevels, type Resolved } from "../resolved";
import { rememberTextJson } from "../serialize";
import { CATEGORIES, type Category, EPISODE_KINDS, EXCLUSION_REASONS, type EpisodeKind, type ExclusionReason, FACILITIES, type Facility, LAYER_IDS, type LayerId, type Locale } from "../types";

/**
 * Words for values: the vocabulary labels of a locale and how a parameter's
 * value reads ("¥1,200.00 / 年", "县级 80 %"). Shared by the layers' wording,
 * the registry's precomputed texts and the referrals.
 */

/** Vocabulary labels and fixed sentences of one locale, looked up once instead of by key on every use. */
export interface Labels {
  layer: Record<LayerId, string>;
  facility: Record<Facility, string>;
  kind: Record<EpisodeKind, string>;
  category: Record<Category, string>;
  reason: Record<ExclusionReason, string>;
  /** The request-independent assumptions every estimate (or every multi-episode one) states. */
  firstThisYear: string;
  inPolicy: string;
  multiEpisodeOrder: string;
}

function buildLabels(locale: Locale): Labels {
  const of = <K extends string>(ids: readonly K[], prefix: string, suffix = "") =>
    Object.fromEntries(ids.map((id) => [id, t(locale, `${prefix}${id}${suffix}`)])) as Record<K, string>;
  // Texts that appear as whole values in results have their JSON kept too (serialize.ts).
  const fixed = (key: string) => rememberTextJson(t(locale, key));
  const layer = of(LAYER_IDS, "layer.", ".name");
  for (const name of Object.values(layer)) rememberTextJson(name);
  return {
    layer,
    facility: of(FACILITIES, "facility."),
    kind: of(EPISODE_KINDS, "kind."),
    category: of(CATEGORIES, "category."),
    reason: of(EXCLUSION_REASONS, "reason."),
    firstThisYear: fixed("assume.firstThisYear"),
    inPolicy: fixed("assume.inPolicy"),
    multiEpisodeOrder: fixed("assume.multiEpisodeOrder"),
  };
}

export const LABELS: Record<Locale, Labels> = { "zh-Hans": buildLabels("zh-Hans"), "zh-Hant": buildLabels("zh-Hant") };

/** Categories as one list ("低保对象、特困人员"). */
export function categoryList(locale: Locale, cats: readonly Category[]): string {
  return list(
    locale,
    cats.map((c) => LABELS[locale].category[c]),
  );
}

/** The categories named, once each, in vocabulary order. */
export function uniqueCategories(cats: readonly Category[]): Category[] {
  return CATEGORIES.filter((c) => cats.includes(c));
}

/** A number in its unit ("¥1,200.00 / 月", "80 %", "5 个百分点"). */
export function unitValue(locale: Locale, unit: ParamDef["unit"] | string, v: Dec): string {
  switch (unit) {
    case "CNY":
    case "CNY/month":
    case "CNY/year":
      return t(locale, `unit.${unit === "CNY" ? "cny" : unit === "CNY/month" ? "cnyMonth" : "cnyYear"}`, { v: formatMoney(v) });
    case "ratio":
    case "factor":
      return formatPercent(v);
    case "points":
      return t(locale, "unit.points", { v: formatPoints(v) });
    case "working-days":
      return t(locale, "unit.workingDays", { v: v.toString() });
    case "days":
      return t(locale, "unit.days", { v: v.toString() });
    case "months":
      return t(locale, "unit.months", { v: v.toString() });
    default:
      return v.toString();
  }
}

/** A parameter's whole value in words: a yes / no, a band table, a table by facility level or a number. */
export function describeValue(locale: Locale, unit: ParamDef["unit"], v: Resolved): string {
  if (typeof v === "boolean") return t(locale, v ? "value.yes" : "value.no");
  if (isBands(v)) return describeBands(locale, v);
  if (isLevels(v)) {
    return list(
      locale,
      (["township", "county", "city", "provincial"] as const).map((f) => `${LABELS[locale].facility[f]} ${unitValue(locale, unit, v[f])}`),
    );
  }
  return unitValue(locale, unit, v);
}

function describeBands(locale: Locale, v: Bands): string {
  return list(
    locale,
    v.bands.map((b) => t(locale, v.basis === "excess" ? "unit.bandExcess" : "unit.band", { from: formatMoney(b.from), rate: formatPercent(b.rate) })),
  );
}
