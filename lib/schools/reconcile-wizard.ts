import { loadRosterDraft, deleteRosterDraft } from "@/lib/schools/roster-drafts";
import { commitReconciliation, planReconciliation, type ConflictDecision, type ReconcileCommitResult, type ReconcilePlan } from "@/lib/schools/reconcile";
import { RETURN_FIELDS, returnMappingSchema, suggestReturnMapping, type ReturnField, type ReturnMapping } from "@/lib/schools/return-file";
import type { SchoolContext } from "@/lib/schools/school-context";

/**
 * The reconciliation's steps around lib/schools/reconcile.ts: the uploaded return file is kept as an
 * encrypted draft like a roster (lib/schools/roster-drafts.ts, same reader, same limits), its columns
 * come from the query string when the admin changed them, else suggested by heading.
 */
export type ReturnWizardMapping = { mapping: ReturnMapping | null; headerRow: number; columns: Partial<Record<ReturnField, number>> };

export function returnWizardMapping(rows: string[][], query: Record<string, string | undefined>): ReturnWizardMapping {
  const suggested = suggestReturnMapping(rows);
  const chosen = query.headerRow !== undefined;
  const headerRow = chosen ? Number(query.headerRow) : suggested.headerRow;
  const columns: Partial<Record<ReturnField, number>> = chosen ? {} : { ...suggested.columns };
  if (chosen) {
    for (const field of RETURN_FIELDS) {
      const value = query[`col_${field}`];
      if (value !== undefined && value !== "") columns[field] = Number(value);
    }
  }
  const parsed = returnMappingSchema.safeParse({ headerRow, columns });
  return { mapping: parsed.success && headerRow < rows.length ? parsed.data : null, headerRow: Number.isInteger(headerRow) ? headerRow : 0, columns };
}

export function returnMappingQuery(headerRow: number, columns: Partial<Record<ReturnField, number>>): URLSearchParams {
  const q = new URLSearchParams({ headerRow: String(headerRow) });
  for (const field of RETURN_FIELDS) if (columns[field] !== undefined) q.set(`col_${field}`, String(columns[field]));
  return q;
}

export type ReconcilePreview =
  | { ok: true; fileName: string; rows: string[][]; wizard: ReturnWizardMapping; plan: ReconcilePlan | null }
  | { ok: false; error: "expired" };

export async function previewReconcileDraft(ctx: SchoolContext, input: { draftId: string; staffId: string; query: Record<string, string | undefined> }): Promise<ReconcilePreview> {
  const draft = await loadRosterDraft(ctx.db, { id: input.draftId, schoolId: ctx.schoolId, staffId: input.staffId, now: ctx.now });
  if (!draft) return { ok: false, error: "expired" };
  const wizard = returnWizardMapping(draft.rows, input.query);
  const plan = wizard.mapping ? await planReconciliation(ctx.db, { schoolId: ctx.schoolId, rows: draft.rows, mapping: wizard.mapping }) : null;
  return { ok: true, fileName: draft.fileName, rows: draft.rows, wizard, plan };
}

/** Commit with the admin's decisions; the plan is recomputed inside the transaction. The draft is deleted once committed. */
export async function commitReconcileDraft(
  ctx: SchoolContext,
  input: { draftId: string; staffId: string; query: Record<string, string | undefined>; decisions: Record<string, ConflictDecision> },
): Promise<ReconcileCommitResult | { ok: false; error: "expired" | "mapping" }> {
  const draft = await loadRosterDraft(ctx.db, { id: input.draftId, schoolId: ctx.schoolId, staffId: input.staffId, now: ctx.now });
  if (!draft) return { ok: false, error: "expired" };
  const { mapping } = returnWizardMapping(draft.rows, input.query);
  if (!mapping) return { ok: false, error: "mapping" };
  const result = await commitReconciliation(
    ctx.db,
    { schoolId: ctx.schoolId, rows: draft.rows, mapping, decisions: input.decisions, fileName: draft.fileName },
    { actorId: input.staffId, now: ctx.now },
  );
  if (result.ok) await deleteRosterDraft(ctx.db, draft.id);
  return result;
}
