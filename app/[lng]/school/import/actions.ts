"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { redirectWithinSite } from "@/lib/http/redirect";
import { commitRosterDraft } from "@/lib/schools/roster-commit";
import { schoolContextFor } from "@/lib/schools/school-context";

const commit = staffAction(SCHOOL_ROLES, {
  args: z.object({ draftId: z.string().regex(/^[a-z0-9]{10,40}$/), query: z.string().max(500) }),
  returnTo: (lng, { draftId, query }) => `/${lng}/school/import/${draftId}?${query}`,
  input: () => z.object({}),
  errors: { ns: "school", prefix: "errors" },
  run: async ({ user }, _input, { draftId, query }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return commitRosterDraft(ctx, { draftId, staffId: user.id, query: Object.fromEntries(new URLSearchParams(query)) });
  },
});

/** Step 3: commit the draft with the mapping shown in the preview (recomputed on the server, never taken from the page). */
export async function commitRosterAction(lng: string, args: { draftId: string; query: string }, form: FormData): Promise<void> {
  const result = await commit(lng, args, form);
  if (!result.ok) redirectWithinSite(`/${lng}/school/import`);
  const outcome = result.data;
  if (!outcome.ok) {
    redirectWithinSite(outcome.error === "expired" ? `/${lng}/school/import?error=expired` : `/${lng}/school/import/${args.draftId}?${args.query}&error=${outcome.error}`);
  }
  const c = outcome.counts;
  redirectWithinSite(`/${lng}/school/roster?imported=1&renew=${c.renew}&new=${c.new}&transferIn=${c["transfer-in"]}&leaving=${c.leaving}`);
}
