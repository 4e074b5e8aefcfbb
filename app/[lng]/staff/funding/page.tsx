import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { reachOf } from "@/lib/auth/access";
import { requireStaff } from "@/lib/auth/guards";
import { FUNDING_LIST_ROLES } from "@/lib/auth/roles";
import { serviceContext } from "@/lib/applications/context";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { listFundingImports } from "@/lib/schools/funding";

const ERRORS = ["too-large", "wrong-type", "old-xls", "unreadable", "empty", "too-many-rows", "too-many-columns", "formulas", "encoding", "mixed-encoding", "no-file", "columns", "rows", "no-area"];
const PROBLEM_CODES = ["id-number", "tier", "date", "date-order", "duplicate"];
const COUNT_KEYS = ["rows", "added", "updated", "unchanged", "matched", "conflicts"] as const;

/** The area caseworker's 资助参保 list: upload (plain HTML form, no JavaScript needed) and the last imports, counts only. */
export default async function FundingListPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const user = await requireStaff(lng, `/${lng}/staff/funding`, FUNDING_LIST_ROLES);
  const query = await searchParams;
  const t = getT(lng, "school");
  const reach = reachOf(user.actor);
  const error = query.error ? (ERRORS.includes(query.error) ? query.error : "unreadable") : null;
  const problems = (query.problems ?? "")
    .split(",")
    .map((p) => /^(\d{1,6}):([a-z-]{1,20})$/.exec(p))
    .filter((m): m is RegExpExecArray => m !== null && PROBLEM_CODES.includes(m[2]))
    .map((m) => ({ line: Number(m[1]), code: m[2] }));
  const total = Number(query.total ?? problems.length) || problems.length;
  const count = (key: (typeof COUNT_KEYS)[number]) => Number(query[key] ?? 0) || 0;
  const history = reach.scope === "area" ? await listFundingImports((await serviceContext()).db, reach.areaCode) : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("funding.title")} backHref={`/${lng}/staff`}>
      <p className="mb-2 px-1">{t("funding.intro")}</p>
      <p className="mb-4 px-1 text-sm text-ink-muted" data-testid="funding-part-note">
        {t("funding.partMatched")}
      </p>
      {query.imported ? (
        <div role="status" className="mb-4 rounded-xl border-2 border-brand bg-cell px-4 py-3" data-testid="funding-imported">
          <p className="font-semibold">{t("funding.imported", { rows: count("rows"), added: count("added"), updated: count("updated"), unchanged: count("unchanged") })}</p>
          <p data-testid="funding-matched">{t("funding.matched", { count: count("matched") })}</p>
          {count("conflicts") > 0 ? <p className="text-danger">{t("funding.conflicts", { count: count("conflicts") })}</p> : null}
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="mb-4 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="funding-error">
          <p>{t(`funding.errors.${error}`, { total })}</p>
          {problems.length ? (
            <ul className="mt-2 list-disc pl-5" data-testid="funding-problems">
              {problems.map((p) => (
                <li key={`${p.line}-${p.code}`} data-testid="funding-problem">
                  {t("funding.problemLine", { line: p.line, problem: t(`funding.problem.${p.code}`) })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {history === null ? (
        <Notice>{t("funding.errors.no-area")}</Notice>
      ) : (
        <>
          <form method="post" action={`/api/v1/staff/funding?lng=${lng}`} encType="multipart/form-data" className="mb-4 space-y-4 rounded-xl bg-cell p-4">
            <label className="block">
              <span className="mb-1 block font-medium">{t("funding.file")}</span>
              <input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="funding-hint" className="block w-full" data-testid="funding-file" />
              <span id="funding-hint" className="mt-1 block text-sm text-ink-muted">
                {t("funding.fileHint")}
              </span>
            </label>
            <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="funding-upload">
              {t("funding.upload")}
            </button>
          </form>
          <p className="mb-2 px-1 text-sm text-ink-muted" data-testid="funding-entries">
            {t("funding.entries", { count: history.entries })}
          </p>
          <h2 className="mb-2 px-1 text-sm font-medium text-ink-muted">{t("funding.history")}</h2>
          {history.imports.length ? (
            <ul className="divide-y divide-line rounded-xl bg-cell" data-testid="funding-history">
              {history.imports.map((i) => (
                <li key={i.id} className="px-4 py-3">
                  <div className="flex justify-between gap-2">
                    <span className="font-medium break-all">{i.fileName}</span>
                    <span className="text-sm text-ink-muted">{formatDateTime(i.createdAt, lng)}</span>
                  </div>
                  <div className="text-sm">
                    {t("funding.imported", { rows: i.counts.rows, added: i.counts.added, updated: i.counts.updated, unchanged: i.counts.unchanged })} {t("funding.matched", { count: i.counts.matched })}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <Notice>{t("funding.noImports")}</Notice>
          )}
        </>
      )}
    </PageFrame>
  );
}
