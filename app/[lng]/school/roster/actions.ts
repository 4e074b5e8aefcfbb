"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { redirectWithinSite } from "@/lib/http/redirect";
import { changePupilStatus } from "@/lib/schools/pupils";
import { schoolContextFor } from "@/lib/schools/school-context";

const statusForm = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verified") }),
  z.object({ kind: z.literal("reset") }),
  z.object({ kind: z.literal("not-enrolling"), reason: z.string().max(200).default("") }),
  z.object({ kind: z.literal("enrolled-elsewhere"), note: z.string().max(200).default("") }),
]);

const change = staffAction(SCHOOL_ROLES, {
  args: z.object({ pupilId: z.string().regex(/^[A-Za-z0-9-]{10,40}$/), back: z.string().max(300) }),
  returnTo: (lng) => `/${lng}/school/roster`,
  input: () => statusForm,
  errors: { ns: "school", prefix: "errors" },
  run: async ({ user }, event, { pupilId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return changePupilStatus(ctx.db, { schoolId: ctx.schoolId, pupilId, event }, { actorType: "staff", actorId: user.id, now: ctx.now });
  },
});

/** A status change from the roster page: the school from the session, the rule from lib/schools/statuses.ts, audited. */
export async function changeStatusAction(lng: string, args: { pupilId: string; back: string }, form: FormData): Promise<void> {
  const result = await change(lng, args, form);
  const back = args.back.startsWith(`/${lng}/school/roster`) ? args.back : `/${lng}/school/roster`;
  const join = back.includes("?") ? "&" : "?";
  if (!result.ok) redirectWithinSite(`${back}${join}error=not-allowed`);
  redirectWithinSite(result.data.ok ? `${back}${join}changed=1` : `${back}${join}error=${result.data.reason}`);
}
