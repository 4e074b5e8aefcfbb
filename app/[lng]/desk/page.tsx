import { DeskStart } from "@/components/desk/desk-start";
import { PageFrame } from "@/components/shell/page-frame";
import { Notice } from "@/components/ui/cells";
import { Link } from "@/components/ui/link";
import { serviceContext } from "@/lib/applications/context";
import { requireStaff } from "@/lib/auth/guards";
import { todaysSessions } from "@/lib/desk/sessions";
import { correctionsDueSoon } from "@/lib/desk/walk-in";
import { calledNotes, draftsWaitingForDocuments } from "@/lib/desk/queue";
import { noteCalledAction } from "@/app/[lng]/desk/queue-actions";
import { WalkInForm } from "@/components/desk/walk-in-form";
import { frameTexts } from "@/lib/i18n/frame";
import { formatCalendarDate, formatDateTime } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { searchPeopleAction, startSessionAction, walkInAction } from "@/app/[lng]/desk/session-actions";

/** The help desk (窗口帮办): start a session for a walk-in applicant, and today's sessions. */
export default async function DeskPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const lng = await pageLocale(params);
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/desk`, ["desk"]);
  const t = getT(lng, "desk");
  const ctx = await serviceContext();
  const sessions = await todaysSessions(ctx, user);
  const dueSoon = await correctionsDueSoon(ctx, user);
  const called = await calledNotes(ctx, dueSoon.map((d) => d.id));
  const waiting = await draftsWaitingForDocuments(ctx, user);
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("home.title")} backHref={`/${lng}/staff`}>
      {query.withdrawn ? (
        <div className="mb-4" role="status" data-testid="withdrawn">
          <Notice>{t("session.withdrawn")}</Notice>
        </div>
      ) : null}
      {query.error ? (
        <div className="mb-4" role="alert">
          <Notice tone="danger">{t("errors.invalid")}</Notice>
        </div>
      ) : null}
      <p className="mb-4">{t("home.intro")}</p>
      <p className="mb-4">
        <Link href={`/${lng}/desk/consent-form`} className="target-link text-brand underline" data-testid="consent-form-link">
          {t("home.printConsent")}
        </Link>
      </p>
      <DeskStart
        searchAction={searchPeopleAction.bind(null, lng)}
        startAction={startSessionAction.bind(null, lng)}
        texts={{
          searchHeading: t("home.searchHeading"),
          phone: t("home.phone"),
          idNumber: t("home.idNumber"),
          idNumberHint: t("home.idNumberHint"),
          search: t("home.search"),
          noneFound: t("home.noneFound"),
          newHeading: t("home.newHeading"),
          name: t("home.name"),
          phoneOptional: t("home.phoneOptional"),
          phoneOptionalHint: t("home.phoneOptionalHint"),
          consent: t("home.consent"),
          consentHint: t("home.consentHint"),
          start: t("home.start"),
          startWith: t("home.startWith"),
          noPhone: t("home.noPhone"),
          consentHeading: t("home.consentHeading"),
          consentByPaper: t("home.consentByPaper"),
          consentByCode: t("home.consentByCode"),
          consentByCodeHint: t("home.consentByCodeHint"),
          phoneForCode: t("home.phoneForCode"),
          phoneForCodeHint: t("home.phoneForCodeHint"),
          sendCode: t("home.sendCode"),
          resendCode: t("home.resendCode"),
          // Filled in by the form with the masked number the code went to.
          codeSentTo: t("home.codeSentTo", { phone: "{{phone}}", interpolation: { escapeValue: false } }),
          code: t("home.code"),
          codeHint: t("home.codeHint"),
        }}
      />
      <section className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="today-h">
        <h2 id="today-h" className="mb-2 text-lg font-semibold">
          {t("home.today")}
        </h2>
        {sessions.length ? (
          <ul className="space-y-2" data-testid="today-sessions">
            {sessions.map((s) => (
              <li key={s.id} data-testid="today-session" data-status={s.status}>
                {s.status === "open" ? (
                  <Link href={`/${lng}/desk/sessions/${s.id}`} className="text-brand underline">
                    {s.person?.nameMasked ?? t("home.removedPerson")}
                  </Link>
                ) : (
                  <span>{s.person?.nameMasked ?? t("home.removedPerson")}</span>
                )}{" "}
                · {t(`session.statuses.${s.status}`)} · {formatDateTime(s.createdAt, lng)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("home.noneToday")}</p>
        )}
      </section>
      <section className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="waiting-h">
        <h2 id="waiting-h" className="mb-2 text-lg font-semibold">
          {t("queue.waitingHeading")}
        </h2>
        {waiting.length ? (
          <ul className="space-y-2" data-testid="waiting-drafts">
            {waiting.map((w) => (
              <li key={w.sessionId} data-testid="waiting-draft">
                <Link href={`/${lng}/desk/sessions/${w.sessionId}/apply/documents`} className="text-brand underline">
                  {w.nameMasked ?? t("home.removedPerson")}
                </Link>{" "}
                · {formatDateTime(w.startedAt, lng)} · {t("queue.missingCount", { count: w.missing.length })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("queue.noneWaiting")}</p>
        )}
      </section>
      <section className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="due-h">
        <h2 id="due-h" className="mb-2 text-lg font-semibold">
          {t("queue.dueSoonHeading")}
        </h2>
        <p className="mb-2 text-sm text-ink-muted">{t("queue.dueSoonHint")}</p>
        {dueSoon.length ? (
          <ul className="space-y-2" data-testid="due-soon">
            {dueSoon.map((d) => (
              <li key={d.id} data-testid="due-soon-item">
                <Link href={`/${lng}/staff/applications/${d.id}`} className="font-mono text-brand underline">
                  {d.reference}
                </Link>{" "}
                · {t("queue.dueOn", { date: formatCalendarDate(d.dueOn, lng) })}
                {d.overdue ? <strong className="ml-1 text-danger">{t("queue.overdue")}</strong> : null} · {d.phoneMasked ?? t("home.noPhone")}
                {called.get(d.id) ? (
                  <span className="ml-1 text-sm text-ink-muted" data-testid="called-note">
                    · {t("queue.calledNote", { at: formatDateTime(called.get(d.id)!.at, lng), by: called.get(d.id)!.by })}
                  </span>
                ) : null}
                <form action={noteCalledAction.bind(null, lng, d.id)} className="mt-1">
                  <button type="submit" className="tap-target rounded-lg border border-brand px-3 text-sm text-brand" data-testid="note-called">
                    {t("queue.called")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("queue.noneDue")}</p>
        )}
      </section>
      <section className="mt-4 rounded-xl bg-cell p-4" aria-labelledby="walk-in-h">
        <h2 id="walk-in-h" className="mb-2 text-lg font-semibold">
          {t("queue.walkInHeading")}
        </h2>
        <WalkInForm
          action={walkInAction.bind(null, lng)}
          texts={{ reference: t("queue.reference"), idNumber: t("queue.idNumber"), find: t("queue.find"), notFound: t("queue.notFound") }}
        />
      </section>
    </PageFrame>
  );
}
