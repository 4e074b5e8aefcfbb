import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accessRefusal, type Actor } from "@/lib/auth/access";
import { calendarDateInChina, countWorkingDays } from "@/lib/calendar/working-days";
import { decryptField } from "@/lib/crypto/field-encryption";
import { recordAudit } from "@/lib/db/audit";
import { fenToYuan } from "@/lib/monitoring/fen";
import { readFlagCard } from "@/lib/monitoring/service";
import { compiledOn, scalar } from "@/lib/policy/registry";
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

export async function performFlagAction(
  db: PrismaClient,
  input: { actor: Actor; flagId: string; action: FlagAction; now: Date; sms: SmsSender; siteUrl: string; lng: string },
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
      const link = input.siteUrl.replace(/\/$/, "") + invitationPath(input.lng, flag.packId, fenToYuan(card.layers.total).toFixed(2));
      await input.sms.send({ to: decryptField(person.phoneEncrypted), template: "monitoring-invite", params: { link } });
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
