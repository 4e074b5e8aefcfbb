import Decimal from "decimal.js";
import { z } from "zod";
import { HELP_LINK_STATES, type HelpLinkState } from "@/lib/people/help-chain";

/**
 * A closed 专班 case's outcome summary: what each checklist item granted (yuan to the fen, as recorded), the
 * total granted, and how many items ended in each state. Pure. Amounts are exact fen strings, so the sum is
 * exact; it is written with two decimals once, at the end.
 */
export type CaseOutcome = {
  grantedTotal: string;
  granted: { itemId: string; amount: string | null }[];
  states: Record<HelpLinkState, number>;
};

export function caseOutcome(items: readonly { id: string; state: HelpLinkState; amount: string | null }[]): CaseOutcome {
  const states = Object.fromEntries(HELP_LINK_STATES.map((s) => [s, 0])) as Record<HelpLinkState, number>;
  let total = new Decimal(0);
  const granted: CaseOutcome["granted"] = [];
  for (const item of items) {
    states[item.state]++;
    if (item.state !== "granted") continue;
    granted.push({ itemId: item.id, amount: item.amount });
    if (item.amount) total = total.plus(new Decimal(item.amount));
  }
  return { grantedTotal: total.toFixed(2, Decimal.ROUND_HALF_UP), granted, states };
}

const outcomeSchema = z.object({
  grantedTotal: z.string().regex(/^\d+\.\d{2}$/),
  granted: z.array(z.object({ itemId: z.string(), amount: z.string().nullable() })),
  states: z.record(z.string(), z.number().int().nonnegative()),
});

/** The stored summary, or null when it cannot be read (never a crash on a page). */
export function parseOutcome(json: string): CaseOutcome | null {
  try {
    const parsed = outcomeSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    const states = Object.fromEntries(HELP_LINK_STATES.map((s) => [s, parsed.data.states[s] ?? 0])) as Record<HelpLinkState, number>;
    return { grantedTotal: parsed.data.grantedTotal, granted: parsed.data.granted, states };
  } catch {
    return null;
  }
}
