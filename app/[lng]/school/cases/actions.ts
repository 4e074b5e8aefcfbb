"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { readEnv } from "@/lib/config/env";
import { redirectWithinSite } from "@/lib/http/redirect";
import { getSmsSender } from "@/lib/sms";
import { schoolContextFor } from "@/lib/schools/school-context";
import { closeCase, consentByCodeSchema, inviteParent, itemUpdateSchema, openCase, openCaseSchema, reopenCase, reopenSchema, updateCaseItem } from "@/lib/schools/zhuanban/cases";
import { confirmConsentCode, requestConsentCode, resendConsentCode } from "@/lib/schools/zhuanban/consent-code";

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

// ---------------------------------------------------------------- consent by the parent's one-time code

const codeContext = (db: Parameters<typeof requestConsentCode>[0], ip: string | undefined, now: Date) => ({ ip: ip ?? "unknown", now, sms: getSmsSender({ db, env: readEnv() }) });

const sendCode = staffAction(SCHOOL_ROLES, {
  args: z.object({}),
  returnTo: (lng) => `/${lng}/school/cases`,
  input: () => consentByCodeSchema,
  errors,
  run: async ({ user, ip }, input) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return requestConsentCode(ctx.db, user.actor, input, codeContext(ctx.db, ip, ctx.now));
  },
});

/** The form with "consent by code": the code goes to the roster's guardian phone, then the code page. */
export async function sendConsentCodeAction(lng: string, form: FormData): Promise<void> {
  const result = await sendCode(lng, {}, form);
  if (!result.ok) redirectWithinSite(`/${lng}/school/cases?${firstError(result.codes)}&by=code#by-code`);
  if (!result.data.ok) redirectWithinSite(`/${lng}/school/cases?error=${result.data.code}&field=idNumber&by=code#by-code`);
  redirectWithinSite(`/${lng}/school/cases/consent/${result.data.requestId}`);
}

const requestId = z.string().regex(/^[a-z0-9]{10,40}$/);

const confirm = staffAction(SCHOOL_ROLES, {
  args: z.object({ requestId }),
  returnTo: (lng, { requestId }) => `/${lng}/school/cases/consent/${requestId}`,
  input: () => z.object({ code: z.string().trim().regex(/^\d{6}$/, "code-format") }),
  errors,
  run: async ({ user, ip }, input, { requestId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return confirmConsentCode(ctx.db, user.actor, { requestId, code: input.code }, codeContext(ctx.db, ip, ctx.now));
  },
});

export async function confirmConsentCodeAction(lng: string, args: { requestId: string }, form: FormData): Promise<void> {
  const result = await confirm(lng, args, form);
  const back = `/${lng}/school/cases/consent/${args.requestId}`;
  if (!result.ok) redirectWithinSite(`${back}?${firstError(result.codes)}`);
  if (!result.data.ok) redirectWithinSite(`${back}?error=${result.data.code}`);
  redirectWithinSite(`/${lng}/school/cases/${result.data.caseId}?consented=code`);
}

const resend = staffAction(SCHOOL_ROLES, {
  args: z.object({ requestId }),
  returnTo: (lng, { requestId }) => `/${lng}/school/cases/consent/${requestId}`,
  input: () => z.object({}),
  errors,
  run: async ({ user, ip }, _input, { requestId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return resendConsentCode(ctx.db, user.actor, requestId, codeContext(ctx.db, ip, ctx.now));
  },
});

export async function resendConsentCodeAction(lng: string, args: { requestId: string }, form: FormData): Promise<void> {
  const result = await resend(lng, args, form);
  const back = `/${lng}/school/cases/consent/${args.requestId}`;
  if (!result.ok) redirectWithinSite(`${back}?error=invalid`);
  redirectWithinSite(result.data.ok ? `${back}?resent=1` : `${back}?error=${result.data.code}`);
}

// ---------------------------------------------------------------- closing and reopening

const close = staffAction(SCHOOL_ROLES, {
  args: z.object({ caseId }),
  returnTo: (lng, { caseId }) => `/${lng}/school/cases/${caseId}`,
  input: () => z.object({ confirmClose: z.union([z.literal("on"), z.literal("true")], { message: "close-confirm" }) }),
  errors,
  run: async ({ user }, _input, { caseId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return closeCase(ctx.db, user.actor, caseId, ctx.now);
  },
});

export async function closeCaseAction(lng: string, args: { caseId: string }, form: FormData): Promise<void> {
  const result = await close(lng, args, form);
  const back = `/${lng}/school/cases/${args.caseId}`;
  if (!result.ok) redirectWithinSite(`${back}?${firstError(result.codes)}#close`);
  redirectWithinSite(result.data.ok ? `${back}?closed=1` : `${back}?error=${result.data.code}`);
}

const reopen = staffAction(SCHOOL_ROLES, {
  args: z.object({ caseId }),
  returnTo: (lng, { caseId }) => `/${lng}/school/cases/${caseId}`,
  input: () => reopenSchema,
  errors,
  run: async ({ user }, input, { caseId }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return reopenCase(ctx.db, user.actor, { caseId, reason: input.reason }, ctx.now);
  },
});

export async function reopenCaseAction(lng: string, args: { caseId: string }, form: FormData): Promise<void> {
  const result = await reopen(lng, args, form);
  const back = `/${lng}/school/cases/${args.caseId}`;
  if (!result.ok) redirectWithinSite(`${back}?${firstError(result.codes)}#reopen`);
  redirectWithinSite(result.data.ok ? `${back}?reopened=1` : `${back}?error=${result.data.code}`);
}
