import Decimal from "decimal.js";
import { accessRefusal, type Actor } from "@/lib/auth/access";
import { CASE_ROLES, type CaseRole } from "@/lib/auth/roles";
import {
  type CalendarDate,
  calendarDateInChina,
  countCalendarDays,
  countWorkingDays,
  isCalendarDate,
} from "@/lib/calendar/working-days";

/**
 * The 临时救助 (temporary relief) application workflow as a pure state machine.
 *
 * Procedure (DOMAIN-BRIEF §7.3; 社会救助暂行办法 国务院令第649号, 国发〔2014〕47号):
 *   申请 → 乡镇(街道)受理 → 核对/入户调查 → 拟救助金额 → 公示 → 县级审批 → 发放
 * with 补正 (missing documents, then back to review) and the 急难型 先行救助 path: approve and pay
 * first, documents completed after.
 *
 * `applyAction(state, action, actor, now)` either refuses with a typed code or returns the next
 * state and the event to append to the audit log / timeline. It never throws for bad input and
 * never reads the clock: `now` is passed in, and China's calendar date is derived from it.
 * Per-place timing (公示 length and unit, 补正 and 先行救助 document deadlines) arrives inside the
 * actions, computed by the caller from the policy pack.
 *
 * A deadline counted through a year whose State Council holiday notice is not published yet is counted
 * provisionally (lib/calendar/working-days.ts) and stored with a `…Provisional` mark; it is never a reason
 * to refuse an action. lib/applications/recount.ts recounts it when the notice arrives.
 */

