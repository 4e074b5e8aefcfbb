import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { redirectWithinSite } from "@/lib/http/redirect";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { previewReconcileDraft, returnMappingQuery } from "@/lib/schools/reconcile-wizard";
import { RETURN_FIELDS } from "@/lib/schools/return-file";
import { schoolContextFor } from "@/lib/schools/school-context";
import { commitReconcileAction } from "@/app/[lng]/school/reconcile/actions";

/** Rows listed per section on the page (unknown IDs and bad rows can be many). */
const SHOWN_ROWS = 100;
const HEADER_CHOICES = 10;
const ERRORS = ["decision-missing", "nothing-to-do", "mapping", "invalid"];

/** Reconciliation, step 2: the columns, what the file would do, a decision for each conflict, the commit. */
export default async function ReconcilePreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; draftId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { draftId } = await params;
  if (!/^[a-z0-9]{10,40}$/.test(draftId)) notFound();
  const user = await requireStaff(lng, `/${lng}/school/reconcile/${draftId}`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const query = await searchParams;
  const preview = await previewReconcileDraft(ctx, { draftId, staffId: user.id, query });
  if (!preview.ok) redirectWithinSite(`/${lng}/school/reconcile?error=expired`);
  const t = getT(lng, "school");
  const { wizard, plan } = preview;
  const header = preview.rows[wizard.headerRow] ?? [];
  const mappingQuery = returnMappingQuery(wizard.headerRow, wizard.columns).toString();
  const commit = commitReconcileAction.bind(null, lng, { draftId, query: mappingQuery });
  const error = query.error && ERRORS.includes(query.error) ? query.error : null;
  const conflicts = plan ? plan.matched.filter((m) => m.outcome === "conflict") : [];
  const fundedUnpaid = plan ? plan.matched.filter((m) => m.outcome === "funded-unpaid") : [];
  const fileWord = (status: "paid" | "unpaid", date: string | null) => (date ? t("reconcile.fileSaysOn", { status: t(`reconcile.file.${status}`), date }) : t(`reconcile.file.${status}`));

  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("reconcile.heading")} backHref={`/${lng}/school/reconcile`}>
      <p className="mb-3 text-sm text-ink-muted">{preview.fileName}</p>
      {error ? (
        <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="reconcile-commit-error">
          {t(`reconcile.error.${error}`, { count: Number(query.missing ?? 0) })}
        </div>
      ) : null}
      <details className="mb-4 rounded-xl bg-cell p-4" open={!plan}>
        <summary className="font-medium">{t("reconcile.columns")}</summary>
        <form method="get" className="mt-3 space-y-3" data-testid="return-mapping-form">
          <label className="block">
            <span className="mb-1 block font-medium">{t("import.headerRow")}</span>
            <select name="headerRow" defaultValue={String(wizard.headerRow)} className="tap-target w-full rounded-lg border border-line bg-white px-3">
              {preview.rows.slice(0, HEADER_CHOICES).map((row, i) => (
                <option key={i} value={i}>
                  {t("import.row", { n: i + 1, text: row.filter(Boolean).join(" · ").slice(0, 60) })}
                </option>
              ))}
            </select>
          </label>
          {RETURN_FIELDS.map((field) => (
            <label key={field} className="grid grid-cols-[7rem_1fr] items-center gap-2">
              <span>
                {t(`reconcile.field.${field}`)}
                {field !== "date" ? <span className="text-sm text-ink-muted">（{t("import.required")}）</span> : null}
              </span>
              <select name={`col_${field}`} defaultValue={wizard.columns[field] === undefined ? "" : String(wizard.columns[field])} className="tap-target w-full rounded-lg border border-line bg-white px-3" data-testid={`return-col-${field}`}>
                <option value="">{t("import.columnNone")}</option>
                {header.map((cell, i) => (
                  <option key={i} value={i}>
                    {cell || `#${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand">
            {t("import.applyMapping")}
          </button>
        </form>
      </details>

      {!plan ? (
        <div role="alert" className="rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="return-mapping-error">
          {t("reconcile.mappingError")}
        </div>
      ) : (
        <>
          <section className="mb-4 space-y-1 rounded-xl bg-cell p-4" data-testid="reconcile-summary">
            <p>{t("reconcile.summary", { rows: plan.counts.rows, confirm: plan.counts.confirm, unchanged: plan.counts.unchanged, conflict: plan.counts.conflict })}</p>
            {plan.counts.unknown > 0 ? <p>{t("reconcile.unknownCount", { count: plan.counts.unknown })}</p> : null}
            {plan.counts.problems > 0 ? <p className="text-danger">{t("reconcile.problemCount", { count: plan.counts.problems })}</p> : null}
          </section>

          <form action={commit}>
            {conflicts.length > 0 ? (
              <section className="mb-4" aria-labelledby="conflicts-heading">
                <h2 id="conflicts-heading" className="mb-1 text-lg font-semibold">
                  {t("reconcile.conflictsHeading", { count: conflicts.length })}
                </h2>
                <p className="mb-2 text-sm text-ink-muted">{t("reconcile.conflictsHint")}</p>
                <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="conflicts">
                  {conflicts.map((c) => (
                    <li key={c.pupilId} className="px-4 py-3" data-testid="conflict">
                      <div className="flex items-baseline justify-between gap-2">
                        <span className="font-medium">{c.nameMasked}</span>
                        <span className="text-sm text-ink-muted">
                          {c.grade} {c.className} · {t("import.rowLabel", { n: c.rowNumber })}
                        </span>
                      </div>
                      <div className="text-sm text-ink-muted">{c.idNumberMasked}</div>
                      <p className="mt-1">{t("reconcile.conflictLine", { recorded: t(`status.${c.current}`), file: fileWord(c.fileStatus, c.date) })}</p>
                      <fieldset className="mt-1">
                        <legend className="sr-only">{t("reconcile.decide")}</legend>
                        <label className="flex items-start gap-2 py-1">
                          <input type="radio" name={`decision_${c.pupilId}`} value="keep" required className="mt-1" data-testid="decide-keep" />
                          <span>{t("reconcile.keep", { status: t(`status.${c.current}`) })}</span>
                        </label>
                        <label className="flex items-start gap-2 py-1">
                          <input type="radio" name={`decision_${c.pupilId}`} value="take" className="mt-1" data-testid="decide-take" />
                          <span>{t("reconcile.take", { status: t(`status.${c.fileStatus === "paid" ? "enrolled" : "unpaid"}`) })}</span>
                        </label>
                      </fieldset>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {plan.counts.confirm > 0 || conflicts.length > 0 ? (
              <div className="mb-4 rounded-xl bg-cell p-4">
                <p className="mb-2 text-sm text-ink-muted">{t("reconcile.commitHint")}</p>
                <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="reconcile-commit">
                  {t("reconcile.commit", { count: plan.counts.confirm })}
                </button>
              </div>
            ) : (
              <p className="mb-4 rounded-xl bg-cell p-4" data-testid="reconcile-nothing">
                {t("reconcile.nothing")}
              </p>
            )}
          </form>

          {fundedUnpaid.length > 0 ? (
            <section className="mb-4" data-testid="funded-unpaid">
              <h2 className="mb-1 text-lg font-semibold">{t("reconcile.fundedUnpaidHeading", { count: fundedUnpaid.length })}</h2>
              <p className="mb-2 text-sm text-ink-muted">{t("reconcile.fundedUnpaidHint")}</p>
              <ul className="divide-y divide-line rounded-xl bg-cell">
                {fundedUnpaid.map((c) => (
                  <li key={c.pupilId} className="flex items-baseline justify-between gap-2 px-4 py-2">
                    <span>{c.nameMasked}</span>
                    <span className="text-sm text-ink-muted">
                      {c.grade} {c.className}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {plan.unknown.length > 0 ? (
            <section className="mb-4" data-testid="unknown-rows">
              <h2 className="mb-1 text-lg font-semibold">{t("reconcile.unknownHeading", { count: plan.unknown.length })}</h2>
              <p className="mb-2 text-sm text-ink-muted">{t("reconcile.unknownHint")}</p>
              <ul className="divide-y divide-line rounded-xl bg-cell">
                {plan.unknown.slice(0, SHOWN_ROWS).map((u) => (
                  <li key={u.rowNumber} className="px-4 py-2" data-testid="unknown-row">
                    {t("import.rowLabel", { n: u.rowNumber })}：{u.idNumberMasked}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {plan.problems.length > 0 ? (
            <section className="mb-4" data-testid="return-problems">
              <h2 className="mb-1 text-lg font-semibold">{t("reconcile.problemsHeading", { count: plan.problems.length })}</h2>
              <ul className="divide-y divide-line rounded-xl bg-cell">
                {plan.problems.slice(0, SHOWN_ROWS).map((p) => (
                  <li key={p.rowNumber} className="px-4 py-2 text-danger">
                    {t("import.rowLabel", { n: p.rowNumber })}：{t(`reconcile.problem.${p.problem}`, { other: p.otherRow })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </PageFrame>
  );
}
