import { rollbackBatchAction } from "@/app/[lng]/staff/monitoring/actions";
import { PageFrame } from "@/components/shell/page-frame";
import { Link } from "@/components/ui/link";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { areaMapping, importArea, listBatches } from "@/lib/monitoring/imports";
import { MAX_XLSX_ROWS } from "@/lib/monitoring/read-xlsx";
import { OPTIONAL_FIELDS, SETTLEMENT_FIELDS } from "@/lib/monitoring/settlement";

const DONE = ["committed", "unchanged", "rolled-back"];
const ERRORS = ["too-large", "no-file", "form", "mapping", "period", "format", "no-area", "refused", "not-found", "already-rolled-back", "flags-worked-on", "invalid"];

/** The month before `today` (ISO), the usual period of a monthly extract. */
function lastMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` };
}

/** 政策找人 imports: upload a settlement extract or a household registry, see the area's batches, roll one back. */
export default async function MonitoringImportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/staff/monitoring/imports`, MONITORING_ROLES);
  const t = getT(lng, "staff");
  const ctx = await serviceContext();
  const now = ctx.now ? ctx.now() : new Date();
  const area = await importArea(ctx.db, user.actor);
  const batches = area ? ((await listBatches(ctx.db, user.actor)) ?? []) : [];
  const mapping = area ? await areaMapping(ctx.db, area.code) : {};
  const period = lastMonth(calendarDateInChina(now));
  const done = DONE.includes(query.done ?? "") ? query.done! : null;
  const error = ERRORS.includes(query.error ?? "") ? query.error! : query.error ? "invalid" : null;
  const refused = batches.find((b) => b.id === query.refused && b.state === "refused") ?? null;
  const flags = /^\d+$/.test(query.flags ?? "") ? query.flags! : null;
  const input = "tap-target w-full rounded-lg border border-line bg-white px-3";
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("monitoring.imports.title")}>
      <p className="mb-3 px-1">{t("monitoring.imports.intro")}</p>
      <Link href={`/${lng}/staff/monitoring`} className="tap-target mb-3 inline-flex items-center font-semibold text-brand">
        {t("monitoring.queueLink")}
      </Link>
      {done ? (
        <p role="status" className="mb-3 rounded-xl bg-cell p-3" data-testid="import-done">
          {t(`monitoring.imports.done.${done}`)}
          {done === "committed" && flags !== null ? t("monitoring.imports.done.flags", { count: Number(flags) }) : ""}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-3 rounded-xl bg-cell p-3 text-danger" data-testid="import-error">
          {t(`monitoring.imports.errors.${error}`)}
        </p>
      ) : null}
      {refused ? (
        <section role="alert" className="mb-3 rounded-xl bg-cell p-3" data-testid="import-refused">
          <p className="mb-1 font-semibold text-danger">{refused.problem ? t(`monitoring.imports.problem.${refused.problem.code}`, { limit: formatNumber(MAX_XLSX_ROWS, lng), missing: refused.problem.code === "header" ? refused.problem.missing.join("、") : "" }) : t("monitoring.imports.refused", { lines: refused.lines, rejected: refused.rejected })}</p>
          <p className="mb-2 text-sm">{t("monitoring.imports.refusedHint")}</p>
          <a href={`/${lng}/staff/monitoring/imports/${refused.id}/errors`} className="tap-target inline-flex items-center font-semibold text-brand" data-testid="refused-report">
            {t("monitoring.imports.downloadReport")}
          </a>
        </section>
      ) : null}
      {!area ? (
        <p className="rounded-xl bg-cell p-4">{t("monitoring.noArea")}</p>
      ) : (
        <>
          <form method="post" action={`/api/v1/monitoring/imports?lng=${lng}`} encType="multipart/form-data" className="mb-5 space-y-3 rounded-xl bg-cell p-3" data-testid="import-form">
            <h2 className="font-semibold">{t("monitoring.imports.uploadHeading")}</h2>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.imports.kind")}</span>
              <select name="kind" defaultValue="settlements" className={input} data-testid="import-kind">
                <option value="settlements">{t("monitoring.imports.kinds.settlements")}</option>
                <option value="registry">{t("monitoring.imports.kinds.registry")}</option>
              </select>
            </label>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.imports.file")}</span>
              <input type="file" name="file" required accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="block w-full py-2" data-testid="import-file" />
              <span className="mt-1 block text-sm text-ink-muted">{t("monitoring.imports.fileHint", { rows: formatNumber(MAX_XLSX_ROWS, lng) })}</span>
            </label>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("monitoring.imports.settlementsOnly")}</legend>
              <div className="grid grid-cols-2 gap-2">
                <label className="block">
                  <span className="mb-1 block text-sm">{t("monitoring.imports.from")}</span>
                  <input type="date" name="from" defaultValue={period.from} className={input} data-testid="import-from" />
                </label>
                <label className="block">
                  <span className="mb-1 block text-sm">{t("monitoring.imports.to")}</span>
                  <input type="date" name="to" defaultValue={period.to} className={input} data-testid="import-to" />
                </label>
              </div>
              <label className="block">
                <span className="mb-1 block text-sm">{t("monitoring.imports.encoding")}</span>
                <select name="encoding" defaultValue="auto" className={input}>
                  {(["auto", "utf-8", "gbk"] as const).map((e) => (
                    <option key={e} value={e}>
                      {t(`monitoring.imports.encodings.${e}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="skipBadRows" value="1" className="h-5 w-5" data-testid="import-skip" />
                {t("monitoring.imports.skipBadRows")}
              </label>
              <details className="rounded-lg bg-white p-2" data-testid="import-mapping">
                <summary className="tap-target flex cursor-pointer items-center font-medium">{t("monitoring.imports.mapping")}</summary>
                <p className="mb-2 text-sm text-ink-muted">{t("monitoring.imports.mappingHint")}</p>
                <div className="space-y-2">
                  {SETTLEMENT_FIELDS.map((f) => (
                    <label key={f} className="block">
                      <span className="mb-1 block text-sm">
                        {t(`monitoring.imports.field.${f}`)}
                        {OPTIONAL_FIELDS.has(f) ? t("monitoring.imports.optional") : ""}
                      </span>
                      <input name={`map.${f}`} defaultValue={mapping[f] ?? ""} required={!OPTIONAL_FIELDS.has(f)} maxLength={60} className={input} data-testid={`map-${f}`} />
                    </label>
                  ))}
                </div>
              </details>
            </fieldset>
            <button type="submit" className="tap-target w-full rounded-lg bg-brand font-semibold text-white" data-testid="import-submit">
              {t("monitoring.imports.submit")}
            </button>
          </form>
          <h2 className="mb-2 px-1 font-semibold">{t("monitoring.imports.batchesHeading")}</h2>
          {batches.length ? (
            <ul className="space-y-3" data-testid="batch-list">
              {batches.map((b) => (
                <li key={b.id} id={`batch-${b.id}`} className="rounded-xl bg-cell p-3" data-testid="batch">
                  <div className="mb-1 flex items-baseline justify-between gap-2">
                    <p className="font-medium break-all" data-testid="batch-file">
                      {b.fileName}
                    </p>
                    <span className="shrink-0 rounded bg-white px-2 text-sm" data-testid="batch-state">
                      {t(`monitoring.imports.state.${b.state}`)}
                    </span>
                  </div>
                  <p className="text-sm">
                    {t(`monitoring.imports.kinds.${b.kind}`)}
                    {b.periodFrom && b.periodTo ? ` · ${b.periodFrom} – ${b.periodTo}` : ""} · {formatDateTime(b.createdAt, lng)}
                  </p>
                  <p className="text-sm" data-testid="batch-counts">
                    {t("monitoring.imports.counts", { lines: b.lines, accepted: b.accepted, rejected: b.rejected, flags: b.flags })}
                  </p>
                  {b.hasErrors ? (
                    <a href={`/${lng}/staff/monitoring/imports/${b.id}/errors`} className="tap-target inline-flex items-center text-sm font-semibold text-brand" data-testid="batch-report">
                      {t("monitoring.imports.downloadReport")}
                    </a>
                  ) : null}
                  {b.state === "committed" ? (
                    b.workedFlags > 0 ? (
                      <p className="mt-1 text-sm text-ink-muted">{t("monitoring.imports.cannotRollback", { count: b.workedFlags })}</p>
                    ) : (
                      <form action={rollbackBatchAction.bind(null, lng, b.id)} className="mt-2">
                        <button type="submit" className="tap-target w-full rounded-lg border border-danger px-3 font-semibold text-danger" data-testid="batch-rollback">
                          {t("monitoring.imports.rollback")}
                        </button>
                      </form>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-xl bg-cell p-4">{t("monitoring.imports.noBatches")}</p>
          )}
        </>
      )}
    </PageFrame>
  );
}
