import { Link } from "@/components/ui/link";
import { FlagActions } from "@/components/monitoring/flag-actions";
import { FlagCard } from "@/components/monitoring/flag-card";
import { PageFrame } from "@/components/shell/page-frame";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { frameTexts } from "@/lib/i18n/frame";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { pendingBackstops } from "@/lib/monitoring/backstop";
import { dismissalsByRule } from "@/lib/monitoring/flag-actions";
import { ruleNameKey } from "@/lib/policy/monitoring-rules";
import { t as policyText } from "@/lib/policy/messages";
import { formatMoney } from "@/lib/i18n/format";
import { FLAG_STATES, listFlags, type FlagState } from "@/lib/monitoring/queries";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { Pager } from "@/components/ui/pager";
import { pagerTexts } from "@/lib/i18n/labels";
import { pageHref, requestedPage } from "@/lib/paging/page";

/** 政策找人: the area's flag queue, for its caseworkers and approvers. */
export default async function MonitoringQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/staff/monitoring`, MONITORING_ROLES);
  const t = getT(lng, "staff");
  const state = (FLAG_STATES as readonly string[]).includes(query.state ?? "") ? (query.state as FlagState) : null;
  const { db } = await serviceContext();
  const flags = await listFlags(db, user.actor, { state, page: requestedPage(query.page) });
  const backstops = await pendingBackstops(db, user.actor);
  const dismissals = await dismissalsByRule(db, user.actor);
  const DONE = ["visit", "invite", "helped", "dismiss", "visitNoPhone"];
  const ERRORS = ["not-found", "closed", "invalid", "reason"];
  const done = DONE.includes(query.done ?? "") ? query.done! : null;
  const due = /^\d{4}-\d{2}-\d{2}$/.test(query.due ?? "") ? query.due! : "";
  const error = ERRORS.includes(query.error ?? "") ? query.error! : query.error ? "invalid" : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("monitoring.title")}>
      <p className="mb-4 px-1">{t("monitoring.intro")}</p>
      <nav className="mb-3 flex flex-wrap gap-x-5">
        <Link href={`/${lng}/staff/monitoring/simulator`} className="tap-target inline-flex items-center font-semibold text-brand" data-testid="simulator-link">
          {t("monitoring.simulatorLink")}
        </Link>
        <Link href={`/${lng}/staff/monitoring/imports`} className="tap-target inline-flex items-center font-semibold text-brand" data-testid="imports-link">
          {t("monitoring.imports.link")}
        </Link>
      </nav>
      {done ? (
        <p role="status" className="mb-3 rounded-xl bg-cell p-3" data-testid="flag-done">
          {t(`monitoring.action.done.${done}`, { date: due })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-3 rounded-xl bg-cell p-3 text-danger" data-testid="flag-error">
          {t(`monitoring.action.errors.${error}`)}
        </p>
      ) : null}
      {flags === null ? (
        <p className="rounded-xl bg-cell p-4">{t("monitoring.noArea")}</p>
      ) : (
        <>
          {backstops.length ? (
            <section className="mb-3 rounded-xl bg-cell p-3" data-testid="pending-backstops">
              <h2 className="mb-1 font-semibold">{t("monitoring.backstop.heading")}</h2>
              <ul>
                {backstops.map((b) => (
                  <li key={b.id}>
                    <Link href={`/${lng}/staff/monitoring/households/${b.householdId}`} className="tap-target inline-flex items-center text-brand" data-testid={`backstop-${b.state}`}>
                      {t("monitoring.backstop.amount", { year: b.year, amount: formatMoney(b.amount, lng) })} · {t(`monitoring.backstop.state.${b.state}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {dismissals?.length ? (
            <details className="mb-3 rounded-xl bg-cell p-3" data-testid="dismissal-counts">
              <summary className="tap-target flex cursor-pointer items-center font-semibold">{t("monitoring.dismissals.heading")}</summary>
              <p className="mb-2 text-sm text-ink-muted">{t("monitoring.dismissals.intro")}</p>
              <ul className="space-y-2 text-sm">
                {dismissals.map((r) => (
                  <li key={`${r.packId}/${r.ruleId}`} data-testid="dismissal-rule">
                    <p className="font-medium">{policyText(lng, ruleNameKey(r.packId, r.ruleId))}</p>
                    <p>{t("monitoring.dismissals.counts", { flags: r.flags, dismissed: r.dismissed })}</p>
                    {r.reasons.length ? (
                      <p className="text-ink-muted">
                        {r.reasons.map((x) => t("monitoring.dismissals.reason", { reason: t(`monitoring.reason.${x.reason}`), count: x.count })).join(t("monitoring.dismissals.separator"))}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <form method="get" className="mb-3 flex items-end gap-2 rounded-xl bg-cell p-3">
            <label className="block flex-1">
              <span className="mb-1 block text-sm font-medium">{t("monitoring.stateFilter")}</span>
              <select name="state" defaultValue={state ?? ""} className="tap-target w-full rounded-lg border border-line bg-white px-3">
                <option value="">{t("monitoring.allStates")}</option>
                {FLAG_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`monitoring.state.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="tap-target rounded-lg border border-brand px-4 font-semibold text-brand">
              {t("monitoring.apply")}
            </button>
          </form>
          {flags.items.length ? (
            <ul className="space-y-3" data-testid="flag-queue">
              {flags.items.map((f) => (
                <li key={f.id}>
                  <FlagCard flag={f} lng={lng} t={t} householdHref={f.householdId ? `/${lng}/staff/monitoring/households/${f.householdId}` : null} />
                  <FlagActions flag={f} lng={lng} t={t} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-xl bg-cell p-4">{t("monitoring.empty")}</p>
          )}
          <Pager
            window={flags}
            hrefFor={(page) => pageHref(`/${lng}/staff/monitoring`, { state: state ?? undefined }, page)}
            texts={pagerTexts(getT(lng), flags)}
          />
        </>
      )}
    </PageFrame>
  );
}
