import { PageFrame } from "@/components/shell/page-frame";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";

const FILE_ERRORS = ["too-large", "wrong-type", "old-xls", "unreadable", "empty", "too-many-rows", "too-many-columns", "formulas", "encoding", "mixed-encoding", "no-file"];

/** Step 1: choose the file (plain HTML form to /api/v1/school/roster; works without JavaScript). */
export default async function SchoolImportPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  await requireStaff(lng, `/${lng}/school/import`, SCHOOL_ROLES);
  const query = await searchParams;
  const t = getT(lng, "school");
  const error = query.error && FILE_ERRORS.includes(query.error) ? query.error : query.error === "expired" ? "expired" : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("import.heading")} backHref={`/${lng}/school`}>
      {error ? (
        <div role="alert" className="mb-4 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="import-error">
          {error === "expired" ? t("import.expired") : t(`import.fileError.${error}`)}
        </div>
      ) : null}
      <p className="mb-4">{t("import.intro")}</p>
      <form method="post" action={`/api/v1/school/roster?lng=${lng}`} encType="multipart/form-data" className="space-y-4 rounded-xl bg-cell p-4">
        <label className="block">
          <span className="mb-1 block font-medium">{t("import.file")}</span>
          <input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="file-hint" className="block w-full" data-testid="roster-file" />
          <span id="file-hint" className="mt-1 block text-sm text-ink-muted">
            {t("import.fileHint")}
          </span>
        </label>
        <fieldset>
          <legend className="mb-1 font-medium">{t("import.mode")}</legend>
          <label className="flex items-start gap-2 py-1">
            <input type="radio" name="mode" value="full" defaultChecked className="mt-1" data-testid="mode-full" />
            <span>{t("import.modeFull")}</span>
          </label>
          <label className="flex items-start gap-2 py-1">
            <input type="radio" name="mode" value="add" className="mt-1" data-testid="mode-add" />
            <span>{t("import.modeAdd")}</span>
          </label>
        </fieldset>
        <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="upload">
          {t("import.upload")}
        </button>
      </form>
    </PageFrame>
  );
}
