import { matchFundingForSchool } from "@/lib/schools/funding";
import { commitRosterImport, type RosterPreview } from "@/lib/schools/roster-import";
import { deleteRosterDraft, loadRosterDraft } from "@/lib/schools/roster-drafts";
import { wizardMapping } from "@/lib/schools/roster-wizard";
import { seasonFor } from "@/lib/schools/season";
import type { SchoolContext } from "@/lib/schools/school-context";

/** Step 3 of the wizard: the draft, the mapping from the preview's query, one transaction; the draft is deleted after. */
export async function commitRosterDraft(
  ctx: SchoolContext,
  input: { draftId: string; staffId: string; query: Record<string, string | undefined> },
): Promise<{ ok: true; counts: RosterPreview["counts"] } | { ok: false; error: "expired" | "mapping" | "nothing-to-import" }> {
  const draft = await loadRosterDraft(ctx.db, { id: input.draftId, schoolId: ctx.schoolId, staffId: input.staffId, now: ctx.now });
  if (!draft) return { ok: false, error: "expired" };
  const { mapping } = await wizardMapping(ctx.db, ctx.schoolId, draft.rows, input.query);
  if (!mapping) return { ok: false, error: "mapping" };
  // The season the roster is for; an area whose pack states none enrols for next year.
  const coverYear = seasonFor(ctx.policyPackId, ctx.today)?.coverYear ?? Number(ctx.today.slice(0, 4)) + 1;
  const result = await commitRosterImport(
    ctx.db,
    { schoolId: ctx.schoolId, rows: draft.rows, mapping, mode: input.query.mode === "add" ? "add" : "full", today: ctx.today },
    { actorId: input.staffId, coverYear, now: ctx.now },
  );
  if (!result.ok) return { ok: false, error: result.error };
  // Pupils new to the roster may already be on the area's 资助参保 list.
  await ctx.db.$transaction((tx) => matchFundingForSchool(tx, { schoolId: ctx.schoolId, areaCode: ctx.areaCode }, { actorId: input.staffId, now: ctx.now }), { timeout: 60_000 });
  await deleteRosterDraft(ctx.db, draft.id);
  return { ok: true, counts: result.preview.counts };
}
