import { PageFrame } from "@/components/shell/page-frame";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { frameTexts } from "@/lib/i18n/frame";
import { formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { runSimulator, simulatorArea, simulatorQuerySchema } from "@/lib/monitoring/simulator";
import { MONITORING_MEASURES, measureKey, monitoringRulesOn, ruleNameKey } from "@/lib/policy/monitoring-rules";
import { t as policyText } from "@/lib/policy/messages";

/** 阈值模拟: a proposed threshold over a past year of the area's data, before anyone switches it on. */
export default async function SimulatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/staff/monitoring/simulator`, MONITORING_ROLES);
  const t = getT(lng, "staff");
  const ctx = await serviceContext();
  const area = await simulatorArea(ctx.db, user.actor);
  const now = ctx.now ? ctx.now() : new Date();
  const lastYear = now.getUTCFullYear() - (now.getUTCMonth() < 1 ? 1 : 0);
  const packRules = area ? monitoringRulesOn(area.policyPackId, `${query.year ?? lastYear}-12-31`) : [];
  const asked = query.rule !== undefined;
  const parsed = asked ? simulatorQuerySchema.safeParse(query) : null;
  const answer = area && parsed?.success ? await runSimulator(ctx.db, user.actor, area.code, area.policyPackId, parsed.data, now) : null;
  const first = packRules[0];
  const money = (s: string) => formatMoney(s, lng);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("monitoring.simulator.title")}>
      <p className="mb-4 px-1">{t("monitoring.simulator.intro")}</p>
      {!area || packRules.length === 0 ? (
        <p className="rounded-xl bg-cell p-4">{t("monitoring.noArea")}</p>
      ) : (
        <>
          <form method="get" className="mb-4 space-y-2 rounded-xl bg-cell p-3" data-testid="simulator-form">
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.simulator.year")}</span>
              <input name="year" inputMode="numeric" defaultValue={query.year ?? String(lastYear)} className="tap-target w-full rounded-lg border border-line bg-white px-3" />
            </label>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.simulator.rule")}</span>
              <select name="rule" defaultValue={query.rule ?? first.id} className="tap-target w-full rounded-lg border border-line bg-white px-3">
                {packRules.map((r) => (
                  <option key={r.id} value={r.id}>
                    {policyText(lng, ruleNameKey(area.policyPackId, r.id))}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.simulator.threshold")}</span>
              <input name="threshold" inputMode="decimal" defaultValue={query.threshold ?? first.threshold.value.toFixed(2)} className="tap-target w-full rounded-lg border border-line bg-white px-3" data-testid="simulator-threshold" />
            </label>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.simulator.measure")}</span>
              <select name="measure" defaultValue={query.measure ?? first.measure} className="tap-target w-full rounded-lg border border-line bg-white px-3">
                {MONITORING_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {policyText(lng, measureKey(m))}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="excludeAssisted" value="1" defaultChecked={query.excludeAssisted === "1"} className="h-5 w-5" />
              {t("monitoring.simulator.excludeAssisted")}
            </label>
            <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="simulator-run">
              {t("monitoring.simulator.run")}
            </button>
          </form>
          {parsed && !parsed.success ? (
            <p role="alert" className="rounded-xl bg-cell p-3 text-danger">
              {t("monitoring.simulator.invalid")}
            </p>
          ) : null}
          {answer ? (
            <section className="space-y-3" data-testid="simulator-result">
              <p className="rounded-xl bg-cell p-3 font-semibold" data-testid="simulator-total">
                {t("monitoring.simulator.total", { people: answer.total.people, amount: money(answer.total.amountYuan), excess: money(answer.total.excessYuan) })}
              </p>
              <p className="px-1 text-sm text-ink-muted">{t("monitoring.simulator.people", { count: answer.people })}</p>
              <table className="w-full text-sm">
                <caption className="text-left font-semibold">{t("monitoring.simulator.resultRules")}</caption>
                <thead>
                  <tr>
                    <th className="text-left">{t("monitoring.simulator.rule")}</th>
                    <th className="text-right">{t("monitoring.simulator.flagged")}</th>
                    <th className="text-right">{t("monitoring.simulator.excluded")}</th>
                    <th className="text-right">{t("monitoring.simulator.amount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.rules.map((r) => (
                    <tr key={r.ruleId}>
                      <td>{policyText(lng, ruleNameKey(area.policyPackId, r.ruleId))}</td>
                      <td className="text-right">{r.flagged}</td>
                      <td className="text-right">{r.excluded}</td>
                      <td className="text-right">{money(r.amountYuan)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="w-full text-sm">
                <caption className="text-left font-semibold">{t("monitoring.simulator.resultGroups")}</caption>
                <thead>
                  <tr>
                    <th className="text-left">{t("monitoring.simulator.group")}</th>
                    <th className="text-right">{t("monitoring.simulator.flagged")}</th>
                    <th className="text-right">{t("monitoring.simulator.amount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.groups.map((g) => (
                    <tr key={g.group}>
                      <td>{t(`monitoring.category.${g.group}`, { defaultValue: t(`monitoring.scheme.${g.group}`) })}</td>
                      <td className="text-right">{g.people}</td>
                      <td className="text-right">{money(g.amountYuan)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      )}
    </PageFrame>
  );
}
