import Papa from "papaparse";
import { serviceContext } from "@/lib/applications/context";
import { authorizeStaff } from "@/lib/auth/guards";
import { apiError } from "@/lib/http/api-error";
import { isLocale } from "@/lib/i18n/settings";
import { getT } from "@/lib/i18n/server";
import { backstopsOf } from "@/lib/monitoring/backstop";
import { ruleNameKey } from "@/lib/policy/monitoring-rules";
import { t as policyText } from "@/lib/policy/messages";
import { householdTable, householdView } from "@/lib/monitoring/queries";
import { MONITORING_ROLES } from "@/lib/auth/roles";

/** 结果一张表: the household's help chain as one CSV table (UTF-8 with BOM, opens in Excel), audited like the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  const locale = isLocale(lng) ? lng : "zh-Hans";
  const auth = await authorizeStaff(MONITORING_ROLES);
  if (!auth.ok) return auth.response;
  const ctx = await serviceContext();
  const view = await householdView(ctx.db, auth.user.actor, id.slice(0, 40), ctx.now ? ctx.now() : new Date());
  if (!view) return apiError(404, "not-found", { locale });
  const t = getT(locale, "staff");
  const rows = householdTable(view, await backstopsOf(ctx.db, view.id), (key, vars) => t(`monitoring.${key}`, vars), (packId, ruleId) => policyText(locale, ruleNameKey(packId, ruleId)));
  const csv = "\uFEFF" + Papa.unparse(rows);
  const name = encodeURIComponent(`${t("monitoring.export.file")}-${view.registryKey ?? view.id}.csv`);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${name}`, "cache-control": "no-store" },
  });
}
