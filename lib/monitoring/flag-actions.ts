import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accessRefusal, reachOf, type Actor } from "@/lib/auth/access";
import { calendarDateInChina, countWorkingDays } from "@/lib/calendar/working-days";
import { decryptField } from "@/lib/crypto/field-encryption";
import { recordAudit } from "@/lib/db/audit";
import { fenToYuan } from "@/lib/monitoring/fen";
import { readFlagCard } from "@/lib/monitoring/service";
import { compiledOn, scalar } from "@/lib/policy/registry";
import { smsScript } from "@/lib/sms/templates";
import type { SmsSender } from "@/lib/sms/types";

/**
 * What a caseworker does with a flag: assign a 走访核查 (due in the pack's working days), invite the
 * person to apply by SMS where a phone is known (otherwise the flag becomes a visit), mark "already
 * helped", or dismiss it with a reason from a list (counted per rule, so thresholds can be tuned).
 * Each action is audited and moves the flag's link on the household's help chain.
 */

export const DISMISS_REASONS = ["not-resident", "reimbursed-elsewhere", "income-above-limit", "data-error", "duplicate", "declined", "other"] as const;

export const flagActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("visit") }),
  z.object({ type: z.literal("invite") }),
  z.object({ type: z.literal("helped") }),
  z.object({ type: z.literal("dismiss"), reason: z.enum(DISMISS_REASONS, { error: "reason" }) }),
]);
export type FlagAction = z.infer<typeof flagActionSchema>;

/** States in which a flag can still be worked. */
const OPEN_STATES = ["open", "visit", "invited"];

export type FlagActionOutcome =
  | { ok: true; state: string; visitDue?: string; sent?: boolean }
  | { ok: false; code: "not-found" | "closed" };

/** The link the invitation opens: the 临时救助 application prefilled from an estimate of the year's personal costs. */
export function invitationPath(lng: string, packId: string, totalYuan: string): string {
  return `/${lng}/apply?from=estimate&policy=${encodeURIComponent(packId)}&total=${encodeURIComponent(totalYuan)}`;
}

/**
 * The script the invitation is written in, and its link opens in: the script of the citizen account
 * that is this person (linked, or signing in with the registry's phone) when it has used the site;
 * zh-Hans otherwise (lib/sms/templates.ts smsScript).
 */
async function inviteScript(db: PrismaClient, person: { citizenId: string | null; phoneHash: string | null }) {
  const citizen = person.citizenId
    ? await db.citizen.findUnique({ where: { id: person.citizenId }, select: { preferredScript: true } })
    : person.phoneHash
      ? await db.citizen.findUnique({ where: { phoneHash: person.phoneHash }, select: { preferredScript: true } })
      : null;
  return smsScript(citizen?.preferredScript);
}

