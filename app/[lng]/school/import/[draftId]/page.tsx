import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { redirectWithinSite } from "@/lib/http/redirect";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { REQUIRED_ROSTER_FIELDS, ROSTER_FIELDS } from "@/lib/schools/roster-columns";
import { loadRosterDraft } from "@/lib/schools/roster-drafts";
import { previewRosterImport } from "@/lib/schools/roster-import";
import { rowHasErrors } from "@/lib/schools/roster-validate";
import { describeProblem, wizardMapping } from "@/lib/schools/roster-wizard";
import { schoolContextFor } from "@/lib/schools/school-context";
import { commitRosterAction } from "@/app/[lng]/school/import/actions";

/** Rows with problems listed on the page; the error file has them all. */
const SHOWN_PROBLEM_ROWS = 100;
/** Rows offered as the header row (titles and notes rarely take more). */
const HEADER_CHOICES = 10;

/** Step 2: the header row and columns (suggested, changeable), then the preview of every row and the commit. */
export default async function RosterDraftPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; draftId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { draftId } = await params;
  if (!/^[a-z0-9]{10,40}$/.test(draftId)) notFound();
  const user = await requireStaff(lng, `/${lng}/school/import/${draftId}`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const draft = await loadRosterDraft(ctx.db, { id: draftId, schoolId: ctx.schoolId, staffId: user.id, now: ctx.now });
  if (!draft) redirectWithinSite(`/${lng}/school/import?error=expired`);
  const query = await searchParams;
  const mode = query.mode === "add" ? "add" : "full";
  const t = getT(lng, "school");
  const { mapping, headerRow, columns } = await wizardMapping(ctx.db, ctx.schoolId, draft.rows, query);
  const header = draft.rows[headerRow] ?? [];
  const preview = mapping ? await previewRosterImport(ctx.db, { schoolId: ctx.schoolId, rows: draft.rows, mapping, mode, today: ctx.today }) : null;
  const mappingQuery = new URLSearchParams({ mode, headerRow: String(headerRow) });
  for (const field of ROSTER_FIELDS) if (columns[field] !== undefined) mappingQuery.set(`col_${field}`, String(columns[field]));
  const problemRows = preview ? preview.rows.filter((r) => r.problems.length > 0) : [];
  const importable = preview ? preview.rows.filter((r) => !rowHasErrors(r)).length : 0;
  const commit = commitRosterAction.bind(null, lng, { draftId, query: mappingQuery.toString() });

  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("import.heading")} backHref={`/${lng}/school/import`}>
      <p className="mb-3 text-sm text-ink-muted" data-testid="draft-file">
        {draft.fileName}
      </p>
      <form method="get" className="mb-4 space-y-3 rounded-xl bg-cell p-4" data-testid="mapping-form">
        <input type="hidden" name="mode" value={mode} />
        <label className="block">
          <span className="mb-1 block font-medium">{t("import.headerRow")}</span>
          <select name="headerRow" defaultValue={String(headerRow)} aria-describedby="header-row-hint" className="tap-target w-full rounded-lg border border-line bg-white px-3" data-testid="header-row">
            {draft.rows.slice(0, HEADER_CHOICES).map((row, i) => (
              <option key={i} value={i}>
                {t("import.row", { n: i + 1, text: row.filter(Boolean).join(" · ").slice(0, 60) })}
              </option>
            ))}
          </select>
          <span id="header-row-hint" className="mt-1 block text-sm text-ink-muted">
            {t("import.headerRowHint")}
          </span>
        </label>
        <fieldset>
          <legend className="mb-1 font-medium">{t("import.columns")}</legend>
          {ROSTER_FIELDS.map((field) => (
            <label key={field} className="mb-2 grid grid-cols-[7rem_1fr] items-center gap-2">
              <span>
                {t(`import.field.${field}`)}
                {REQUIRED_ROSTER_FIELDS.includes(field) ? <span className="text-sm text-ink-muted">（{t("import.required")}）</span> : null}
              </span>
              <select name={`col_${field}`} defaultValue={columns[field] === undefined ? "" : String(columns[field])} className="tap-target w-full rounded-lg border border-line bg-white px-3" data-testid={`col-${field}`}>
                <option value="">{t("import.columnNone")}</option>
                {header.map((cell, i) => (
                  <option key={i} value={i}>
                    {cell || `#${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="apply-mapping">
          {t("import.applyMapping")}
        </button>
      </form>

      {!preview ? (
        <div role="alert" className="rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="mapping-error">
          {t("import.fileError.mapping")}
        </div>
      ) : (
        <section aria-labelledby="preview-heading" data-testid="preview">
          <h2 id="preview-heading" className="mb-2 text-lg font-semibold">
            {t("import.previewHeading")}
          </h2>
          {query.error === "nothing-to-import" ? (
            <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger">
              {t("import.nothing")}
            </div>
          ) : null}
          <div className="mb-3 space-y-1 rounded-xl bg-cell p-4">
            <p data-testid="preview-summary">{t("import.summary", { total: preview.counts.total, ok: importable, errors: preview.counts.errors })}</p>
            <p data-testid="preview-moves">
              {t("import.moves", {
                renew: preview.counts.renew,
                new: preview.counts.new,
                transferIn: preview.counts["transfer-in"],
                elsewhere: preview.counts["already-elsewhere"],
                leaving: preview.counts.leaving,
              })}
            </p>
            {preview.counts.warnings > 0 ? <p>{t("import.warnings", { count: preview.counts.warnings })}</p> : null}
          </div>
          {problemRows.length > 0 ? (
            <>
              <h3 className="mb-2 px-1 text-sm font-medium text-ink-muted">{t("import.problemsHeading")}</h3>
              <ul className="mb-2 divide-y divide-line rounded-xl bg-cell" data-testid="problem-rows">
                {problemRows.slice(0, SHOWN_PROBLEM_ROWS).map((row) => (
                  <li key={row.rowNumber} className="px-4 py-2" data-testid="problem-row">
                    <span className="font-medium">{t("import.rowLabel", { n: row.rowNumber })}</span>
                    <span className={rowHasErrors(row) ? "text-danger" : "text-ink-muted"}>：{row.problems.map((p) => describeProblem(t, p, row)).join("；")}</span>
                  </li>
                ))}
              </ul>
              {problemRows.length > SHOWN_PROBLEM_ROWS ? <p className="mb-2 text-sm text-ink-muted">{t("import.problemsMore", { shown: SHOWN_PROBLEM_ROWS })}</p> : null}
              <a href={`/api/v1/school/roster/${draftId}/errors?lng=${lng}&${mappingQuery.toString()}`} className="tap-target mb-4 flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="download-errors">
                {t("import.downloadErrors")}
              </a>
            </>
          ) : null}
          {importable > 0 || preview.counts.leaving > 0 ? (
            <form action={commit} className="rounded-xl bg-cell p-4">
              <p className="mb-2 text-sm text-ink-muted">{t("import.commitHint")}</p>
              <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="commit">
                {t("import.commit", { count: importable })}
              </button>
            </form>
          ) : (
            <p role="alert" className="rounded-xl bg-cell p-4 text-danger">
              {t("import.nothing")}
            </p>
          )}
        </section>
      )}
    </PageFrame>
  );
}
