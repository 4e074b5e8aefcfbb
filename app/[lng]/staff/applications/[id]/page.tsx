import { AssistedByNote } from "@/components/desk/assisted-by";
import { assistedByText } from "@/lib/desk/track-view";
import type { ReactNode } from "react";
import { Num } from "@/components/ui/num";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ChoiceField, SelectField, TextAreaField, TextField } from "@/components/form/fields";
import { PageFrame } from "@/components/shell/page-frame";
import { frameTexts } from "@/lib/i18n/frame";
import { Notice } from "@/components/ui/cells";
import { ProvisionalMark, ProvisionalWhy } from "@/components/applications/provisional";
import { RecountDetails } from "@/components/applications/recount-details";
import { DOCUMENT_TYPES } from "@/lib/applications/documents";
import { addPeriod, type DefaultPeriod } from "@/lib/applications/procedure";
import { serviceContext } from "@/lib/applications/context";
import { getApplicationForStaff } from "@/lib/applications/service";
import { CHECK_KINDS, type ActionType } from "@/lib/applications/state-machine";
import { requireStaff } from "@/lib/auth/guards";
import { CASE_ROLES } from "@/lib/auth/roles";
import { DESK_PAPER_ROLES } from "@/lib/auth/roles";
import { calendarDateInChina, type CountedDate } from "@/lib/calendar/working-days";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page";
import { getT } from "@/lib/i18n/server";
import { staffActionAction } from "@/app/[lng]/staff/applications/actions";