export async function performFlagAction(
  db: PrismaClient,
  input: { actor: Actor; flagId: string; action: FlagAction; now: Date; sms: SmsSender; siteUrl: string },
): Promise<FlagActionOutcome> {
  const flag = await db.monitoringFlag.findUnique({ where: { id: input.flagId } });
  if (!flag || accessRefusal(input.actor, { areaCode: flag.areaCode }) !== null) return { ok: false, code: "not-found" };
  if (!OPEN_STATES.includes(flag.state)) return { ok: false, code: "closed" };
  const today = calendarDateInChina(input.now);
  const visitDue = () => {
    const cp = compiledOn(flag.packId, today);
    const id = cp?.def.procedure.monitoringVisit;
    // A pack without a visit period gives none. Past the years with a holiday notice the count is
    // provisional (lib/calendar): a due date for a visit is still better given than refused.
    return cp && id ? countWorkingDays(today, scalar(cp, id).toNumber()).date : null;
  };
  let state: string = flag.state;
  let due: string | null = flag.visitDue;
  let sent = false;
  let linkState: "not-started" | "referred" | "granted" | "declined" = "not-started";
  const act = input.action;
  if (act.type === "visit") {
    state = "visit";
    due = visitDue();
  } else if (act.type === "invite") {
    const person = await db.person.findUniqueOrThrow({ where: { id: flag.personId } });
    if (person.phoneEncrypted) {
      const card = readFlagCard(flag.cardEncrypted);
      const script = await inviteScript(db, person);
      const link = input.siteUrl.replace(/\/$/, "") + invitationPath(script, flag.packId, fenToYuan(card.layers.total).toFixed(2));
      await input.sms.send({ to: decryptField(person.phoneEncrypted), template: `monitoring-invite.${script}`, params: { link } });
      state = "invited";
      sent = true;
      linkState = "referred";
    } else {
      state = "visit";
      due = visitDue();
    }
  } else if (act.type === "helped") {
    state = "helped";
    linkState = "granted";
  } else {
    state = "dismissed";
    linkState = "declined";
  }
  await db.$transaction(async (tx) => {
    await tx.monitoringFlag.update({
      where: { id: flag.id },
      data: { state, visitDue: due, dismissReason: act.type === "dismiss" ? act.reason : null, updatedAt: input.now },
    });
    await tx.helpLink.updateMany({ where: { kind: "monitoring-flag", refId: flag.id }, data: { state: linkState } });
    await recordAudit(tx, {
      actorType: "staff",
      actorId: input.actor.id,
      action: `monitoring.flag.${act.type}`,
      target: flag.id,
      reason: act.type === "dismiss" ? act.reason : sent ? "sms" : null,
      at: input.now,
    });
  });
  return { ok: true, state, ...(due ? { visitDue: due } : {}), ...(act.type === "invite" ? { sent } : {}) };
}

/** Dismissals per rule and reason in the actor's area (to tune thresholds). */
export async function dismissalCounts(db: PrismaClient, areaCode: string): Promise<{ ruleId: string; reason: string; count: number }[]> {
  const rows = await db.monitoringFlag.groupBy({ by: ["ruleId", "dismissReason"], where: { areaCode, state: "dismissed" }, _count: { _all: true } });
  return rows.map((r) => ({ ruleId: r.ruleId, reason: r.dismissReason ?? "other", count: r._count._all })).sort((a, b) => b.count - a.count);
}

export interface RuleDismissals {
  packId: string;
  ruleId: string;
  /** Flags of the rule so far (any state), so a share can be read. */
  flags: number;
  dismissed: number;
  reasons: { reason: string; count: number }[];
}

/**
 * Per rule of the actor's area: how many flags it raised and why caseworkers dismissed them, most
 * dismissed first (a rule whose flags are mostly dismissed as "income above the limit" may have its
 * threshold set too low). Null for an actor who reaches no single area.
 */
export async function dismissalsByRule(db: PrismaClient, actor: Actor): Promise<RuleDismissals[] | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "area") return null;
  const [all, dismissed] = await Promise.all([
    db.monitoringFlag.groupBy({ by: ["packId", "ruleId"], where: { areaCode: reach.areaCode }, _count: { _all: true } }),
    db.monitoringFlag.groupBy({ by: ["packId", "ruleId", "dismissReason"], where: { areaCode: reach.areaCode, state: "dismissed" }, _count: { _all: true } }),
  ]);
  const rules = all.map((r) => ({ packId: r.packId, ruleId: r.ruleId, flags: r._count._all, dismissed: 0, reasons: [] as { reason: string; count: number }[] }));
  for (const d of dismissed) {
    const rule = rules.find((r) => r.packId === d.packId && r.ruleId === d.ruleId);
    if (!rule) continue;
    rule.dismissed += d._count._all;
    rule.reasons.push({ reason: d.dismissReason ?? "other", count: d._count._all });
  }
  for (const r of rules) r.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return rules.sort((a, b) => b.dismissed - a.dismissed || a.ruleId.localeCompare(b.ruleId));
}
