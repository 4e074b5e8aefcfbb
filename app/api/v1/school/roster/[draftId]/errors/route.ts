import { formPostLocale } from "@/lib/http/form-post";
import { authorizeStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { apiError } from "@/lib/http/api-error";
import { getT } from "@/lib/i18n/server";
import { loadRosterDraft } from "@/lib/schools/roster-drafts";
import { rosterErrorFile } from "@/lib/schools/roster-error-file";
import { previewRosterImport } from "@/lib/schools/roster-import";
import { describeProblem, wizardMapping } from "@/lib/schools/roster-wizard";
import { schoolContextFor } from "@/lib/schools/school-context";

/** GET ?lng=…&headerRow=…&col_*=…&mode=…: the draft's rows with problems as a CSV, problems in words. */
export async function GET(request: Request, { params }: { params: Promise<{ draftId: string }> }): Promise<Response> {
  const auth = await authorizeStaff(SCHOOL_ROLES);
  if (!auth.ok) return auth.response;
  const ctx = await schoolContextFor(auth.user.actor);
  const { draftId } = await params;
  const draft = ctx && /^[a-z0-9]{10,40}$/.test(draftId) ? await loadRosterDraft(ctx.db, { id: draftId, schoolId: ctx.schoolId, staffId: auth.user.id, now: ctx.now }) : null;
  if (!ctx || !draft) return apiError(404, "not-found");
  const url = new URL(request.url);
  const lng = formPostLocale(url);
  const t = getT(lng, "school");
  const { mapping } = await wizardMapping(ctx.db, ctx.schoolId, draft.rows, Object.fromEntries(url.searchParams));
  if (!mapping) return apiError(422, "invalid-request");
  const preview = await previewRosterImport(ctx.db, { schoolId: ctx.schoolId, rows: draft.rows, mapping, mode: url.searchParams.get("mode") === "add" ? "add" : "full", today: ctx.today });
  const csv = rosterErrorFile(draft.rows[mapping.headerRow] ?? [], preview.rows, (p, row) => describeProblem(t, p, row), { row: t("import.errorFile.row"), problems: t("import.errorFile.problems") });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="roster-errors.csv"; filename*=UTF-8''${encodeURIComponent(t("import.errorFile.problems"))}.csv`,
      "Cache-Control": "no-store",
    },
  });
}
