"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { redirectWithinSite } from "@/lib/http/redirect";
import { commitReconcileDraft } from "@/lib/schools/reconcile-wizard";
import { schoolContextFor } from "@/lib/schools/school-context";

const DECISION_PREFIX = "decision_";

const commit = staffAction(SCHOOL_ROLES, {
  args: z.object({ draftId: z.string().regex(/^[a-z0-9]{10,40}$/), query: z.string().max(300) }),
  returnTo: (lng, { draftId, query }) => `/${lng}/school/reconcile/${draftId}?${query}`,
  // One radio group per conflict, named decision_<pupil id>; the commit checks them against the plan it recomputes.
  fromForm: (form) => Object.fromEntries([...form.entries()].filter(([k, v]) => k.startsWith(DECISION_PREFIX) && typeof v === "string").map(([k, v]) => [k, v as string])),
  input: () =>
    z
      .record(z.string().regex(/^decision_[a-z0-9-]{10,40}$/), z.enum(["keep", "take"]))
      .transform((form) => ({ decisions: Object.fromEntries(Object.entries(form).map(([k, v]) => [k.slice(DECISION_PREFIX.length), v])) })),
  errors: { ns: "school", prefix: "errors" },
  run: async ({ user }, { decisions }, { draftId, query }) => {
    const ctx = await schoolContextFor(user.actor);
    if (!ctx) notFound();
    return commitReconcileDraft(ctx, { draftId, staffId: user.id, query: Object.fromEntries(new URLSearchParams(query)), decisions });
  },
});

/** Reconciliation, step 3: commit with the admin's decision for each conflict. */
export async function commitReconcileAction(lng: string, args: { draftId: string; query: string }, form: FormData): Promise<void> {
  const result = await commit(lng, args, form);
  if (!result.ok) redirectWithinSite(`/${lng}/school/reconcile/${args.draftId}?${args.query}&error=invalid`);
  const outcome = result.data;
  if (!outcome.ok) {
    if (outcome.error === "expired") redirectWithinSite(`/${lng}/school/reconcile?error=expired`);
    const missing = outcome.error === "decision-missing" ? `&missing=${outcome.missing}` : "";
    redirectWithinSite(`/${lng}/school/reconcile/${args.draftId}?${args.query}&error=${outcome.error}${missing}`);
  }
  const c = outcome.counts;
  redirectWithinSite(`/${lng}/school/unpaid?reconciled=1&confirmed=${c.confirm}&taken=${c.taken}&kept=${c.kept}&unknown=${c.unknown}`);
}
