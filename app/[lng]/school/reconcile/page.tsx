import { PageFrame } from "@/components/shell/page-frame";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

const FILE_ERRORS = ["too-large", "wrong-type", "old-xls", "unreadable", "empty", "too-many-rows", "too-many-columns", "formulas", "encoding", "mixed-encoding", "no-file"];

/** Reconciliation, step 1: the 税务 / 医保 return file (plain HTML form to /api/v1/school/reconcile). */
export default async function ReconcileUploadPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  await requireStaff(lng, `/${lng}/school/reconcile`, SCHOOL_ROLES);
  const query = await searchParams;
  const t = getT(lng, "school");
  const error = query.error && FILE_ERRORS.includes(query.error) ? query.error : query.error === "expired" ? "expired" : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("reconcile.heading")} backHref={`/${lng}/school`}>
      {error ? (
        <div role="alert" className="mb-4 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="reconcile-error">
          {error === "expired" ? t("import.expired") : t(`import.fileError.${error}`)}
        </div>
      ) : null}
      <p className="mb-4">{t("reconcile.intro")}</p>
      <form method="post" action={`/api/v1/school/reconcile?lng=${lng}`} encType="multipart/form-data" className="space-y-4 rounded-xl bg-cell p-4">
        <label className="block">
          <span className="mb-1 block font-medium">{t("reconcile.fileLabel")}</span>
          <input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="return-file-hint" className="block w-full" data-testid="return-file" />
          <span id="return-file-hint" className="mt-1 block text-sm text-ink-muted">
            {t("reconcile.fileHint")}
          </span>
        </label>
        <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="return-upload">
          {t("import.upload")}
        </button>
      </form>
    </PageFrame>
  );
}