export default async function StaffApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const lng = await pageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const user = await requireStaff(lng, `/${lng}/staff/applications/${id}`, CASE_ROLES);
  const ctx = await serviceContext();
  const now = ctx.now!();
  const view = await getApplicationForStaff(ctx, user, id);
  // Another area's application answers like one that does not exist.
  if (!view) notFound();
  const t = getT(lng, "console");
  const ta = getT(lng, "apply");
  const tc = getT(lng, "common");
  const fmt = (d: string) => formatCalendarDate(d, lng);
  const money = (v: string | null | undefined) => (v ? formatMoney(v, lng) : "—");
  const num = (v: string | null | undefined) => (v ? <Num>{v}</Num> : "");
  const d = view.data;
  const today = calendarDateInChina(now);
  const tm = view.timings;
  const outOfPocket = view.outOfPocket;
  const rows: [string, ReactNode][] = [
    [t("detail.applicant"), d.applicant?.name ?? ""],
    [t("detail.idNumber"), num(d.applicant?.idNumberMasked)],
    [t("detail.phone"), num(d.applicant?.phoneMasked)],
    [t("detail.address"), d.applicant?.address ?? ""],
    [t("detail.patient"), d.patient && d.patient.relationship !== "self" ? <>{d.patient.name}（<Num>{d.patient.idNumberMasked}</Num>）</> : ta("options.relationship.self")],
    [t("detail.relationship"), d.patient ? ta(`options.relationship.${d.patient.relationship}`) : ""],
    [t("detail.household"), d.household ? String(d.household.size) : ""],
    [t("detail.monthlyIncome"), num(money(d.household?.monthlyIncome))],
    [t("detail.certifications"), (d.household?.certifications ?? []).map((c) => ta(`options.certifications.${c}`)).join("、")],
    [t("detail.diagnosis"), d.illness?.diagnosis ?? ""],
    [t("detail.hospital"), d.illness?.hospital ?? ""],
    [t("detail.totalCost"), num(money(d.illness?.totalCost))],
    [t("detail.reimbursed"), num(money(d.illness?.reimbursed))],
    [t("detail.outOfPocket"), num(money(outOfPocket))],
    [t("detail.reliefType"), ta(`options.reliefType.${view.reliefType}`)],
    [t("detail.urgency"), d.reason ? ta(`options.urgency.${d.reason.urgency}`) : ""],
    [t("detail.description"), d.reason?.description ?? ""],
    [t("detail.bank"), d.bank ? <>{d.bank.accountName} · {d.bank.bankName} · <Num>{d.bank.accountMasked}</Num></> : ""],
  ];
  const unit = (u: "working" | "calendar") => t(u === "working" ? "form.workingDays" : "form.calendarDays");
  const publicityEnds = addPeriod(today, tm.publicity);
  // Default due dates the form offers come from the area's policy pack (a date staff type instead is kept as typed).
  const defaultDue = addPeriod(today, tm.correctionDue);
  const emergencyDue = addPeriod(today, tm.emergencyDocumentsDue);
  const defaultFrom = (p: DefaultPeriod, testId: string) => (
    <p className="text-sm text-ink-muted" data-testid={testId} data-pack={p.pack} data-parameter={p.parameter}>
      {t("form.defaultFromPack", { days: p.days, unit: unit(p.unit), pack: p.packTitle[lng], parameter: p.label[lng], from: fmt(p.versionFrom) })}
      {p.assumed ? <strong className="ml-1">{t("form.referenceValue")}</strong> : null}
      <span className="block">{p.source[lng]}</span>
    </p>
  );
  const provisionalWhy = (date: string) => t("detail.provisionalWhy", { year: date.slice(0, 4) });
  const provisionalNote = (d: CountedDate, testId: string) =>
    d.provisional ? (
      <p className="text-sm">
        <ProvisionalMark mark={t("detail.provisional")} testId={testId} />
        <ProvisionalWhy why={provisionalWhy(d.date)} />
      </p>
    ) : null;
  const relief = tm.relief;
  // 结束公示 is refused until the day after the period ends (state machine): say so, with the date, instead of a button that fails.
  const publicityOpen = !!view.state.publicity && today <= view.state.publicity.endsOn;

  // Each action's fields, from the one field family (components/form/fields.tsx).
  // The proposal's reason stays with staff (进度 does not show it); every other reason is shown to the applicant.
  const reason = (a: ActionType, required = true) => (
    <TextAreaField id={`reason-${a}`} name="reason" label={t(a === "propose-amount" ? "form.reasonInternal" : "form.reason")} value="" rows={2} required={required} />
  );
  const note = (a: ActionType, rows: number, required = true) => <TextAreaField id={`note-${a}`} name="note" label={t("form.note")} value="" rows={rows} required={required} />;
  const amount = (a: ActionType, value = "") => <TextField id={`amount-${a}`} name="amount" label={t("form.amount")} value={value} inputMode="decimal" required />;
  const date = (id: string, name: string, label: string, value: string, max?: string) => <TextField id={id} name={name} label={label} value={value} type="date" max={max} />;
  const fieldsFor = (a: ActionType) => {
    switch (a) {
      case "reject-acceptance":
      case "return-for-review":
      case "refuse":
        return reason(a);
      case "end-publicity":
        return reason(a, false);
      case "record-objection":
        return note(a, 2);
      case "record-check":
        return (
          <>
            <SelectField id="kind" name="kind" label={t("form.checkKind")} value="" options={CHECK_KINDS.map((k) => ({ value: k, label: t(`checkKinds.${k}`) }))} />
            {note(a, 3)}
          </>
        );
      case "request-correction":
      case "complete-documents":
        return (
          <>
            <ChoiceField
              id={`documents-${a}`}
              name="documents"
              legend={t("form.documents")}
              type="checkbox"
              values={[]}
              options={DOCUMENT_TYPES.map((doc) => ({ value: doc, label: ta(`documents.types.${doc}`) }))}
            />
            {a === "request-correction" ? (
              <>
                {date("dueOn", "dueOn", t("form.dueOn"), defaultDue.date)}
                <input type="hidden" name="dueInWorkingDays" value={tm.correctionDue.days} />
                {defaultFrom(tm.correctionDue, "correction-due-default")}
                {provisionalNote(defaultDue, "correction-due-provisional")}
                {note(a, 2, false)}
              </>
            ) : null}
          </>
        );
      case "propose-amount":
        return (
          <>
            {amount(a)}
            {reason(a)}
          </>
        );
      case "start-publicity":
        return (
          <>
            <p>{t("form.publicityDays", { days: tm.publicity.days, unit: unit(tm.publicity.unit), ends: fmt(publicityEnds.date) })}</p>
            {provisionalNote(publicityEnds, "publicity-ends-provisional")}
          </>
        );
      case "approve":
        return amount(a, view.state.proposal?.amount ?? "");
      case "pay":
        return date("paidOn", "paidOn", t("form.paidOn"), today, today);
      case "emergency-approve-and-pay":
        return (
          <>
            {amount(a)}
            {reason(a)}
            {date("paidOn-e", "paidOn", t("form.paidOn"), today, today)}
            {date("documentsDueOn", "documentsDueOn", t("form.documentsDueOn"), view.data.documentsToFollow.length ? emergencyDue.date : "")}
            <input type="hidden" name="documentsDueInWorkingDays" value={tm.emergencyDocumentsDue.days} />
            {defaultFrom(tm.emergencyDocumentsDue, "documents-due-default")}
            {view.data.documentsToFollow.length ? provisionalNote(emergencyDue, "documents-due-provisional") : null}
          </>
        );
      default:
        return null;
    }
  };

  return (
    <PageFrame lng={lng} texts={frameTexts(lng)} title={t("detail.title")} backHref={`/${lng}/staff`}>
      <section className="mb-4 rounded-xl bg-cell p-4">
        <p className="font-mono text-xl font-bold" data-testid="reference"><Num>{view.reference}</Num></p>
        <p>
          <span data-testid="staff-status" data-status={view.status}>{tc(`status.${view.status}`)}</span>
          {view.reliefType === "urgent" ? <strong className="ml-2 text-danger">{t("queue.urgentFlag")}</strong> : null}
        </p>
        {view.currentDueOn ? (
          <p data-testid="current-due">
            {t("detail.currentDue")}：<Num>{fmt(view.currentDueOn)}</Num>
            {view.overdue ? <strong className="ml-2 text-danger">{t("queue.overdueFlag")}</strong> : null}
            {view.currentDueProvisional ? (
              <>
                <ProvisionalMark mark={t("detail.provisional")} testId="current-due-provisional" />
                <ProvisionalWhy why={provisionalWhy(view.currentDueOn)} />
              </>
            ) : null}
          </p>
        ) : null}
      </section>
      {query.done ? (
        <div className="mb-4" role="status" data-testid="action-done">
          <Notice>{t("detail.done", { action: t(`actions.${query.done}`) })}</Notice>
        </div>
      ) : null}
      {query.error ? (
        <div className="mb-4" role="alert" data-testid="action-error">
          <Notice tone="danger">{t(`errors.${query.error}`)}</Notice>
        </div>
      ) : null}
      {(DESK_PAPER_ROLES as readonly string[]).includes(user.role) ? (
        <nav className="mb-4 flex gap-2" data-testid="desk-paper-links">
          <Link href={`/${lng}/desk/applications/${id}/receipt`} className="tap-target flex flex-1 items-center justify-center rounded-lg border border-brand bg-white text-brand">
            {getT(lng, "desk")("links.receipt")}
          </Link>
          <Link href={`/${lng}/desk/applications/${id}/notice`} className="tap-target flex flex-1 items-center justify-center rounded-lg border border-brand bg-white text-brand">
            {getT(lng, "desk")("links.notice")}
          </Link>
        </nav>
      ) : null}
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="actions-h">
        <h2 id="actions-h" className="mb-2 text-lg font-semibold">{t("detail.actions")}</h2>
        {view.actions.length === 0 ? <p>{t("detail.noActions")}</p> : null}
        <div className="space-y-3">
          {view.actions.map((a) => (
            <details key={a} className="rounded-lg border border-line p-3" data-testid={`action-${a}`}>
              <summary className="tap-target cursor-pointer font-semibold">{t(`actions.${a}`)}</summary>
              <form action={staffActionAction.bind(null, lng, view.id, a)} className="mt-3 space-y-3">
                {fieldsFor(a)}
                {a === "end-publicity" && publicityOpen ? (
                  <p className="text-sm font-medium" data-testid="publicity-not-over">
                    {t("form.publicityNotOver", { date: fmt(view.state.publicity!.endsOn) })}
                  </p>
                ) : null}
                <button
                  type="submit"
                  disabled={a === "end-publicity" && publicityOpen}
                  className="tap-target w-full rounded-lg bg-brand text-lg font-semibold text-white disabled:opacity-50"
                  data-testid={`do-${a}`}
                >
                  {t("form.submit")}：{t(`actions.${a}`)}
                </button>
              </form>
            </details>
          ))}
        </div>
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="standard-h" data-testid="standard">
        <h2 id="standard-h" className="mb-2 text-lg font-semibold">{t("detail.standard")}</h2>
        <p>
          {relief.dibaoMonthly && relief.monthsMax && relief.cap
            ? t("detail.standardText", { dibao: money(relief.dibaoMonthly), months: relief.monthsMax, cap: money(relief.cap), min: relief.emergencyMonthsMin ?? "—" })
            : t("detail.standardUnknown")}
        </p>
        {d.illness?.estimatePolicy || outOfPocket ? (
          <p className="mt-1">
            {t("detail.estimate")}：{t("detail.outOfPocket")} <Num>{money(outOfPocket)}</Num>
          </p>
        ) : null}
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4">
        <dl className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1" data-testid="case-data">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-ink-muted">{k}</dt>
              <dd className="min-w-0 break-words">{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="docs-h">
        <h2 id="docs-h" className="mb-2 text-lg font-semibold">{t("detail.documents")}</h2>
        {view.documents.length === 0 ? <p>{t("detail.noDocuments")}</p> : null}
        <ul className="space-y-1" data-testid="staff-documents">
          {view.documents.map((doc) => (
            <li key={doc.id}>
              <a href={`/api/v1/documents/${doc.id}`} target="_blank" rel="noreferrer" className="target-link text-brand underline">
                {ta(`documents.types.${doc.docType}`)}
              </a>{" "}
              <span className="text-sm text-ink-muted">{formatDateTime(doc.createdAt, lng)}</span>
            </li>
          ))}
        </ul>
        {view.data.documentsToFollow.length ? (
          <p className="mt-2 text-sm">
            {t("detail.toFollow")}：{view.data.documentsToFollow.map((x) => ta(`documents.types.${x}`)).join("、")}
          </p>
        ) : null}
      </section>
      <section className="mb-4 rounded-xl bg-cell p-4" aria-labelledby="hist-h">
        <h2 id="hist-h" className="mb-2 text-lg font-semibold">{t("detail.history")}</h2>
        <ol className="space-y-2" data-testid="staff-history">
          {view.events.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="font-medium">
                {e.action ? t(`actions.${e.action}`) : tc(`status.${e.status}`)} · {e.actorRole ? t(`roles.${e.actorRole}`) : ""}
              </p>
              <p className="text-ink-muted">{formatDateTime(e.at, lng)}</p>
              {e.reason ? <p>{e.reason}</p> : null}
              {e.note ? <p>{e.note}</p> : null}
              {e.action === "submit" && view.assistedBy ? <AssistedByNote text={assistedByText(view.assistedBy, lng)} /> : null}
              {e.action === "recount-deadline" ? <RecountDetails details={e.details} t={(k, p) => t(k, p)} formatDate={fmt} /> : null}
            </li>
          ))}
        </ol>
      </section>
      <Link href={`/${lng}/staff`} className="target-link text-brand underline">
        {t("detail.back")}
      </Link>
    </PageFrame>
  );
}
