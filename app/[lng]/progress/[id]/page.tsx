import { AssistedByNote } from "@/components/desk/assisted-by";
import { assistedByText } from "@/lib/desk/track-view";
import { Num } from "@/components/ui/num";
import { notFound } from "next/navigation";
import { redirectWithinSite } from "@/lib/http/redirect";
import { ProvisionalMark, ProvisionalWhy } from "@/components/applications/provisional";
import { RecountDetails } from "@/components/applications/recount-details";
import { Timeline } from "@/components/applications/timeline";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { serviceContext } from "@/lib/applications/context";
import { documentsOwed, getApplicationForCitizen, listNotifications } from "@/lib/applications/service";
import { nextStep } from "@/lib/applications/next-step";
import { NumText, numSlot } from "@/components/ui/num-text";
import { describeMessage, type MessageParams } from "@/lib/applications/messages";
import { requireCitizen } from "@/lib/auth/guards";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { timelineTexts } from "@/lib/i18n/labels";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { WhoToCall } from "@/components/contacts/who-to-call";
import { findArea } from "@/lib/applications/areas";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";
import { UploadForm } from "@/app/[lng]/apply/[section]/documents-section";
import { handInDocumentsAction } from "@/app/[lng]/progress/actions";

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const user = await requireCitizen(lng, `/${lng}/progress/${id}`);
  const ctx = await serviceContext();
  const view = await getApplicationForCitizen(ctx, user.id, id);
  // Someone else's application answers exactly like one that does not exist.
  if (!view) notFound();
  const t = getT(lng, "apply");
  const tc = getT(lng, "common");
  const tk = getT(lng, "console");
  const fmt = (d: string) => formatCalendarDate(d, lng);
  const steps = view.timeline.map((s) =>
    s.state === "current" && !s.dueOn && view.currentDueOn ? { ...s, dueOn: view.currentDueOn, dueProvisional: view.currentDueProvisional } : s,
  );
  const why = (date: string) => t("provisional.why", { year: date.slice(0, 4) });
  const owed = documentsOwed(view);
  const correction = owed?.action === "submit-correction";
  const todoDocs = owed?.documents ?? [];
  const now = nextStep(view);
  // Amounts, dates and the masked account never break across lines: each is a <Num> inside the sentence.
  const nowValues = {
    bank: now.values.bank ?? "",
    account: now.values.account ?? "",
    amount: now.values.amount ? formatMoney(now.values.amount, lng) : "",
    date: now.values.date ? fmt(now.values.date) : "",
  };
  const nowText = t(`track.now.${now.key}`, { bank: nowValues.bank, account: numSlot("account"), amount: numSlot("amount"), date: numSlot("date") });
  // The step's own deadline, where the sentence does not already carry a date.
  const nowDue = ["submitted", "reviewing", "approving", "approved"].includes(now.key) && now.values.date ? t("track.nowDue", { date: fmt(now.values.date) }) : "";
  const owedIntro = !owed
    ? ""
    : owed.action === "hand-in-documents"
      ? t("track.toFollow") + (owed.dueOn ? t("track.toFollowDue", { date: fmt(owed.dueOn) }) : "")
      : t(correction ? "track.correction" : "track.documentsAfterEmergency", { date: owed.dueOn ? fmt(owed.dueOn) : "" });
  const publicityAhead = ["submitted", "received", "correction", "reviewing", "proposed", "publicity"].includes(view.status);
  const publicityDays = view.timings.publicity;
  const notifications = (await listNotifications(ctx, user.id)).filter((n) => n.applicationId === view.id);
  const errorCode = query.error;
  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("track.title")} backHref={`/${lng}/progress`}>
      <section className="mb-4 rounded-xl bg-cell p-4">
        <p className="font-mono text-xl font-bold" data-testid="reference"><Num>{view.reference}</Num></p>
        <p>
          {t("track.status")}：<strong data-testid="status">{tc(`status.${view.status}`)}</strong>
        </p>
        {view.state.decision?.amount ? (
          <p data-testid="amount">
            {t("track.amount")}：<Num>{formatMoney(view.state.decision.amount, lng)}</Num>
          </p>
        ) : null}
        {view.state.decision?.reason && view.state.decision.outcome !== "approved" ? (
          <p>
            {t("track.reason")}：{view.state.decision.reason}
          </p>
        ) : null}
      </section>
      {query.done ? (
        <div className="mb-4" role="status">
          <Notice>{t("track.actionDone")}</Notice>
        </div>
      ) : null}
      {query.uploaded ? (
        <div className="mb-4" role="status" data-testid="upload-ok">
          <Notice>{t("documents.uploadedOne", { doc: t(`documents.types.${query.uploaded}`) })}</Notice>
        </div>
      ) : null}
      {errorCode ? (
        <div className="mb-4" role="alert" data-testid="upload-error">
          <Notice tone="danger">
            {errorCode === "upload-first"
              ? t("track.uploadFirst")
              : ["no-file", "too-large", "bad-type", "damaged", "bad-doc-type", "not-found", "closed"].includes(errorCode)
                ? t(`documents.errors.${errorCode}`)
                : t("track.actionError", { reason: tk(`errors.${errorCode}`) })}
          </Notice>
        </div>
      ) : null}
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="todo" data-testid="todo">
        <h2 id="todo" className="mb-2 text-lg font-semibold">{t("track.todo")}</h2>
        <p className="mb-2" data-testid="now">
          <NumText text={nowText} values={nowValues} />
          {nowDue}
        </p>
        {todoDocs.length ? (
          <>
            <p className="mb-2 font-medium" data-testid="owed-intro">
              {owedIntro}
              {owed?.provisional && owed.dueOn ? (
                <>
                  <ProvisionalMark mark={t("provisional.mark")} testId="todo-provisional" />
                  <ProvisionalWhy why={why(owed.dueOn)} />
                </>
              ) : null}
            </p>
            <ul className="mb-3 space-y-3" data-testid="owed">
              {todoDocs.map((doc) => (
                <li key={doc} className="rounded-lg border border-line p-3">
                  <p className="mb-1 font-medium">
                    {t(`documents.types.${doc}`)}{" "}
                    <span className="text-sm text-ink-muted">
                      {view.documents.some((d) => d.docType === doc) ? t("documents.uploadedCount", { count: view.documents.filter((d) => d.docType === doc).length }) : t("documents.none")}
                    </span>
                  </p>
                  <p id={`hint-${doc}`} className="mb-2 text-sm text-ink-muted">{t(`documents.hints.${doc}`)}</p>
                  <UploadForm lng={lng} doc={doc} applicationId={view.id} label={t("documents.choose", { doc: t(`documents.types.${doc}`) })} button={t("documents.upload")} />
                </li>
              ))}
            </ul>
            <form action={handInDocumentsAction.bind(null, lng, view.id)}>
              <button type="submit" className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white" data-testid="hand-in">
                {correction ? t("track.sendCorrection") : owed?.action === "hand-in-documents" ? t("track.sendToFollow") : t("track.sendDocuments")}
              </button>
            </form>
          </>
        ) : null}
      </section>
      <WhoToCall t={tc} packId={(await findArea(ctx.db, view.areaCode))?.policyPackId} on={calendarDateInChina(await requestNow())} className="mb-4" />
      {publicityAhead ? (
        <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="publicity-h" data-testid="publicity-explained">
          <h2 id="publicity-h" className="mb-2 text-lg font-semibold">{t("publicity.heading")}</h2>
          <p>{t("publicity.what")}</p>
          <p className="mt-1">{t(publicityDays.unit === "working" ? "publicity.lengthWorking" : "publicity.lengthCalendar", { days: publicityDays.days })}</p>
          <p className="mt-1">{t("publicity.shown")}</p>
          <p className="mt-1 font-medium">{t("publicity.notShown")}</p>
          <p className="mt-1">{t("publicity.object")}</p>
          {view.status === "publicity" && view.state.proposal ? (
            <p className="mt-2 font-medium" data-testid="publicity-amount">
              {t("publicity.amountShown", { amount: formatMoney(view.state.proposal.amount, lng) })}
            </p>
          ) : null}
        </section>
      ) : null}
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="timeline-h">
        <h2 id="timeline-h" className="mb-3 text-lg font-semibold">{t("track.timeline")}</h2>
        <Timeline
          steps={steps}
          overdue={view.overdue}
          labels={timelineTexts(t, lng, t("track.waitingForYou"))}
        />
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="docs-h">
        <h2 id="docs-h" className="mb-2 text-lg font-semibold">{t("track.documents")}</h2>
        <ul className="space-y-1" data-testid="my-documents">
          {view.documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/v1/documents/${d.id}`} className="target-link text-brand underline" target="_blank" rel="noreferrer">
                {t(`documents.types.${d.docType}`)}
              </a>{" "}
              <span className="text-sm text-ink-muted">{formatDateTime(d.createdAt, lng)}</span>
            </li>
          ))}
        </ul>
      </section>
      <p className="mb-4">
        <a href={`/${lng}/progress/${view.id}/family`} className="target-link text-brand underline" data-testid="family-link">
          {t("family.link")}
        </a>
      </p>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="history-h">
        <h2 id="history-h" className="mb-2 text-lg font-semibold">{t("track.history")}</h2>
        <ol className="space-y-2" data-testid="history">
          {view.events.map((e) => (
            <li key={e.id}>
              <p className="font-medium">{e.action ? tk(`actions.${e.action}`) : tc(`status.${e.status}`)}</p>
              <p className="text-sm text-ink-muted">{formatDateTime(e.at, lng)}</p>
              {e.action === "submit" && view.assistedBy ? <AssistedByNote text={assistedByText(view.assistedBy, lng)} /> : null}
              {e.action === "recount-deadline" ? <RecountDetails details={e.details} t={(k, p) => tk(k, p)} formatDate={fmt} /> : null}
              {e.reason && e.action !== "propose-amount" ? <p className="text-sm">{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {notifications.length ? (
        <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="notes-h">
          <h2 id="notes-h" className="mb-2 text-lg font-semibold">{t("track.notifications")}</h2>
          <ul className="space-y-1" data-testid="notifications">
            {notifications.map((n) => {
              const p = JSON.parse(n.paramsJson) as MessageParams;
              const m = describeMessage(n.kind, p);
              const said = t(`notifications.${m.key}`, {
                reference: m.values.reference,
                status: m.values.status ? tc(`status.${m.values.status}`) : "",
                amount: m.values.amount ? formatMoney(m.values.amount, lng) : "",
                date: m.values.date ? fmt(m.values.date) : "",
                documents: (m.values.documents ?? []).map((d) => t(`documents.types.${d}`)).join("、"),
              });
              return (
                <li key={n.id} className="text-sm" data-testid="notification">
                  {said}
                  {m.due ? t("notifications.due", { date: fmt(m.due) }) : null}
                  {p.dueOn && p.dueProvisional ? <ProvisionalMark mark={t("provisional.mark")} testId="notification-provisional" /> : null}{" "}
                  <span className="text-ink-muted">{formatDateTime(n.createdAt, lng)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </PageFrame>
  );
}
