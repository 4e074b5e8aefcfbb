import { type CalendarDate, calendarDateInChina, type CountedDate } from "@/lib/calendar/working-days";
import { recordAudit } from "@/lib/db/audit";
import type { StaffSessionUser } from "@/lib/auth/roles";
import type { DocumentType } from "@/lib/applications/documents";
import { addPeriod, type Period } from "@/lib/applications/procedure";
import { type ApplicationView, caseActor, documentsOwed, getApplicationForStaff, mayAccessApplication, type ServiceContext } from "@/lib/applications/service";
import { issueTrackingCode } from "@/lib/desk/tracking-code";
import type { Locale } from "@/lib/i18n/settings";

/**
 * What goes on the paper a help desk hands to an applicant: the 受理回执 (reference, date, what
 * happens next with its dates, the desk, the tracking code) and the 一次性告知书 (every missing
 * document at once, with the date it is due). Dates come from the area's policy pack through the
 * working-day calendar; both papers are built for a staff member of the application's area only.
 */

export type HelpDeskCard = { name: string; address: string; phone: string };

export type NextStep = {
  id: "acceptance" | "review" | "publicity" | "approval" | "payment";
  period: Period;
  /** Done on this date (already happened), or expected by it if every step takes its full time. */
  doneOn: CalendarDate | null;
  by: CalendarDate | null;
  provisional: boolean;
};

export type Receipt = {
  applicationId: string;
  reference: string;
  submittedOn: CalendarDate;
  printedOn: CalendarDate;
  steps: NextStep[];
  desk: HelpDeskCard | null;
};

export type OwedNotice = {
  applicationId: string;
  reference: string;
  printedOn: CalendarDate;
  documents: DocumentType[];
  dueOn: CalendarDate | null;
  provisional: boolean;
  /** The due date is the pack's default 补正 period, which no local document sets (shown as 参考值). */
  assumed: boolean;
  /** Why the documents are owed: a 补正 request, documents after 先行救助, or declared "to follow" at submission. */
  basis: "correction" | "after-emergency" | "to-follow" | "none";
};

const now = (ctx: ServiceContext) => (ctx.now ? ctx.now() : new Date());

/** The desk the staff member sits at (name, address, phone in the page's script); null if none is set. */
export async function helpDeskOf(ctx: ServiceContext, user: StaffSessionUser, lng: Locale): Promise<HelpDeskCard | null> {
  const staff = await ctx.db.staffUser.findUnique({ where: { id: user.id }, select: { helpDesk: true } });
  const desk = staff?.helpDesk;
  if (!desk) return null;
  return lng === "zh-Hant"
    ? { name: desk.nameZhHant, address: desk.addressZhHant, phone: desk.phone }
    : { name: desk.nameZhHans, address: desk.addressZhHans, phone: desk.phone };
}

/**
 * The steps after submission, each expected by the end of its period counted from the previous one
 * (受理 from the submission day, 审核 from 受理, 公示 from the end of 审核, …): the latest dates if
 * every step takes its full time; a step already done shows the day it was done.
 */
export function nextSteps(view: Pick<ApplicationView, "state" | "timings" | "timeline">, submittedOn: CalendarDate): NextStep[] {
  const t = view.timings;
  const doneOn = (id: NextStep["id"]) => view.timeline.find((s) => s.id === id && s.state === "done")?.on ?? null;
  const steps: NextStep[] = [];
  let from: CountedDate = { date: submittedOn, provisional: false };
  const order: [NextStep["id"], Period][] = [
    ["acceptance", t.acceptance],
    ["review", t.review],
    ["publicity", t.publicity],
    ["approval", t.approval],
    ["payment", t.payment],
  ];
  for (const [id, period] of order) {
    const done = id === "acceptance" ? (view.state.receivedOn ?? doneOn(id)) : doneOn(id);
    if (done) {
      steps.push({ id, period, doneOn: done, by: null, provisional: false });
      from = { date: done, provisional: false };
      continue;
    }
    const end = addPeriod(from.date, period);
    const provisional = from.provisional || end.provisional;
    steps.push({ id, period, doneOn: null, by: end.date, provisional });
    from = { date: end.date, provisional };
  }
  return steps;
}

