"use server";

import { redirectWithinSite } from "@/lib/http/redirect";
import { z } from "zod";
import { citizenAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { handInDocuments, rememberScript } from "@/lib/applications/service";

const handIn = citizenAction({
  args: z.object({ applicationId: z.string().min(1).max(40) }),
  returnTo: (lng, { applicationId }) => `/${lng}/progress/${applicationId}`,
  input: () => z.object({}),
  errors: { ns: "console", prefix: "errors" },
  run: async ({ lng, user }, _input, { applicationId }) => {
    const ctx = await serviceContext({ notify: true });
    await rememberScript(ctx, user.id, lng);
    return handInDocuments(ctx, user.id, applicationId);
  },
});

/** 补正 handed in (or documents completed after 先行救助): the owed types that now have an upload. */
export async function handInDocumentsAction(lng: string, applicationId: string, form: FormData): Promise<void> {
  const result = await handIn(lng, { applicationId }, form);
  const back = `/${lng}/progress/${applicationId}`;
  if (!result.ok) redirectWithinSite(back);
  if (!result.data.ok && result.data.code === "not-found") redirectWithinSite(`/${lng}/progress`);
  redirectWithinSite(result.data.ok ? `${back}?done=1` : `${back}?error=${result.data.code}`);
}
