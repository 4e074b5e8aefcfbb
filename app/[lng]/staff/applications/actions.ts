"use server";

import { redirectWithinSite } from "@/lib/http/redirect";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { performStaffAction } from "@/lib/applications/service";
import { staffActionSchema } from "@/lib/applications/staff-forms";
import { CASE_ROLES } from "@/lib/auth/roles";

const perform = staffAction(CASE_ROLES, {
  args: z.object({ applicationId: z.string().min(1).max(40), type: z.string().max(40) }),
  returnTo: (lng, { applicationId }) => `/${lng}/staff/applications/${applicationId}`,
  input: ({ type }) => staffActionSchema(type),
  errors: { ns: "console", prefix: "errors" },
  run: async ({ user, ip }, action, { applicationId }) => performStaffAction(await serviceContext({ notify: true }), user, applicationId, action, { ip }),
});

/** One staff action from the detail page: authorised from the session (never the form), parsed, run, reported back. */
export async function staffActionAction(lng: string, applicationId: string, type: string, form: FormData): Promise<void> {
  const result = await perform(lng, { applicationId, type }, form);
  const back = `/${lng}/staff/applications/${applicationId}`;
  const error = !result.ok ? Object.values(result.codes)[0] : !result.data.ok ? result.data.code : null;
  redirectWithinSite(error ? `${back}?error=${error}&action=${type}` : `${back}?done=${type}`);
}
