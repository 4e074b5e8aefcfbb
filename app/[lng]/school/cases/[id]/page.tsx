import { notFound } from "next/navigation";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { Num } from "@/components/ui/num";
import { NumText, numSlot } from "@/components/ui/num-text";
import { closeCaseAction, inviteParentAction, reopenCaseAction, updateCaseItemAction } from "@/app/[lng]/school/cases/actions";
import { requireStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { HELP_LINK_STATES } from "@/lib/people/help-chain";
import { frameTexts } from "@/lib/i18n/frame";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { schoolContextFor } from "@/lib/schools/school-context";
import { caseForSchool } from "@/lib/schools/zhuanban/cases";

const ERRORS = ["required", "too-long", "amount", "amount-only-granted", "not-found", "closed", "no-guardian-phone", "invalid", "close-confirm", "reason-required", "open"];

/** One 专班 case: the consent, the checklist (state, amount, the body and clause), the estimate and the parent's invitation. Audited. */
export default async function SchoolCasePage({ params, searchParams }: { params: Promise<{ lng: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const user = await requireStaff(lng, `/${lng}/school/cases/${id}`, SCHOOL_ROLES);
  const ctx = await schoolContextFor(user.actor);
  if (!ctx) notFound();
  const view = await caseForSchool(ctx.db, user.actor, id.slice(0, 40), ctx.now);
  if (!view) notFound();
  const query = await searchParams;
  const t = getT(lng, "zhuanban");
  const error = query.error && ERRORS.includes(query.error) ? query.error : null;
  // A refused reopen reason is said beside the reason (the redirect lands on #reopen, far below the top of the page).
  const reopenError = error && query.field === "reason" ? error : null;
  const input = "tap-target w-full rounded-lg border border-line bg-white px-3";
  const closed = view.status === "closed";
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("title")} backHref={`/${lng}/school/cases`}>
      {query.invited ? <Notice>{t("case.invitedNotice")}</Notice> : null}
      {query.consented === "code" ? <Notice>{t("byCode.consentedNotice")}</Notice> : null}
      {query.closed ? <Notice>{t("close.closedNotice")}</Notice> : null}
      {query.reopened ? <Notice>{t("close.reopenedNotice")}</Notice> : null}
      {closed ? (
        <section className="my-3 rounded-xl border-2 border-ink-muted bg-cell p-4" data-testid="case-closed">
          <p className="font-semibold">{view.closedAt ? t("close.closedOn", { date: formatDate(view.closedAt, lng) }) : t("list.closed")}</p>
          <p className="text-sm text-ink-muted">{t("close.readOnly")}</p>
          {view.outcome ? (
            <div className="mt-2" data-testid="case-outcome">
              <h2 className="font-semibold">{t("close.outcome")}</h2>
              <p className="mt-1 text-lg font-semibold text-brand" data-testid="case-outcome-total" data-amount={view.outcome.grantedTotal}>
                <NumText text={t("close.grantedTotal", { amount: numSlot("amount") })} values={{ amount: formatMoney(view.outcome.grantedTotal, lng) }} />
              </p>
              <ul className="mt-1 text-sm">
                {view.outcome.granted.map((g) => (
                  <li key={g.itemId}>
                    {g.amount ? (
                      <NumText text={t("close.grantedItem", { label: t(`items.${g.itemId}.label`), amount: numSlot("amount") })} values={{ amount: formatMoney(g.amount, lng) }} />
                    ) : (
                      t("close.grantedNoAmount", { label: t(`items.${g.itemId}.label`) })
                    )}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-sm text-ink-muted">
                {t("close.stateCounts", {
                  granted: view.outcome.states.granted,
                  declined: view.outcome.states.declined,
                  applied: view.outcome.states.applied,
                  referred: view.outcome.states.referred,
                  notStarted: view.outcome.states["not-started"],
                })}
              </p>
            </div>
          ) : null}
        </section>
      ) : view.reopenedAt ? (
        <p className="my-2 px-1 text-sm text-ink-muted" data-testid="case-reopened-on">
          {t("close.reopenedOn", { date: formatDate(view.reopenedAt, lng) })}
        </p>
      ) : null}
      {error && !reopenError ? (
        <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-cell px-4 py-3 text-danger" data-testid="case-error">
          {t(`errors.${error}`)}
        </div>
      ) : null}
      <section className="my-3 rounded-xl bg-cell p-4" data-testid="case-summary">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-ink-muted">{t("case.pupil")}</dt>
          <dd>
            <Num>{view.pupilNameMasked}</Num>
          </dd>
          <dt className="text-ink-muted">{t("case.class")}</dt>
          <dd>{view.classLabel}</dd>
          <dt className="text-ink-muted">{t("case.consent")}</dt>
          <dd data-testid="case-consent">
            {t("case.consentLine", { relation: t(`open.relations.${view.consent.relation}`), date: formatDate(view.consent.givenAt, lng), method: t(`open.methods.${view.consent.method}`) })}
          </dd>
          <dt className="text-ink-muted">{t("case.shares")}</dt>
          <dd>{view.consent.shares.includes("illness-with-bureau") ? t("case.sharesIllness") : t("case.sharesNone")}</dd>
          {view.illness ? (
            <>
              <dt className="text-ink-muted">{t("case.illness")}</dt>
              <dd>{view.illness}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <p className="mb-3 px-1 text-sm text-ink-muted">{t("case.chain")}</p>

      <h2 className="mb-2 px-1 text-lg font-semibold">{t("case.checklist")}</h2>
      <ol className="space-y-3" data-testid="checklist">
        {view.items.map((item) => (
          <li key={item.id} id={`item-${item.id}`} className="rounded-xl bg-cell p-4" data-testid={`item-${item.id}`}>
            <h3 className="font-semibold">{t(`items.${item.id}.label`)}</h3>
            <p className="mt-1 text-sm">{t(`items.${item.id}.what`)}</p>
            <p className="mt-1 text-sm text-ink-muted">{t("case.responsible", { bodies: item.bodies.map((b) => t(`bodies.${b}`)).join("、") })}</p>
            <p className="text-sm text-ink-muted">{t("case.clause", { document: t("document"), clause: item.clause })}</p>
            <p className="mt-2 font-medium" data-testid={`state-${item.id}`}>
              {t(`states.${item.state}`)}
              {item.amount ? (
                <>
                  {" · "}
                  <Num>{formatMoney(item.amount, lng)}</Num>
                </>
              ) : null}
            </p>
            {query.saved === item.id ? <p role="status" className="text-sm">{t("case.saved")}</p> : null}
            {item.opens === "estimate" && view.estimateQuery ? (
              <Link href={`/${lng}/estimate?${view.estimateQuery}`} className="target-link mt-2 font-semibold text-brand" data-testid="case-estimate">
                {t("case.toEstimate")}
              </Link>
            ) : null}
            {item.opens === "application" ? (
              <div className="mt-2 space-y-2">
                {view.applicationReference ? (
                  <p data-testid="case-applied">
                    {t("case.applied")}
                    <Num>{view.applicationReference}</Num>
                  </p>
                ) : closed ? null : view.hasGuardianPhone ? (
                  <>
                    {view.invitedAt ? <p className="text-sm" data-testid="case-invited-at">{t("case.invitedAt", { date: formatDate(view.invitedAt, lng) })}</p> : null}
                    <form action={inviteParentAction.bind(null, lng, { caseId: view.id })}>
                      <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="case-invite">
                        {view.invitedAt ? t("case.reinvite") : t("case.invite")}
                      </button>
                    </form>
                  </>
                ) : (
                  <p className="text-sm">{t("case.noPhone")}</p>
                )}
              </div>
            ) : null}
            {closed ? null : (
            <form action={updateCaseItemAction.bind(null, lng, { caseId: view.id, itemId: item.id })} className="mt-3 space-y-2 border-t border-line pt-3">
              <label className="block">
                <span className="mb-1 block text-sm font-medium">{t("case.state")}</span>
                <select name="state" defaultValue={item.state} className={input} data-testid={`select-${item.id}`}>
                  {HELP_LINK_STATES.map((s) => (
                    <option key={s} value={s}>
                      {t(`states.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block">
                <span className="mb-1 block text-sm font-medium">{t("case.amount")}</span>
                <input name="amount" inputMode="decimal" maxLength={14} defaultValue={item.amount ?? ""} autoComplete="off" className={input} data-testid={`amount-${item.id}`} />
              </label>
              <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid={`save-${item.id}`}>
                {t("case.save")}
              </button>
            </form>
            )}
          </li>
        ))}
      </ol>
      {closed ? (
        <section id="reopen" className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="reopen-h">
          <h2 id="reopen-h" className="mb-2 text-lg font-semibold">
            {t("close.reopenHeading")}
          </h2>
          {reopenError ? (
            <div role="alert" className="mb-3 rounded-xl border-2 border-danger bg-white px-4 py-3 text-danger" data-testid="reopen-error">
              {t(`errors.${reopenError}`)}
            </div>
          ) : null}
          <form action={reopenCaseAction.bind(null, lng, { caseId: view.id })} className="space-y-3">
            <label className="block">
              <span className="mb-1 block font-medium">{t("close.reopenReason")}</span>
              <span className="mb-1 block text-sm text-ink-muted">{t("close.reopenHint")}</span>
              <textarea name="reason" required minLength={2} maxLength={200} rows={3} className="w-full rounded-lg border border-line bg-white px-3 py-2" data-testid="reopen-reason" />
            </label>
            <button type="submit" className="tap-target w-full rounded-lg border border-brand font-semibold text-brand" data-testid="case-reopen">
              {t("close.reopenSubmit")}
            </button>
          </form>
        </section>
      ) : (
        <section id="close" className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="close-h">
          <h2 id="close-h" className="mb-2 text-lg font-semibold">
            {t("close.heading")}
          </h2>
          <p className="mb-3 text-sm">{t("close.intro")}</p>
          <form action={closeCaseAction.bind(null, lng, { caseId: view.id })} className="space-y-3">
            <label className="tap-target flex items-center gap-2">
              <input type="checkbox" name="confirmClose" required className="h-5 w-5" data-testid="close-confirm" />
              {t("close.confirm")}
            </label>
            <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="case-close">
              {t("close.submit")}
            </button>
          </form>
        </section>
      )}
      <Link href={`/${lng}/school/cases`} className="target-link mt-4 font-semibold text-brand">
        {t("case.back")}
      </Link>
    </PageFrame>
  );
}