/** The receipt for an application of the staff member's area; null otherwise (same as not found). Printing is audited. */
export async function receiptFor(ctx: ServiceContext, user: StaffSessionUser, applicationId: string, lng: Locale): Promise<Receipt | null> {
  const view = await getApplicationForStaff(ctx, user, applicationId);
  if (!view || !view.submittedAt) return null;
  const submittedOn = view.state.submittedOn ?? calendarDateInChina(view.submittedAt);
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.receipt.view", target: view.reference, at: now(ctx) });
  return {
    applicationId: view.id,
    reference: view.reference,
    submittedOn,
    printedOn: calendarDateInChina(now(ctx)),
    steps: nextSteps(view, submittedOn),
    desk: await helpDeskOf(ctx, user, lng),
  };
}

/**
 * Every document still missing, in one list, with one due date: the open 补正 request, the documents
 * owed after 先行救助, or (while the office has not asked yet) the required documents not uploaded,
 * due after the pack's default 补正 period from today.
 */
export function owedDocuments(
  view: Pick<ApplicationView, "status" | "state" | "data" | "requiredDocuments" | "documents" | "timings">,
  today: CalendarDate,
): Omit<OwedNotice, "applicationId" | "reference" | "printedOn"> {
  const owed = documentsOwed(view);
  // Documents the applicant declared "to follow" have no deadline of their own (the applicant may hand them in
  // at any step); the notice gives them one date, the pack's default 补正 period, below.
  if (owed && owed.action !== "hand-in-documents") {
    return {
      documents: owed.documents as DocumentType[],
      dueOn: owed.dueOn,
      provisional: owed.provisional,
      assumed: false,
      basis: owed.action === "submit-correction" ? "correction" : "after-emergency",
    };
  }
  const open = ["submitted", "received", "reviewing"].includes(view.status);
  const uploaded = new Set(view.documents.map((d) => d.docType));
  const missing = view.requiredDocuments.filter((d) => !uploaded.has(d));
  if (!open || !missing.length) return { documents: [], dueOn: null, provisional: false, assumed: false, basis: "none" };
  const due = addPeriod(today, view.timings.correctionDue);
  return { documents: missing, dueOn: due.date, provisional: due.provisional, assumed: view.timings.correctionDue.assumed, basis: "to-follow" };
}

export async function owedNoticeFor(ctx: ServiceContext, user: StaffSessionUser, applicationId: string): Promise<OwedNotice | null> {
  const view = await getApplicationForStaff(ctx, user, applicationId);
  if (!view) return null;
  const today = calendarDateInChina(now(ctx));
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.notice.view", target: view.reference, at: now(ctx) });
  return { applicationId: view.id, reference: view.reference, printedOn: today, ...owedDocuments(view, today) };
}

/**
 * A new tracking code for the receipt being printed (the one on any earlier receipt stops working),
 * for an application of the staff member's area; null otherwise. Audited; the code is returned once.
 */
export async function reissueTrackingCode(
  ctx: ServiceContext,
  user: StaffSessionUser,
  applicationId: string,
  meta: { ip?: string | null } = {},
): Promise<{ reference: string; code: string } | null> {
  const actor = caseActor(user);
  if (!actor) return null;
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.application.findUnique({ where: { id: applicationId }, select: { citizenId: true, areaCode: true, status: true } });
    if (!row || !mayAccessApplication(actor, row)) return null;
    const issued = await issueTrackingCode(tx, applicationId);
    if (!issued) return null;
    await recordAudit(tx, { actorType: "staff", actorId: user.id, action: "desk.tracking-code.issue", target: issued.reference, ip: meta.ip ?? null, at: now(ctx) });
    return issued;
  });
}
