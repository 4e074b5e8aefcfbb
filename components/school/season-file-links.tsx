import type { TFunction } from "i18next";

/** Downloads of the roster in the area's export layout (/api/v1/school/export): the server decides what each viewer's file shows. */
export function ExportLinks({ t }: { t: TFunction }) {
  return (
    <div className="mt-3 grid grid-cols-2 gap-2" data-testid="export-links">
      <a href="/api/v1/school/export?format=xlsx" download className="tap-target flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="export-xlsx">
        {t("export.xlsx")}
      </a>
      <a href="/api/v1/school/export?format=csv" download className="tap-target flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="export-csv">
        {t("export.csv")}
      </a>
    </div>
  );
}

/** The school admin's season files: the 税务 / 医保 return file in, the unpaid list, the export out. */
export function SeasonFileLinks({ lng, t }: { lng: string; t: TFunction }) {
  return (
    <>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <a href={`/${lng}/school/reconcile`} className="tap-target flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="to-reconcile">
          {t("dashboard.toReconcile")}
        </a>
        <a href={`/${lng}/school/unpaid`} className="tap-target flex items-center justify-center rounded-lg border border-brand font-semibold text-brand" data-testid="to-unpaid">
          {t("dashboard.toUnpaid")}
        </a>
      </div>
      <ExportLinks t={t} />
      <p className="mt-1 text-sm text-ink-muted">{t("export.hint")}</p>
    </>
  );
}
