"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { performStaffAction } from "@/lib/applications/service";
import { parseStaffAction } from "@/lib/applications/staff-forms";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestNow } from "@/lib/config/demo-clock";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getSmsSender } from "@/lib/sms";

/** One staff action from the detail page: authorise from the session (never the form), parse, run, report back. */
export async function staffActionAction(lng: string, applicationId: string, type: string, form: FormData): Promise<void> {
  const user = await getSessionUser();
  if (user?.kind !== "staff") redirect(`/${lng}/staff/login`);
  const db = getDb();
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { area: { select: { policyPackId: true } } } });
  const action = parseStaffAction(type, form, app?.area?.policyPackId ?? null);
  const back = `/${lng}/staff/applications/${applicationId}`;
  if (!action) redirect(`${back}?error=unknown-action`);
  const now = await requestNow();
  const result = await performStaffAction(
    { db, sms: getSmsSender({ db }), now: () => now },
    { id: user.id, role: user.role, areaCode: user.areaCode ?? null },
    applicationId,
    action,
    { ip: getClientIp(await headers()) },
  );
  redirect(result.ok ? `${back}?done=${type}` : `${back}?error=${result.code}&action=${type}`);
}
