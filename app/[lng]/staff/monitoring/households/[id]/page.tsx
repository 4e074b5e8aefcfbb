import { Link } from "@/components/ui/link";
import { FlagCard } from "@/components/monitoring/flag-card";
import { PageFrame } from "@/components/shell/page-frame";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { frameTexts } from "@/lib/i18n/frame";
import { formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { householdView } from "@/lib/monitoring/queries";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { backstopsOf } from "@/lib/monitoring/backstop";
import { backstopAction } from "@/app/[lng]/staff/monitoring/actions";

/** 一户一条帮扶链: one household's members (masked), certifications, flags and every link of help. Audited. */
export default async function HouseholdChainPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/staff/monitoring/households/${id}`, MONITORING_ROLES);
  const t = getT(lng, "staff");
  const ctx = await serviceContext();
  const view = await householdView(ctx.db, user.actor, id.slice(0, 40), ctx.now ? ctx.now() : new Date());
  const backstops = view ? await backstopsOf(ctx.db, view.id) : [];
  const done = ["propose", "approve"].includes(query.done ?? "") ? query.done! : null;
  const error = ["not-found", "wrong-state", "same-person", "invalid"].includes(query.error ?? "") ? query.error! : null;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("monitoring.household.title")}>
      {view === null ? (
        <p className="rounded-xl bg-cell p-4" data-testid="household-not-found">
          {t("monitoring.household.notFound")}
        </p>
      ) : (
        <div className="space-y-4" data-testid="household-chain">
          {view.registryKey ? (
            <p className="px-1">
              {t("monitoring.household.registryKey")}：{view.registryKey}
            </p>
          ) : null}
          <section className="rounded-xl bg-cell p-4">
            <h2 className="mb-2 font-semibold">{t("monitoring.household.members")}</h2>
            <ul data-testid="household-members">
              {view.members.map((m) => (
                <li key={m.id}>
                  {m.nameMasked ?? "—"} {m.idNumberMasked ?? ""} {m.relation ? `（${m.relation}）` : ""}
                </li>
              ))}
            </ul>
          </section>
          <section className="rounded-xl bg-cell p-4">
            <h2 className="mb-2 font-semibold">{t("monitoring.household.certifications")}</h2>
            <ul>
              {view.certifications.map((c, i) => (
                <li key={i}>
                  {t(`monitoring.category.${c.category}`)} {t("monitoring.household.certifiedFrom", { from: c.from })}
                  {c.to ? ` ${t("monitoring.household.certifiedUntil", { to: c.to })}` : ""}
                </li>
              ))}
            </ul>
          </section>
          {done ? (
            <p role="status" className="rounded-xl bg-cell p-3" data-testid="backstop-done">
              {t(`monitoring.backstop.done.${done}`)}
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-xl bg-cell p-3 text-danger" data-testid="backstop-error">
              {t(`monitoring.backstop.errors.${error}`)}
            </p>
          ) : null}
          {backstops.length ? (
            <section className="rounded-xl bg-cell p-4" data-testid="backstop">
              <h2 className="mb-2 font-semibold">{t("monitoring.backstop.heading")}</h2>
              {backstops.map((b) => (
                <div key={b.id} className="space-y-2">
                  <p data-testid="backstop-amount">{t("monitoring.backstop.amount", { year: b.year, amount: formatMoney(b.amount, lng) })}</p>
                  <p data-testid="backstop-state">{t(`monitoring.backstop.state.${b.state}`)}</p>
                  <details>
                    <summary className="cursor-pointer">{t("monitoring.backstop.why")}</summary>
                    <p className="text-sm">{b.explanation}</p>
                  </details>
                  {b.state === "computed" && user.role === "caseworker" ? (
                    <form action={backstopAction.bind(null, lng, b.id, view.id, "propose")}>
                      <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="backstop-propose">
                        {t("monitoring.backstop.propose")}
                      </button>
                    </form>
                  ) : null}
                  {b.state === "proposed" && user.role === "approver" ? (
                    <form action={backstopAction.bind(null, lng, b.id, view.id, "approve")}>
                      <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="backstop-approve">
                        {t("monitoring.backstop.approve")}
                      </button>
                    </form>
                  ) : null}
                </div>
              ))}
            </section>
          ) : null}
          <section>
            <h2 className="mb-2 px-1 font-semibold">{t("monitoring.household.flags")}</h2>
            <ul className="space-y-3">
              {view.flags.map((f) => (
                <li key={f.id}>
                  <FlagCard flag={f} lng={lng} t={t} householdHref={null} />
                </li>
              ))}
            </ul>
          </section>
          <section className="rounded-xl bg-cell p-4">
            <h2 className="mb-2 font-semibold">{t("monitoring.household.chain")}</h2>
            {view.chain?.links.length ? (
              <ol className="space-y-1" data-testid="household-links">
                {view.chain.links.map((l) => (
                  <li key={l.id}>
                    {t(`monitoring.link.kind.${l.kind}`)}
                    {l.provider ? `（${t(`monitoring.link.provider.${l.provider}`)}）` : ""} · {t(`monitoring.link.state.${l.state}`)}
                    {l.amount ? ` · ${formatMoney(l.amount, lng)}` : ""}
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t("monitoring.household.chainEmpty")}</p>
            )}
          </section>
          <a href={`/${lng}/staff/monitoring/households/${view.id}/export`} className="tap-target inline-flex items-center font-semibold text-brand" data-testid="household-export" download>
            {t("monitoring.export.link")}
          </a>
          <Link href={`/${lng}/staff/monitoring`} className="tap-target inline-flex items-center font-semibold text-brand">
            {t("monitoring.household.back")}
          </Link>
        </div>
      )}
    </PageFrame>
  );
}
