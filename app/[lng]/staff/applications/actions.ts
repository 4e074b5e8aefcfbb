"use server";

import { headers } from "next/headers";
import { redirectWithinSite } from "@/lib/http/redirect";
import { performStaffAction } from "@/lib/applications/service";
import { parseStaffAction } from "@/lib/applications/staff-forms";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestNow } from "@/lib/config/demo-clock";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { getSmsSender } from "@/lib/sms";

/** One staff action from the detail page: authorise from the session (never the form), parse, run, report back. */
export async function staffActionAction(lngArg: string, applicationId: string, type: string, form: FormData): Promise<void> {
  // The arguments come from the client as they were sent: a tampered script name must not shape the redirect.
  const lng = isLocale(lngArg) ? lngArg : defaultLocale;
  const user = await getSessionUser();
  if (user?.kind !== "staff") redirectWithinSite(`/${lng}/staff/login`);
  const db = getDb();
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { area: { select: { policyPackId: true } } } });
  const action = parseStaffAction(type, form, app?.area?.policyPackId ?? null);
  const back = `/${lng}/staff/applications/${applicationId}`;
  if (!action) redirectWithinSite(`${back}?error=unknown-action`);
  const now = await requestNow();
  const result = await performStaffAction(
    { db, sms: getSmsSender({ db }), now: () => now },
    { id: user.id, role: user.role, areaCode: user.areaCode ?? null },
    applicationId,
    action,
    { ip: getClientIp(await headers()) },
  );
  redirectWithinSite(result.ok ? `${back}?done=${type}` : `${back}?error=${result.code}&action=${type}`);
}