export const APPLICATION_STATUSES = [
  "draft", // 草稿: being filled in by the applicant
  "submitted", // 已提交: waiting for 受理
  "received", // 已受理
  "not-accepted", // 不予受理 (terminal)
  "correction", // 补正: waiting for the applicant's documents
  "reviewing", // 核对/入户调查
  "proposed", // 拟救助: caseworker proposed an amount
  "publicity", // 公示
  "approving", // 待审批
  "approved", // 批准, waiting for payment
  "refused", // 不予救助 (terminal)
  "paid", // 已发放 (terminal, except completing 先行救助 documents)
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who may appear in a transition: the applicant and the case roles (lib/auth/roles.ts). */
export const ROLES = ["citizen", ...CASE_ROLES] as const;
export type Role = "citizen" | CaseRole;

/** Who acts: built from the session by lib/auth/access.ts `actorFor`, never from the request body. */
export type { Actor };

export const ACTION_TYPES = [
  "submit",
  "accept",
  "reject-acceptance",
  "request-correction",
  "submit-correction",
  "record-check",
  "propose-amount",
  "start-publicity",
  "record-objection",
  "end-publicity",
  "return-for-review",
  "approve",
  "refuse",
  "pay",
  "emergency-approve-and-pay",
  "complete-documents",
  "hand-in-documents",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const CHECK_KINDS = [
  "economic-check", // 家庭经济状况核对
  "home-visit", // 入户调查
  "neighbourhood-visit", // 邻里走访
  "democratic-review", // 民主评议
  "other",
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** Amounts are decimal strings in yuan, at most two decimals: "1500", "1500.00", "2476.5". */
export type ApplicationAction =
  | { type: "submit" }
  | { type: "accept" }
  | { type: "reject-acceptance"; reason: string }
  | {
      type: "request-correction";
      documents: string[];
      dueOn: CalendarDate;
      note?: string;
      /** The working days the form counted `dueOn` from today; when it still matches, the date is recounted with the notice. */
      dueInWorkingDays?: number;
    }
  | { type: "submit-correction"; documents: string[] }
  | { type: "record-check"; note: string; kind?: CheckKind }
  | { type: "propose-amount"; amount: string; reason: string }
  | { type: "start-publicity"; days: number; dayUnit: "working" | "calendar" }
  | { type: "record-objection"; note: string }
  | { type: "end-publicity"; reason?: string }
  | { type: "return-for-review"; reason: string }
  | { type: "approve"; amount: string }
  | { type: "refuse"; reason: string }
  | { type: "pay"; paidOn: CalendarDate }
  | {
      type: "emergency-approve-and-pay";
      amount: string;
      reason: string;
      paidOn: CalendarDate;
      /** When the documents still missing are due (e.g. 宁国: 20 个工作日); null if none are missing. */
      documentsDueOn: CalendarDate | null;
      /** As `dueInWorkingDays` of a 补正 request. */
      documentsDueInWorkingDays?: number;
    }
  | { type: "complete-documents"; documents: string[] }
  /** Documents the applicant declared "to follow" at submission, handed in whenever they are ready. */
  | { type: "hand-in-documents"; documents: string[] };

export type Transition = {
  from: ApplicationStatus;
  action: ActionType;
  to: ApplicationStatus;
  roles: readonly Role[];
};

const STAFF_INTAKE: readonly Role[] = ["desk", "caseworker"];

/**
 * Every legal move. Anything not listed is refused with "illegal-transition". `admin` appears
 * nowhere: administrators manage accounts and areas, they do not decide cases.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: "draft", action: "submit", to: "submitted", roles: ["citizen", "desk"] },

  { from: "submitted", action: "accept", to: "received", roles: STAFF_INTAKE },
  { from: "submitted", action: "reject-acceptance", to: "not-accepted", roles: STAFF_INTAKE },
  { from: "submitted", action: "emergency-approve-and-pay", to: "paid", roles: ["approver"] },

  { from: "received", action: "request-correction", to: "correction", roles: STAFF_INTAKE },
  { from: "received", action: "record-check", to: "reviewing", roles: ["caseworker"] },
  { from: "received", action: "emergency-approve-and-pay", to: "paid", roles: ["approver"] },

  { from: "correction", action: "request-correction", to: "correction", roles: STAFF_INTAKE },
  { from: "correction", action: "submit-correction", to: "reviewing", roles: ["citizen", "desk", "caseworker"] },
  { from: "correction", action: "refuse", to: "refused", roles: ["approver"] },
  { from: "correction", action: "emergency-approve-and-pay", to: "paid", roles: ["approver"] },

  { from: "reviewing", action: "request-correction", to: "correction", roles: STAFF_INTAKE },
  { from: "reviewing", action: "record-check", to: "reviewing", roles: ["caseworker"] },
  { from: "reviewing", action: "propose-amount", to: "proposed", roles: ["caseworker"] },
  { from: "reviewing", action: "refuse", to: "refused", roles: ["approver"] },
  { from: "reviewing", action: "emergency-approve-and-pay", to: "paid", roles: ["approver"] },

  { from: "proposed", action: "start-publicity", to: "publicity", roles: ["caseworker"] },
  { from: "proposed", action: "return-for-review", to: "reviewing", roles: ["caseworker"] },

  { from: "publicity", action: "record-objection", to: "publicity", roles: STAFF_INTAKE },
  { from: "publicity", action: "end-publicity", to: "approving", roles: ["caseworker"] },
  { from: "publicity", action: "return-for-review", to: "reviewing", roles: ["caseworker"] },

  { from: "approving", action: "approve", to: "approved", roles: ["approver"] },
  { from: "approving", action: "refuse", to: "refused", roles: ["approver"] },
  { from: "approving", action: "return-for-review", to: "reviewing", roles: ["approver"] },

  { from: "approved", action: "pay", to: "paid", roles: ["caseworker", "approver"] },

  { from: "paid", action: "complete-documents", to: "paid", roles: ["citizen", "desk", "caseworker"] },

  // Documents declared "to follow" may be handed in at any point of an open case (and after 发放, to complete the file).
  ...(["submitted", "received", "reviewing", "proposed", "publicity", "approving", "approved", "paid"] as const).map(
    (from): Transition => ({ from, action: "hand-in-documents", to: from, roles: ["citizen"] }),
  ),
];

export function findTransition(from: ApplicationStatus, action: ActionType): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

export type ApplicationErrorCode =
  | "unknown-action"
  | "illegal-transition"
  | "role-not-allowed"
  | "not-owner" // a citizen acting on someone else's application
  | "wrong-area" // staff acting outside their area
  | "wrong-school" // a school's staff acting on another school's record
  | "not-in-session" // a desk worker acting outside the assisted session they are in
  | "session-ended" // the assisted session was handed over or its consent withdrawn
  | "reason-required"
  | "note-required"
  | "documents-required"
  | "invalid-date"
  | "due-date-not-after-today"
  | "date-in-future"
  | "date-before-decision"
  | "invalid-amount"
  | "invalid-publicity-length"
  | "no-check-recorded" // an amount proposed before any 核对/调查 was recorded
  | "no-proposal"
  | "self-approval"
  | "amount-differs-from-proposal"
  | "publicity-not-over"
  | "not-urgent" // 先行救助 is for 急难型 applications only
  | "no-documents-pending"
  | "inconsistent-state"; // the stored state lacks what its status implies (e.g. 公示 without dates)

export type ReliefType = "urgent" | "expense"; // 急难型 / 支出型

/**
 * How a stored due date was counted, so it can be recounted when a holiday notice arrives. Absent when
 * the date was typed by staff (it stays as typed).
 */
export type DueCount = { from: CalendarDate; days: number; unit: "working" | "calendar" };

export type ApplicationState = {
  status: ApplicationStatus;
  applicantId: string;
  areaCode: string;
  reliefType: ReliefType;
  submittedOn: CalendarDate | null;
  receivedOn: CalendarDate | null;
  correction: {
    documents: string[];
    dueOn: CalendarDate;
    requestedOn: CalendarDate;
    requestedBy: string;
    dueCount?: DueCount | null;
    /** Counted through a year without a holiday notice (暂定). Absent in states stored before the mark existed: false. */
    dueProvisional?: boolean;
  } | null;
  /** 核对/调查 notes recorded so far. */
  checks: number;
  proposal: { amount: string; reason: string; proposedBy: string; proposedOn: CalendarDate } | null;
  publicity: {
    startedOn: CalendarDate;
    endsOn: CalendarDate;
    days: number;
    dayUnit: "working" | "calendar";
    objections: number;
    endedOn: CalendarDate | null;
    /** `endsOn` was counted through a year without a holiday notice (暂定). */
    endsOnProvisional?: boolean;
  } | null;
  decision: {
    outcome: "not-accepted" | "approved" | "refused";
    amount: string | null;
    reason: string | null;
    decidedBy: string;
    decidedOn: CalendarDate;
  } | null;
  payment: { amount: string; paidOn: CalendarDate; recordedBy: string } | null;
  /** Document types handed in after submission (declared to follow, 补正, 先行救助); absent in states stored before it existed. */
  documentsHandedIn?: string[];
  /** Set on the 先行救助 path. */
  emergency: {
    documentsDueOn: CalendarDate | null;
    documentsCompletedOn: CalendarDate | null;
    documentsDueCount?: DueCount | null;
    documentsDueProvisional?: boolean;
  } | null;
};

/** What the audit log and the timeline store for each accepted action. */
export type ApplicationEvent = {
  action: ActionType;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actorId: string;
  actorRole: Role;
  /** The instant, ISO 8601 UTC. */
  at: string;
  /** China's calendar date at that instant. */
  on: CalendarDate;
  /** Why, where the action carries a reason. */
  reason: string | null;
  /** Free-text note (核对 findings, objection, 补正 note). */
  note: string | null;
  details: Record<string, string | number | boolean | string[] | null>;
};

export type ApplyResult =
  | { ok: true; state: ApplicationState; event: ApplicationEvent }
  | { ok: false; code: ApplicationErrorCode };

export function newApplication(input: { applicantId: string; areaCode: string; reliefType: ReliefType }): ApplicationState {
  return {
    status: "draft",
    applicantId: input.applicantId,
    areaCode: input.areaCode,
    reliefType: input.reliefType,
    submittedOn: null,
    receivedOn: null,
    correction: null,
    checks: 0,
    proposal: null,
    publicity: null,
    decision: null,
    payment: null,
    emergency: null,
  };
}

const MAX_PUBLICITY_DAYS = 60;
const AMOUNT_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;

class Refusal {
  constructor(readonly code: ApplicationErrorCode) {}
}

function refuse(code: ApplicationErrorCode): never {
  throw new Refusal(code);
}

function text(value: unknown, code: ApplicationErrorCode): string {
  const s = typeof value === "string" ? value.trim() : "";
  if (!s) refuse(code);
  return s;
}

/** A part of the state its status guarantees; refuses rather than crash if storage lost it. */
function need<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) refuse("inconsistent-state");
  return value;
}

function optionalText(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function documentList(value: unknown): string[] {
  if (!Array.isArray(value)) refuse("documents-required");
  const docs = [...new Set(value.filter((d): d is string => typeof d === "string").map((d) => d.trim()).filter(Boolean))];
  if (docs.length === 0 || docs.length !== value.length) refuse("documents-required");
  return docs;
}

function amount(value: unknown): string {
  if (typeof value !== "string" || !AMOUNT_PATTERN.test(value.trim())) refuse("invalid-amount");
  const d = new Decimal(value.trim());
  if (d.lte(0)) refuse("invalid-amount");
  return d.toFixed(2);
}

function date(value: unknown): CalendarDate {
  if (!isCalendarDate(value)) refuse("invalid-date");
  return value;
}

/** Ownership and area, by the one access rule (lib/auth/access.ts). */
function canAct(actor: Actor, state: ApplicationState): ApplicationErrorCode | null {
  const refusal = accessRefusal(actor, { ownerId: state.applicantId, areaCode: state.areaCode });
  // A class teacher never reaches an application: told as the school side's refusal. A family viewer never acts
  // (their reach is read-only and never comes from a session): told as someone else's application.
  if (refusal === "not-viewer") return "not-owner";
  return refusal === "wrong-class" || refusal === "wrong-pupil" ? "wrong-school" : refusal;
}

function mayMove(transition: Transition, actor: Actor): boolean {
  return (transition.roles as readonly string[]).includes(actor.role);
}

/** Actions this actor may attempt on the application now (legal move, role, ownership/area). */
export function availableActions(state: ApplicationState, actor: Actor): ActionType[] {
  if (canAct(actor, state) !== null) return [];
  return TRANSITIONS.filter(
    (t) =>
      t.from === state.status &&
      mayMove(t, actor) &&
      !(t.action === "complete-documents" && !documentsPending(state)) &&
      !(t.action === "emergency-approve-and-pay" && state.reliefType !== "urgent"),
  ).map((t) => t.action);
}

function documentsPending(state: ApplicationState): boolean {
  return !!state.emergency?.documentsDueOn && !state.emergency.documentsCompletedOn;
}

export function applyAction(
  state: ApplicationState,
  action: ApplicationAction,
  actor: Actor,
  now: Date,
): ApplyResult {
  const type = (action as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !(ACTION_TYPES as readonly string[]).includes(type)) {
    return { ok: false, code: "unknown-action" };
  }
  const transition = findTransition(state.status, type as ActionType);
  if (!transition) return { ok: false, code: "illegal-transition" };
  if (!mayMove(transition, actor)) {
    return { ok: false, code: "role-not-allowed" };
  }
  const access = canAct(actor, state);
  if (access) return { ok: false, code: access };
  if (!Number.isFinite(now.getTime())) return { ok: false, code: "invalid-date" };

  try {
    const today = calendarDateInChina(now);
    const { next, reason = null, note = null, details = {} } = step(state, action, actor, today);
    const event: ApplicationEvent = {
      action: action.type,
      from: state.status,
      to: transition.to,
      actorId: actor.id,
      actorRole: actor.role as Role,
      at: now.toISOString(),
      on: today,
      reason,
      note,
      details,
    };
    return { ok: true, state: { ...next, status: transition.to }, event };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code };
    throw e;
  }
}

type Step = {
  next: ApplicationState;
  reason?: string | null;
  note?: string | null;
  details?: ApplicationEvent["details"];
};

/**
 * A due date from a form. When the form says it counted the date as n working days from today and the
 * count still gives that date, the count is kept (and its provisional mark); a date typed by hand is kept as typed.
 */
function dueDate(dueOn: CalendarDate, today: CalendarDate, workingDays: unknown): { count: DueCount | null; provisional: boolean } {
  if (typeof workingDays !== "number" || !Number.isSafeInteger(workingDays) || workingDays < 1 || workingDays > 366) {
    return { count: null, provisional: false };
  }
  const counted = countWorkingDays(today, workingDays);
  if (counted.date !== dueOn) return { count: null, provisional: false };
  return { count: { from: today, days: workingDays, unit: "working" }, provisional: counted.provisional };
}

/** `{ [key]: true }` when provisional, so stored states and events mention the mark only where it applies. */
const provisionalDetail = (key: string, provisional: boolean) => (provisional ? { [key]: true } : {});

/** The count behind a due date and its mark, as stored fields (none for a date typed by hand). */
const dueFields = (countKey: string, provisionalKey: string, due: { count: DueCount | null; provisional: boolean }) => ({
  ...(due.count ? { [countKey]: due.count } : {}),
  ...provisionalDetail(provisionalKey, due.provisional),
});

function step(s: ApplicationState, a: ApplicationAction, actor: Actor, today: CalendarDate): Step {
  switch (a.type) {
    case "submit":
      return { next: { ...s, submittedOn: today } };

    case "accept":
      return { next: { ...s, receivedOn: today } };

    case "reject-acceptance": {
      // 不予受理 must be explained to the applicant in writing.
      const reason = text(a.reason, "reason-required");
      return {
        next: { ...s, decision: { outcome: "not-accepted", amount: null, reason, decidedBy: actor.id, decidedOn: today } },
        reason,
      };
    }

    case "request-correction": {
      // 一次性告知: every missing document in one request, with a date.
      const documents = documentList(a.documents);
      const dueOn = date(a.dueOn);
      if (dueOn <= today) refuse("due-date-not-after-today");
      const due = dueDate(dueOn, today, a.dueInWorkingDays);
      return {
        next: {
          ...s,
          correction: { documents, dueOn, requestedOn: today, requestedBy: actor.id, ...dueFields("dueCount", "dueProvisional", due) },
        },
        note: optionalText(a.note),
        details: { documents, dueOn, ...provisionalDetail("dueOnProvisional", due.provisional) },
      };
    }

    case "submit-correction": {
      const documents = documentList(a.documents);
      return { next: { ...s, correction: null, documentsHandedIn: handedIn(s, documents) }, details: { documents, requested: s.correction?.documents ?? [] } };
    }

    case "record-check": {
      const note = text(a.note, "note-required");
      const kind: CheckKind = a.kind && (CHECK_KINDS as readonly string[]).includes(a.kind) ? a.kind : "other";
      return { next: { ...s, checks: s.checks + 1 }, note, details: { kind } };
    }

    case "propose-amount": {
      const value = amount(a.amount);
      const reason = text(a.reason, "reason-required");
      if (s.checks < 1) refuse("no-check-recorded");
      return {
        next: { ...s, proposal: { amount: value, reason, proposedBy: actor.id, proposedOn: today } },
        reason,
        details: { amount: value },
      };
    }

    case "start-publicity": {
      if (!Number.isSafeInteger(a.days) || a.days < 1 || a.days > MAX_PUBLICITY_DAYS) refuse("invalid-publicity-length");
      if (a.dayUnit !== "working" && a.dayUnit !== "calendar") refuse("invalid-publicity-length");
      // The day it is posted does not count; a period in calendar days ends on a working day.
      const ends = a.dayUnit === "working" ? countWorkingDays(today, a.days) : countCalendarDays(today, a.days);
      const endsOn = ends.date;
      return {
        next: {
          ...s,
          publicity: {
            startedOn: today,
            endsOn,
            days: a.days,
            dayUnit: a.dayUnit,
            objections: 0,
            endedOn: null,
            ...provisionalDetail("endsOnProvisional", ends.provisional),
          },
        },
        details: { days: a.days, dayUnit: a.dayUnit, endsOn, amount: s.proposal?.amount ?? null, ...provisionalDetail("endsOnProvisional", ends.provisional) },
      };
    }

    case "record-objection": {
      const note = text(a.note, "note-required");
      const publicity = need(s.publicity);
      return { next: { ...s, publicity: { ...publicity, objections: publicity.objections + 1 } }, note };
    }

    case "end-publicity": {
      const publicity = need(s.publicity);
      if (today <= publicity.endsOn) refuse("publicity-not-over");
      // Objections must be answered before the case goes to the approver.
      const reason = publicity.objections > 0 ? text(a.reason, "reason-required") : optionalText(a.reason);
      return {
        next: { ...s, publicity: { ...publicity, endedOn: today } },
        reason,
        details: { objections: publicity.objections },
      };
    }

    case "return-for-review": {
      const reason = text(a.reason, "reason-required");
      return { next: { ...s, proposal: null, publicity: null }, reason };
    }

    case "approve": {
      const value = amount(a.amount);
      const proposal = s.proposal;
      if (!proposal) refuse("no-proposal");
      if (proposal.proposedBy === actor.id) refuse("self-approval");
      // What was 公示'd is what is approved; a different amount goes back for review.
      if (!new Decimal(value).eq(proposal.amount)) refuse("amount-differs-from-proposal");
      return {
        next: { ...s, decision: { outcome: "approved", amount: value, reason: null, decidedBy: actor.id, decidedOn: today } },
        details: { amount: value, proposedBy: proposal.proposedBy },
      };
    }

    case "refuse": {
      // 不予救助 must be explained to the applicant in writing.
      const reason = text(a.reason, "reason-required");
      return {
        next: { ...s, decision: { outcome: "refused", amount: null, reason, decidedBy: actor.id, decidedOn: today } },
        reason,
      };
    }

    case "pay": {
      const paidOn = date(a.paidOn);
      if (paidOn > today) refuse("date-in-future");
      const decision = need(s.decision);
      const paidAmount = need(decision.amount);
      if (paidOn < decision.decidedOn) refuse("date-before-decision");
      return {
        next: { ...s, payment: { amount: paidAmount, paidOn, recordedBy: actor.id } },
        details: { amount: decision.amount, paidOn },
      };
    }

    case "emergency-approve-and-pay": {
      if (s.reliefType !== "urgent") refuse("not-urgent");
      const value = amount(a.amount);
      const reason = text(a.reason, "reason-required");
      const paidOn = date(a.paidOn);
      if (paidOn > today) refuse("date-in-future");
      if (s.submittedOn && paidOn < s.submittedOn) refuse("date-before-decision");
      const documentsDueOn = a.documentsDueOn === null ? null : date(a.documentsDueOn);
      if (documentsDueOn !== null && documentsDueOn <= today) refuse("due-date-not-after-today");
      const due = documentsDueOn === null ? { count: null, provisional: false } : dueDate(documentsDueOn, today, a.documentsDueInWorkingDays);
      return {
        next: {
          ...s,
          receivedOn: s.receivedOn ?? today,
          correction: null,
          decision: { outcome: "approved", amount: value, reason, decidedBy: actor.id, decidedOn: today },
          payment: { amount: value, paidOn, recordedBy: actor.id },
          emergency: {
            documentsDueOn,
            documentsCompletedOn: null,
            ...dueFields("documentsDueCount", "documentsDueProvisional", due),
          },
        },
        reason,
        details: { amount: value, paidOn, documentsDueOn, ...provisionalDetail("documentsDueOnProvisional", due.provisional) },
      };
    }

    case "complete-documents": {
      if (!documentsPending(s)) refuse("no-documents-pending");
      const documents = documentList(a.documents);
      return { next: { ...s, emergency: { ...need(s.emergency), documentsCompletedOn: today }, documentsHandedIn: handedIn(s, documents) }, details: { documents } };
    }

    case "hand-in-documents": {
      const documents = documentList(a.documents);
      return { next: { ...s, documentsHandedIn: handedIn(s, documents) }, details: { documents } };
    }
  }
}

function handedIn(s: ApplicationState, documents: string[]): string[] {
  return [...new Set([...(s.documentsHandedIn ?? []), ...documents])];
}

// ---------------------------------------------------------------------------------------------
// The citizen's timeline: 受理 → 审核 → 公示 → 审批 → 发放

export const TIMELINE_STEPS = ["acceptance", "review", "publicity", "approval", "payment"] as const;
export type TimelineStepId = (typeof TIMELINE_STEPS)[number];

/** The step a status is in (for "where is my application"); null before submission. */
export const STATUS_STEP: Readonly<Record<ApplicationStatus, TimelineStepId | null>> = {
  draft: null,
  submitted: "acceptance",
  "not-accepted": "acceptance",
  received: "review",
  correction: "review",
  reviewing: "review",
  proposed: "publicity",
  publicity: "publicity",
  approving: "approval",
  refused: "approval",
  approved: "payment",
  paid: "payment",
};

export type TimelineStepState =
  | "done"
  | "current"
  | "upcoming"
  | "skipped" // bypassed: 先行救助, or refused before reaching it
  | "stopped" // the application ended here (不予受理 / 不予救助)
  | "not-reached"; // after a stop

export type TimelineStep = {
  id: TimelineStepId;
  state: TimelineStepState;
  /** When the step was completed (or stopped). */
  on: CalendarDate | null;
  /** A date the current step waits for, when the state knows it (补正 due, 公示 end, documents due). */
  dueOn: CalendarDate | null;
  /** `dueOn` was counted through a year without a holiday notice (暂定). */
  dueProvisional: boolean;
  /** Whose move it is, for the current step (or for documents owed after 先行救助). */
  waitingFor: "applicant" | "office" | null;
};

export function timelineSteps(s: ApplicationState): TimelineStep[] {
  const steps = new Map<TimelineStepId, TimelineStep>(
    TIMELINE_STEPS.map((id) => [id, { id, state: "upcoming", on: null, dueOn: null, dueProvisional: false, waitingFor: null }]),
  );
  const set = (id: TimelineStepId, patch: Partial<TimelineStep>) => steps.set(id, { ...steps.get(id)!, ...patch });
  const current = STATUS_STEP[s.status];
  if (current === null) return [...steps.values()];

  const index = TIMELINE_STEPS.indexOf(current);
  for (const id of TIMELINE_STEPS.slice(0, index)) set(id, { state: "done" });
  set(current, { state: "current", waitingFor: "office" });

  if (s.receivedOn) set("acceptance", { on: s.receivedOn });
  if (s.proposal) set("review", { on: s.proposal.proposedOn });
  if (s.publicity?.endedOn) set("publicity", { on: s.publicity.endedOn });

  switch (s.status) {
    case "correction":
      set("review", { waitingFor: "applicant", dueOn: s.correction?.dueOn ?? null, dueProvisional: !!s.correction?.dueProvisional });
      break;
    case "publicity":
      set("publicity", { dueOn: s.publicity?.endsOn ?? null, dueProvisional: !!s.publicity?.endsOnProvisional });
      break;
    case "not-accepted":
    case "refused": {
      const stopAt = current;
      set(stopAt, { state: "stopped", on: s.decision?.decidedOn ?? null, waitingFor: null });
      for (const id of TIMELINE_STEPS.slice(index + 1)) set(id, { state: "not-reached" });
      // Refused during review: the review happened (without an amount), 公示 never did.
      if (s.status === "refused") {
        if (!s.proposal) set("review", { state: s.checks > 0 ? "done" : "skipped", on: null });
        if (!s.publicity?.endedOn) set("publicity", { state: "skipped", on: null });
      }
      break;
    }
    case "approved":
      set("approval", { on: s.decision?.decidedOn ?? null });
      break;
    case "paid":
      set("approval", { on: s.decision?.decidedOn ?? null });
      set("payment", { state: "done", on: s.payment?.paidOn ?? null, waitingFor: null });
      if (s.emergency) {
        // 先行救助: approved and paid before review and 公示 (those are 事后 where the place does them).
        if (!s.proposal) set("review", { state: "skipped" });
        if (!s.publicity?.endedOn) set("publicity", { state: "skipped" });
        if (documentsPending(s)) {
          set("payment", { waitingFor: "applicant", dueOn: s.emergency.documentsDueOn, dueProvisional: !!s.emergency.documentsDueProvisional });
        }
      }
      break;
  }
  return [...steps.values()];
}
