"use server";

import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { readEnv } from "@/lib/config/env";
import { redirectWithinSite } from "@/lib/http/redirect";
import { flagActionSchema, performFlagAction } from "@/lib/monitoring/flag-actions";
import { MONITORING_ROLES } from "@/lib/monitoring/queries";
import { getSmsSender } from "@/lib/sms";

const perform = staffAction(MONITORING_ROLES, {
  args: z.object({ flagId: z.string().min(1).max(40), type: z.enum(["visit", "invite", "helped", "dismiss"]) }),
  returnTo: (lng) => `/${lng}/staff/monitoring`,
  input: () => flagActionSchema,
  fromForm: (form, { type }) => ({ type, reason: String(form.get("reason") ?? "") }),
  errors: { ns: "staff", prefix: "monitoring.action.errors" },
  run: async ({ user, lng }, action, { flagId }) => {
    const ctx = await serviceContext();
    const env = readEnv();
    return performFlagAction(ctx.db, {
      actor: user.actor,
      flagId,
      action,
      now: ctx.now ? ctx.now() : new Date(),
      sms: getSmsSender({ db: ctx.db, env }),
      siteUrl: env.NEXTAUTH_URL ?? "http://localhost:3000",
      lng,
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
