import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reachOf, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/db/audit";
import { fenString } from "@/lib/monitoring/fen";
import { loadAreaLedger, loadRegistry } from "@/lib/monitoring/service";
import { simulate, withThreshold, type Simulation } from "@/lib/monitoring/simulate";
import { MONITORING_MEASURES, monitoringRulesOn, type MonitoringRule } from "@/lib/policy/monitoring-rules";

/**
 * The threshold simulator page's question: over a past year of the area's imported settlements,
 * what would the pack's rules flag with one threshold (and measure) changed? Writes no flag.
 */

export const simulatorQuerySchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  rule: z.string().min(1).max(60),
  threshold: z.string().regex(/^(0|[1-9]\d{0,8})(\.\d{1,2})?$/),
  measure: z.enum(MONITORING_MEASURES),
  excludeAssisted: z.enum(["1"]).optional(),
});
export type SimulatorQuery = z.infer<typeof simulatorQuerySchema>;

export interface SimulatorAnswer {
  rules: (Simulation["rules"][number] & { amountYuan: string; excessYuan: string })[];
  groups: { group: string; people: number; amountYuan: string }[];
  total: { people: number; excluded: number; amountYuan: string; excessYuan: string };
  people: number;
}

export async function runSimulator(db: PrismaClient, actor: Actor, areaCode: string, packId: string, q: SimulatorQuery, now: Date): Promise<SimulatorAnswer | null> {
  const reach = reachOf(actor);
  if (!(reach.scope === "all-areas" || (reach.scope === "area" && reach.areaCode === areaCode))) return null;
  const span = { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
  const rules: MonitoringRule[] = monitoringRulesOn(packId, span.to).map((r) => {
    if (r.id !== q.rule) return r;
    const changed = withThreshold(r, q.threshold);
    const helped = q.excludeAssisted ? [...r.helped.filter((h) => !h.assistancePaid), { id: "assistance-paid", assistancePaid: true, treatment: "exclude" as const }] : r.helped;
    return { ...changed, measure: q.measure, helped };
  });
  const ledger = await loadAreaLedger(db, areaCode, span);
  const { registry } = await loadRegistry(db, areaCode);
  const sim = simulate({ ledger, registry, rules, period: span, asOf: span.to });
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "monitoring.simulate", target: `${areaCode}:${q.year}:${q.rule}`, at: now });
  return {
    rules: sim.rules.map((r) => ({ ...r, amountYuan: fenString(r.amount), excessYuan: fenString(r.excess) })),
    groups: sim.groups.map((g) => ({ group: g.group, people: g.people, amountYuan: fenString(g.amount) })),
    total: { people: sim.total.people, excluded: sim.total.excluded, amountYuan: fenString(sim.total.amount), excessYuan: fenString(sim.total.excess) },
    people: ledger.size,
  };
}

/** The area the actor works for, with its policy pack (the simulator page's subject); null when none. */
export async function simulatorArea(db: PrismaClient, actor: Actor): Promise<{ code: string; policyPackId: string } | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "area") return null;
  return db.area.findUnique({ where: { code: reach.areaCode }, select: { code: true, policyPackId: true } });
}
