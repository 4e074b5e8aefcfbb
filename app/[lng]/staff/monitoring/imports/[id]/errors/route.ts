import Papa from "papaparse";
import { serviceContext } from "@/lib/applications/context";
import { authorizeStaff } from "@/lib/auth/guards";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { apiError } from "@/lib/http/api-error";
import { isLocale } from "@/lib/i18n/settings";
import { getT } from "@/lib/i18n/server";
import { batchErrorTable } from "@/lib/monitoring/imports";

/** A batch's per-row error report as CSV (UTF-8 with BOM, opens in Excel): lines, errors and columns, no personal values. Audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  const locale = isLocale(lng) ? lng : "zh-Hans";
  const auth = await authorizeStaff(MONITORING_ROLES);
  if (!auth.ok) return auth.response;
  const ctx = await serviceContext();
  const t = getT(locale, "staff");
  const table = await batchErrorTable(ctx.db, auth.user.actor, id.slice(0, 40), ctx.now ? ctx.now() : new Date(), (key, vars) => t(`monitoring.imports.${key}`, vars));
  if (!table) return apiError(404, "not-found", { locale });
  const name = encodeURIComponent(`${t("monitoring.imports.report.file")}-${table.fileName.replace(/\.[^.]+$/, "")}.csv`);
  return new Response("\uFEFF" + Papa.unparse(table.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${name}`, "cache-control": "no-store" },
  });
}
