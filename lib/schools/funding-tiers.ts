import { compiledOn, getPackDef, scalar } from "@/lib/policy/registry";
import { D, fenString, toFen, type Dec } from "@/lib/policy/money";

/**
 * What a 资助参保 tier funds of a pupil's personal contribution for a year of cover, from the area's policy
 * pack (`enrolmentFunding`: the contribution, and per tier a share or a fixed amount, each a dated, cited
 * parameter). The tier is why the pupil is funded (特困, 低保 …) and stays with the funding list: what
 * leaves here is only whether the family pays nothing, or how much is still theirs to pay.
 *
 * Money: the contribution less the funded part, rounded once to the fen (half up) at the end.
 */
export type TierFunding =
  /** Nothing to pay (资助参保). */
  | { kind: "full" }
  /** The family still pays `due` yuan (a decimal string to the fen) of `contribution`. */
  | { kind: "partial"; due: string; contribution: string }
  /** The pack names this tier but it funds nothing for that year. */
  | { kind: "none" }
  /** The pack has tiers and this is none of them (the import refuses the row). */
  | { kind: "unknown" };

function normalizeTier(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").trim();
}

/** Whether the area's pack lists funding tiers (without them every listed pupil is funded in full, as before). */
export function packHasFundingTiers(packId: string): boolean {
  return Boolean(getPackDef(packId).enrolmentFunding);
}

/** The pack's tier id for a tier word from a list, or null. */
export function tierIdFor(packId: string, tierText: string): string | null {
  const funding = getPackDef(packId).enrolmentFunding;
  if (!funding) return null;
  const word = normalizeTier(tierText);
  return funding.tiers.find((t) => t.names.some((n) => normalizeTier(n) === word))?.id ?? null;
}

/** The amount still to pay: contribution − funded part (a share of it, or a fixed amount), never below zero; one rounding to the fen. */
export function amountDue(contribution: Dec, funds: { share: Dec } | { amount: Dec }): Dec {
  const funded = "share" in funds ? contribution.times(funds.share) : funds.amount;
  const due = contribution.minus(funded);
  return due.isNegative() ? new D(0) : toFen(due);
}

/**
 * What `tierText` funds for `coverYear` under the area's pack, read on 1 January of that year (the cover
 * year's contribution and amounts). A pack without tiers funds every listed pupil in full.
 */
export function tierFunding(packId: string, tierText: string, coverYear: number): TierFunding {
  const funding = getPackDef(packId).enrolmentFunding;
  if (!funding) return { kind: "full" };
  const id = tierIdFor(packId, tierText);
  if (!id) return { kind: "unknown" };
  const tier = funding.tiers.find((t) => t.id === id)!;
  // Read on 1 January of the cover year, or on the pack's first day when it starts later in that year.
  const first = getPackDef(packId).versions[0].from;
  const cp = compiledOn(packId, first > `${coverYear}-01-01` && first <= `${coverYear}-12-31` ? first : `${coverYear}-01-01`);
  // A cover year before the pack's first version: the tier is known, its amounts are not; the list decides (full).
  if (!cp) return { kind: "full" };
  const contribution = scalar(cp, funding.personalContribution);
  const due = amountDue(contribution, tier.share ? { share: scalar(cp, tier.share) } : { amount: scalar(cp, tier.amount!) });
  if (due.isZero()) return { kind: "full" };
  if (due.equals(contribution)) return { kind: "none" };
  return { kind: "partial", due: fenString(due), contribution: fenString(contribution) };
}
