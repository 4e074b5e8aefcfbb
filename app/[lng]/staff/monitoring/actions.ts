"use server";

import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { readEnv } from "@/lib/config/env";
import { redirectWithinSite } from "@/lib/http/redirect";
import { approveBackstop, proposeBackstop } from "@/lib/monitoring/backstop";
import { flagActionSchema, performFlagAction } from "@/lib/monitoring/flag-actions";
import { rollbackForActor } from "@/lib/monitoring/imports";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { getSmsSender } from "@/lib/sms";

const perform = staffAction(MONITORING_ROLES, {
  args: z.object({ flagId: z.string().min(1).max(40), type: z.enum(["visit", "invite", "helped", "dismiss"]) }),
  returnTo: (lng) => `/${lng}/staff/monitoring`,
  input: () => flagActionSchema,
  fromForm: (form, { type }) => ({ type, reason: String(form.get("reason") ?? "") }),
  errors: { ns: "staff", prefix: "monitoring.action.errors" },
  run: async ({ user }, action, { flagId }) => {
    const ctx = await serviceContext();
    const env = readEnv();
    return performFlagAction(ctx.db, {
      actor: user.actor,
      flagId,
      action,
      now: ctx.now ? ctx.now() : new Date(),
      sms: getSmsSender({ db: ctx.db, env }),
      siteUrl: env.NEXTAUTH_URL ?? "http://localhost:3000",
    });
  },
});

/** One action on a flag from the queue: authorised from the session, parsed, run, reported back on the queue. */
export async function flagActionAction(lng: string, flagId: string, type: string, form: FormData): Promise<void> {
  const result = await perform(lng, { flagId, type }, form);
  const back = `/${lng}/staff/monitoring`;
  if (!result.ok) redirectWithinSite(`${back}?error=${Object.values(result.codes)[0] ?? "invalid"}#flag-${flagId}`);
  const r = result.data;
  if (!r.ok) redirectWithinSite(`${back}?error=${r.code}#flag-${flagId}`);
  const done = r.state === "visit" && type === "invite" ? "visitNoPhone" : type;
  redirectWithinSite(`${back}?done=${done}${r.visitDue ? `&due=${r.visitDue}` : ""}#flag-${flagId}`);
}

const backstopStep = staffAction(MONITORING_ROLES, {
  args: z.object({ id: z.string().min(1).max(40), householdId: z.string().min(1).max(40), step: z.enum(["propose", "approve"]) }),
  returnTo: (lng, { householdId }) => `/${lng}/staff/monitoring/households/${householdId}`,
  input: () => z.object({}),
  errors: { ns: "staff", prefix: "monitoring.action.errors" },
  run: async ({ user }, _input, { id, step }) => {
    const ctx = await serviceContext();
    const now = ctx.now ? ctx.now() : new Date();
    // The roles are checked again here: only a caseworker proposes, only an approver approves.
    if (step === "propose") return user.role === "caseworker" ? proposeBackstop(ctx.db, { actor: user.actor, id, now }) : ({ ok: false, code: "wrong-state" } as const);
    return user.role === "approver" ? approveBackstop(ctx.db, { actor: user.actor, id, now }) : ({ ok: false, code: "wrong-state" } as const);
  },
});

/** Propose (caseworker) or approve (approver, never the proposer) a household's annual 兜底. */
export async function backstopAction(lng: string, id: string, householdId: string, step: string, form: FormData): Promise<void> {
  const result = await backstopStep(lng, { id, householdId, step }, form);
  const back = `/${lng}/staff/monitoring/households/${householdId}`;
  const code = !result.ok ? "invalid" : !result.data.ok ? result.data.code : null;
  redirectWithinSite(code ? `${back}?error=${code}` : `${back}?done=${step}`);
}

const rollbackStep = staffAction(MONITORING_ROLES, {
  args: z.object({ batchId: z.string().min(1).max(40) }),
  returnTo: (lng) => `/${lng}/staff/monitoring/imports`,
  input: () => z.object({}),
  errors: { ns: "staff", prefix: "monitoring.imports.errors" },
  run: async ({ user }, _input, { batchId }) => {
    const ctx = await serviceContext();
    return rollbackForActor(ctx.db, user.actor, batchId, ctx.now ? ctx.now() : new Date());
  },
});

/** Roll a batch of the staff member's area back whole (lib/monitoring/imports.ts says who may, and why). */
export async function rollbackBatchAction(lng: string, batchId: string, form: FormData): Promise<void> {
  const result = await rollbackStep(lng, { batchId }, form);
  const back = `/${lng}/staff/monitoring/imports`;
  const code = !result.ok ? "invalid" : !result.data.ok ? result.data.reason : null;
  redirectWithinSite(code ? `${back}?error=${code}#batch-${batchId}` : `${back}?done=rolled-back#batch-${batchId}`);
}
