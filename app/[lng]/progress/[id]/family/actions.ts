"use server";

import { z } from "zod";
import { citizenAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { addViewer, addViewerSchema, removeViewer } from "@/lib/applications/viewers";
import { redirectWithinSite } from "@/lib/http/redirect";

const ids = z.object({ applicationId: z.string().min(1).max(40) });

const add = citizenAction({
  args: ids,
  returnTo: (lng, { applicationId }) => `/${lng}/progress/${applicationId}/family`,
  input: () => addViewerSchema,
  errors: { ns: "apply", prefix: "family.errors" },
  run: async ({ lng, user, ip }, input, { applicationId }) => addViewer(await serviceContext({ notify: true }), user.id, applicationId, input, { script: lng, ip }),
});

/** The applicant shares the application's timeline with one family member (after ticking the confirmation). */
export async function addViewerAction(lng: string, args: { applicationId: string }, form: FormData): Promise<void> {
  const result = await add(lng, args, form);
  const back = `/${lng}/progress/${args.applicationId}/family`;
  if (!result.ok) redirectWithinSite(`${back}?error=${Object.values(result.codes)[0] ?? "invalid"}`);
  if (!result.data.ok) redirectWithinSite(result.data.code === "not-found" ? `/${lng}/progress` : `${back}?error=${result.data.code}`);
  redirectWithinSite(`${back}?${result.data.invited ? "added=1" : "added=no-sms"}`);
}

const remove = citizenAction({
  args: ids.extend({ viewerId: z.string().min(1).max(40) }),
  returnTo: (lng, { applicationId }) => `/${lng}/progress/${applicationId}/family`,
  input: () => z.object({}),
  errors: { ns: "apply", prefix: "family.errors" },
  run: async ({ user, ip }, _input, { applicationId, viewerId }) => removeViewer(await serviceContext(), user.id, applicationId, viewerId, { ip }),
});

/** The applicant ends the share: the family member loses access at once. */
export async function removeViewerAction(lng: string, args: { applicationId: string; viewerId: string }, form: FormData): Promise<void> {
  const result = await remove(lng, args, form);
  const back = `/${lng}/progress/${args.applicationId}/family`;
  redirectWithinSite(result.ok && result.data.ok ? `${back}?removed=1` : `${back}?error=invalid`);
}
