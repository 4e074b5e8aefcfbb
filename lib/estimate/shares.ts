import Decimal from "decimal.js";
import type { EstimateResult } from "@/lib/policy";

/**
 * Who pays what share of the bill, for the result's bar and table: one segment per layer that paid
 * something, then the family's part. Percentages are of the bill's total, kept exact (decimal.js)
 * and rounded only when shown (`percent`).
 */
export type BillSegment = { id: string; name: string; paid: string; share: Decimal };

export function billSegments(result: EstimateResult): BillSegment[] {
  const parts = result.layers.filter((l) => new Decimal(l.paid).gt(0)).map((l) => ({ id: l.id as string, name: l.name, paid: l.paid }));
  parts.push({ id: "family", name: "", paid: result.personal });
  const total = new Decimal(result.total);
  return parts.map((p) => ({ ...p, share: total.gt(0) ? new Decimal(p.paid).div(total) : new Decimal(0) }));
}

/** A ratio (0.1 or "0.1000") as a percentage with at most `places` decimals: "10", "12.5". */
export function percent(ratio: Decimal.Value, places: number): string {
  return new Decimal(ratio).mul(100).toDecimalPlaces(places).toString();
}
