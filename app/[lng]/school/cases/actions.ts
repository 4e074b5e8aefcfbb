"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { readEnv } from "@/lib/config/env";
import { redirectWithinSite } from "@/lib/http/redirect";
import { getSmsSender } from "@/lib/sms";
import { schoolContextFor } from "@/lib/schools/school-context";
import { inviteParent, itemUpdateSchema, openCase, openCaseSchema, updateCaseItem } from "@/lib/schools/zhuanban/cases";

const caseId = z.string().regex(/^[a-z0-9]{10,40}$/);
const errors = { ns: "zhuanban", prefix: "errors" } as const;

/** The first refused field and its code, for the page's one alert (the form comes back empty: it holds an ID number). */
function firstError(codes: Record<string, string>): string {
  const [field, code] = Object.entries(codes)[0] ?? ["", "invalid"];
  return `error=${encodeURIComponent(code)}&field=${encodeURIComponent(field)}`;
}

const open = staffAction(SCHOOL_ROLES, {
  args: z.object({}),
  returnTo: (lng) => `/${lng}/school/cases`,
  input: () => openCaseSchema,
  errors,
  run: async ({ user }, input) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return openCase(ctx.db, user.actor, input, ctx.now);
  },
});

export async function openCaseAction(lng: string, form: FormData): Promise<void> {
  const result = await open(lng, {}, form);
  if (!result.ok) redirectWithinSite(`/${lng}/school/cases?${firstError(result.codes)}`);
  if (!result.data.ok) redirectWithinSite(`/${lng}/school/cases?error=${result.data.code}&field=idNumber`);
  redirectWithinSite(`/${lng}/school/cases/${result.data.caseId}`);
}

const update = staffAction(SCHOOL_ROLES, {
  args: z.object({ caseId, itemId: z.string().regex(/^[a-z-]{2,40}$/) }),
  returnTo: (lng, { caseId }) => `/${lng}/school/cases/${caseId}`,
  input: () => itemUpdateSchema,
  errors,
  run: async ({ user }, input, { caseId, itemId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return updateCaseItem(ctx.db, user.actor, { caseId, itemId, update: input }, ctx.now);
  },
});

export async function updateCaseItemAction(lng: string, args: { caseId: string; itemId: string }, form: FormData): Promise<void> {
  const result = await update(lng, args, form);
  const back = `/${lng}/school/cases/${args.caseId}`;
  if (!result.ok) redirectWithinSite(`${back}?${firstError(result.codes)}&item=${args.itemId}#item-${args.itemId}`);
  redirectWithinSite(result.data.ok ? `${back}?saved=${args.itemId}#item-${args.itemId}` : `${back}?error=${result.data.code}`);
}

const invite = staffAction(SCHOOL_ROLES, {
  args: z.object({ caseId }),
  returnTo: (lng, { caseId }) => `/${lng}/school/cases/${caseId}`,
  input: () => z.object({}),
  errors,
  run: async ({ user, lng }, _input, { caseId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    const env = readEnv();
    return inviteParent(ctx.db, user.actor, { caseId, sms: getSmsSender({ db: ctx.db, env }), siteUrl: env.NEXTAUTH_URL ?? "http://localhost:3000", lng }, ctx.now);
  },
});

export async function inviteParentAction(lng: string, args: { caseId: string }, form: FormData): Promise<void> {
  const result = await invite(lng, args, form);
  const back = `/${lng}/school/cases/${args.caseId}`;
  if (!result.ok) redirectWithinSite(`${back}?error=invalid`);
  redirectWithinSite(result.data.ok ? `${back}?invited=1` : `${back}?error=${result.data.code}`);
}
