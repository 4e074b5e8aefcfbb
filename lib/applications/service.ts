import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { type Actor, actorFor, mayAccess } from "@/lib/auth/access";
import { CASE_ROLES, hasRole, type SessionUser, type StaffSessionUser } from "@/lib/auth/roles";
import { calendarDateInChina, type CalendarDate, laterOf } from "@/lib/calendar/working-days";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashName } from "@/lib/crypto/lookup-hash";
import { maskIdNumber, maskPhone } from "@/lib/crypto/mask";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskBankAccount } from "@/lib/identity/id-number";
import { recordApplicantPerson } from "@/lib/people/applicants";
import { recordCaseApplication } from "@/lib/schools/zhuanban/cases";
import { sendDueNotifications } from "@/lib/sms/notification-worker";
import type { SmsSender } from "@/lib/sms/types";
import { requiredDocuments, type DocumentType } from "@/lib/applications/documents";
import {
  type DraftData,
  type FieldErrors,
  type FormSectionId,
  parseSection,
  SECTION_IDS,
  type SectionData,
  type SectionId,
  type EstimatePrefill,
  type EnteredBy,
} from "@/lib/applications/draft-schema";
import { currentDeadline, type CurrentDeadline, procedureTimings, type ProcedureTimings } from "@/lib/applications/procedure";
import { areaPrefix, formatReference, MAX_SEQUENCE } from "@/lib/applications/reference";
import { type StaffActionInput, withPackTimings } from "@/lib/applications/staff-forms";
import type { SchoolCasePrefill, ScreenerPrefill } from "@/lib/applications/prefill";
import {
  type ApplicationAction,
  type ApplicationErrorCode,
  type ApplicationState,
  type ApplicationStatus,
  applyAction,
  availableActions,
  type ActionType,
  newApplication,
  timelineSteps,
  type TimelineStep,
  TRANSITIONS,
} from "@/lib/applications/state-machine";
import { fromDbStatus, toDbStatus } from "@/lib/applications/status";
import { generateTrackingCode, hashTrackingCode } from "@/lib/desk/tracking-code";

/**
 * The 临时救助 application service: drafts, submission, staff actions and authorised reads.
 * Every write runs in one transaction; the state machine decides every move; each accepted move
 * writes the new state, its timeline event, an AuditLog row and the applicant's notification
 * together. SMS for notifications is sent after the commit (Notification is the outbox), so a
 * failing gateway never rolls back a decision and a crash leaves the message pending, not lost.
 */

export type ServiceContext = {
  db: Db;
  now?: () => Date;
  /** Sends the notification SMS after commit; null/undefined leaves them pending. */
  sms?: SmsSender | null;
};

type Tx = Prisma.TransactionClient;

export class ApplicationServiceError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "ApplicationServiceError";
  }
}

const now = (ctx: ServiceContext) => (ctx.now ? ctx.now() : new Date());

// ---------------------------------------------------------------------------------------------
// Stored data

export function encryptData(data: DraftData): string {
  return encryptField(JSON.stringify(data));
}

export function decryptData(stored: string | null | undefined): DraftData {
  if (!stored) return {};
  return JSON.parse(decryptField(stored)) as DraftData;
}

/**
 * The name columns staff queues read: the name encrypted, and its keyed hash for exact search.
 * The legacy clear column is written null (scripts/encrypt-at-rest.ts empties older rows).
 */
export function applicantNameColumns(name: string | null | undefined) {
  return name
    ? { applicantName: null, applicantNameEncrypted: encryptField(name), applicantNameHash: hashName(name) }
    : { applicantName: null, applicantNameEncrypted: null, applicantNameHash: null };
}

/** The applicant's name from a row: the encrypted column, else a legacy clear one not yet migrated. */
export function readApplicantName(row: { applicantNameEncrypted: string | null; applicantName?: string | null }): string | null {
  if (row.applicantNameEncrypted) return decryptField(row.applicantNameEncrypted);
  return row.applicantName ?? null;
}

export function readState(row: { stateJson: string | null; status: string; citizenId: string | null; areaCode: string | null; reliefType: string | null }): ApplicationState {
  if (row.stateJson) return JSON.parse(row.stateJson) as ApplicationState;
  // A row from before the state machine (seeded history): only its status is known.
  return {
    ...newApplication({ applicantId: row.citizenId ?? "", areaCode: row.areaCode ?? "", reliefType: row.reliefType === "urgent" ? "urgent" : "expense" }),
    status: fromDbStatus(row.status),
  };
}

/** The policy pack of an application's area (its procedure timings, its 临时救助 standard). */
export async function packIdFor(tx: Tx | Db, areaCode: string | null): Promise<string | null> {
  if (!areaCode) return null;
  const area = await tx.area.findUnique({ where: { code: areaCode }, select: { policyPackId: true } });
  return area?.policyPackId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Drafts

export type DraftView = {
  id: string;
  data: DraftData;
  documents: { id: string; docType: string; mimeType: string; size: number; createdAt: Date }[];
};

/** The citizen's open draft, created on first use (one per citizen: a unique column enforces it). */
export async function getOrCreateDraft(ctx: ServiceContext, citizenId: string): Promise<DraftView> {
  const { db } = ctx;
  const find = () =>
    db.application.findUnique({
      where: { draftOwnerId: citizenId },
      include: { documents: { select: { id: true, docType: true, mimeType: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } } },
    });
  let row = await find();
  if (!row) {
    try {
      await db.application.create({ data: { citizenId, draftOwnerId: citizenId, status: "draft", dataEncrypted: encryptData({}) } });
    } catch (e) {
      // A parallel request created it first (unique draftOwnerId): use theirs.
      if (!isUniqueViolation(e)) throw e;
    }
    row = await find();
  }
  if (!row) throw new ApplicationServiceError("no-draft");
  return { id: row.id, data: decryptData(row.dataEncrypted), documents: row.documents };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/**
 * Whose draft: a citizen's own (one open draft per account), or the one an assisted session at a desk
 * (窗口帮办, lib/desk/assisted.ts) keeps for its applicant, who may have no account. Callers of the
 * desk form have checked the session's access first; the desk's draft is created by lib/desk/assisted.ts.
 */
export type DraftOwner = { citizenId: string } | { deskSessionId: string };

function draftWhere(owner: DraftOwner) {
  return "citizenId" in owner ? { draftOwnerId: owner.citizenId } : { deskSessionId: owner.deskSessionId };
}

/** Apply `change` to the owner's draft data inside one transaction. */
async function updateDraft(ctx: ServiceContext, ownerOrCitizen: string | DraftOwner, change: (data: DraftData) => DraftData): Promise<DraftData> {
  const owner = typeof ownerOrCitizen === "string" ? { citizenId: ownerOrCitizen } : ownerOrCitizen;
  if ("citizenId" in owner) await getOrCreateDraft(ctx, owner.citizenId);
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.application.findUnique({ where: draftWhere(owner) });
    if (!row || row.status !== "draft") throw new ApplicationServiceError("no-draft");
    const data = change(decryptData(row.dataEncrypted));
    const updated = await tx.application.updateMany({
      where: { id: row.id, status: "draft", updatedAt: row.updatedAt },
      data: {
        dataEncrypted: encryptData(data),
        ...applicantNameColumns(data.applicant?.name),
        areaCode: data.applicant?.areaCode ?? null,
        reliefType: data.reason?.reliefType ?? null,
        urgency: data.reason?.urgency ?? null,
      },
    });
    if (updated.count !== 1) throw new ApplicationServiceError("conflict");
    return data;
  });
}

export type SaveResult = { ok: true; data: DraftData } | { ok: false; errors: FieldErrors };

/** Validate one section (zod at the boundary) and save it to the server-side draft; nothing is half-saved. */
export async function saveDraftSection(
  ctx: ServiceContext,
  citizenId: string,
  section: FormSectionId,
  input: Record<string, unknown>,
): Promise<SaveResult> {
  const parsed = parseSection(section, input);
  if (!parsed.ok) return parsed;
  return storeDraftSection(ctx, citizenId, section, parsed.data);
}

/** Save a section the caller has already parsed with its schema (the action wrapper does). */
export async function storeDraftSection<K extends FormSectionId>(
  ctx: ServiceContext,
  citizenId: string | DraftOwner,
  section: K,
  parsedData: SectionData[K],
  /** Who entered each field (assisted drafts only): stored with the draft as `enteredBy["section.field"]`. */
  enteredBy?: Record<string, EnteredBy>,
): Promise<SaveResult> {
  const parsed = { data: parsedData };
  if (section === "applicant") {
    const areaCode = (parsed.data as { areaCode: string }).areaCode;
    const area = await ctx.db.area.findUnique({ where: { code: areaCode } });
    if (!area) return { ok: false, errors: { areaCode: "required" } };
  }
  const data = await updateDraft(ctx, citizenId, (d) => {
    const value = parsed.data as Record<string, unknown>;
    // Keep which estimate the costs came from, for the caseworker.
    if (section === "illness" && !value.estimatePolicy && d.prefill) value.estimatePolicy = d.prefill.policy;
    // A draft handed over from a desk (lib/desk/handover.ts) keeps who entered what: what the applicant then
    // saves on their own phone is theirs.
    const by = enteredBy ?? (d.enteredBy ? Object.fromEntries(Object.keys(value).map((f) => [f, "applicant" as const])) : null);
    if (!by) return { ...d, [section]: value };
    const marks = Object.fromEntries(Object.entries(d.enteredBy ?? {}).filter(([k]) => !k.startsWith(`${section}.`)));
    for (const [field, who] of Object.entries(by)) marks[`${section}.${field}`] = who;
    return { ...d, [section]: value, enteredBy: marks };
  });
  return { ok: true, data };
}

export async function setDocumentsToFollow(ctx: ServiceContext, citizenId: string | DraftOwner, documents: DocumentType[]): Promise<void> {
  await updateDraft(ctx, citizenId, (d) => ({ ...d, documentsToFollow: [...new Set(documents)] }));
}

export async function setPrefill(ctx: ServiceContext, citizenId: string, prefill: EstimatePrefill): Promise<void> {
  await updateDraft(ctx, citizenId, (d) => (d.illness ? d : { ...d, prefill }));
}

/**
 * Keep the script the applicant acts in (submitting, handing in documents): their SMS go out in it
 * (lib/sms/templates.ts). Written only when it changes.
 */
export async function rememberScript(ctx: ServiceContext, citizenId: string, script: "zh-Hans" | "zh-Hant"): Promise<void> {
  // SQL's NULL is not "not equal" to anything: the never-stored case is its own branch.
  await ctx.db.citizen.updateMany({ where: { id: citizenId, OR: [{ preferredScript: null }, { NOT: { preferredScript: script } }] }, data: { preferredScript: script } });
}

/** Keep a 专班 invitation with the draft (lib/schools/zhuanban/cases.ts openInvitation): its sections pre-fill, submit marks the case. */
export async function setSchoolCasePrefill(ctx: ServiceContext, citizenId: string, schoolCase: SchoolCasePrefill): Promise<void> {
  await updateDraft(ctx, citizenId, (d) => ({ ...d, schoolCase }));
}

/** Keep 查资格's answers with the draft; each section uses them until the family saves it (lib/applications/prefill). */
export async function setScreenerPrefill(ctx: ServiceContext, citizenId: string, screener: ScreenerPrefill): Promise<void> {
  await updateDraft(ctx, citizenId, (d) => ({ ...d, screener }));
}

export type SectionStatus = "completed" | "not-started";

export function sectionStatuses(data: DraftData, uploaded: string[]): Record<SectionId, SectionStatus> {
  const out = {} as Record<SectionId, SectionStatus>;
  for (const id of SECTION_IDS) {
    if (id === "documents") {
      out[id] = missingDocuments(data, uploaded).every((d) => data.documentsToFollow?.includes(d)) && (uploaded.length > 0 || (data.documentsToFollow?.length ?? 0) > 0)
        ? "completed"
        : "not-started";
    } else out[id] = data[id] ? "completed" : "not-started";
  }
  return out;
}

export function missingDocuments(data: DraftData, uploaded: string[]): DocumentType[] {
  return requiredDocuments(data).filter((d) => !uploaded.includes(d));
}

// ---------------------------------------------------------------------------------------------
// Submission

export type SubmitResult =
  | {
      ok: true;
      applicationId: string;
      reference: string;
      repeated: boolean;
      /** The tracking code for the receipt, in clear only in this answer (stored hashed); absent on a repeat. */
      trackingCode?: string;
    }
  | { ok: false; code: "incomplete"; missing: SectionId[] }
  | { ok: false; code: "no-draft" | "invalid-key" | ApplicationErrorCode };

const SUBMIT_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Submit the citizen's draft. Idempotent by `submitKey` (generated when the review page is shown):
 * a double tap or a retry after a lost answer returns the application the first call made. The
 * reference is allocated, the status set, the event, audit row and notification written in one
 * transaction, so a crash leaves either the draft untouched or a complete submitted application.
 */
export async function submitApplication(ctx: ServiceContext, citizenId: string, submitKey: string): Promise<SubmitResult> {
  return submitDraft(ctx, { owner: { citizenId }, citizenId, assisted: null }, submitKey);
}

/**
 * A desk that submits on the applicant's behalf (after the applicant confirmed the summary read back):
 * kept on the submit event (`details.assistedBy`, shown on every timeline as 窗口帮办) and in the audit log.
 * A draft a desk handed over to the applicant's phone carries the same mark when the applicant submits it.
 */
export type AssistedSubmit = {
  sessionId: string;
  workerId: string;
  personId: string;
  helpDesk: { id: string; code: string; nameZhHans: string; nameZhHant: string } | null;
};

/** The desk that helped, as the submit event keeps it (names in both scripts, as they were that day). */
export type AssistedBy = { helpDeskId: string | null; nameZhHans: string | null; nameZhHant: string | null };

/**
 * Submit a draft: the citizen's own, or an assisted session's. The applicant submits (the state
 * machine's "submit" stays the applicant's move; a desk never gains a role in it): for an assisted
 * draft the applicant is the session's person, who owns the application through their account when
 * they have one, else through the person record (citizenId null).
 */
export async function submitDraft(
  ctx: ServiceContext,
  who: { owner: DraftOwner; citizenId: string | null; assisted: AssistedSubmit | null },
  submitKey: string,
): Promise<SubmitResult> {
  if (!SUBMIT_KEY.test(submitKey)) return { ok: false, code: "invalid-key" };
  const { citizenId, assisted } = who;
  const at = now(ctx);
  const result = await ctx.db.$transaction(async (tx): Promise<SubmitResult> => {
    const previous = await tx.application.findUnique({ where: { submitKey } });
    if (previous) {
      const same = assisted ? previous.deskSessionId === assisted.sessionId : previous.citizenId === citizenId;
      if (!same || !previous.reference) return { ok: false, code: "invalid-key" };
      return { ok: true, applicationId: previous.id, reference: previous.reference, repeated: true };
    }
    const draft = await tx.application.findUnique({ where: draftWhere(who.owner), include: { documents: { select: { docType: true } } } });
    if (!draft || draft.status !== "draft") return { ok: false, code: "no-draft" };
    const data = decryptData(draft.dataEncrypted);
    const statuses = sectionStatuses(data, draft.documents.map((d) => d.docType));
    const missing = SECTION_IDS.filter((s) => s !== "documents" && statuses[s] !== "completed");
    const undocumented = missingDocuments(data, draft.documents.map((d) => d.docType)).filter((d) => !data.documentsToFollow?.includes(d));
    if (undocumented.length) missing.push("documents");
    if (missing.length) return { ok: false, code: "incomplete", missing };
    const applicant = data.applicant!;
    const reliefType = data.reason!.reliefType;

    // An applicant without an account is known to the state machine by their person record.
    const applicantId = citizenId ?? `person:${assisted!.personId}`;
    const state0 = newApplication({ applicantId, areaCode: applicant.areaCode, reliefType });
    const applied = applyAction(state0, { type: "submit" }, { id: applicantId, role: "citizen" }, at);
    if (!applied.ok) return { ok: false, code: applied.code };

    const reference = await allocateReference(tx, applicant.areaCode, at);
    const trackingCode = generateTrackingCode();
    const packId = await packIdFor(tx, applicant.areaCode);
    const due = currentDeadline(applied.state, procedureTimings(packId));
    const updated = await tx.application.updateMany({
      where: { id: draft.id, status: "draft", updatedAt: draft.updatedAt },
      data: {
        status: toDbStatus(applied.state.status),
        stateJson: JSON.stringify(applied.state),
        reference,
        submitKey,
        draftOwnerId: null,
        citizenId,
        submittedAt: at,
        areaCode: applicant.areaCode,
        reliefType,
        urgency: data.reason!.urgency,
        ...applicantNameColumns(applicant.name),
        currentDueOn: due?.date ?? null,
        currentDueProvisional: due?.provisional ?? false,
        trackingCodeHash: hashTrackingCode(reference, trackingCode),
      },
    });
    if (updated.count !== 1) throw new ApplicationServiceError("conflict");
    // A draft started at a desk and handed over to the applicant's phone was still helped by that desk (窗口帮办).
    const startedAtDesk = !assisted && draft.deskSessionId
      ? await tx.deskSession.findUnique({ where: { id: draft.deskSessionId }, select: { helpDesk: true } })
      : null;
    const desk = assisted ? assisted.helpDesk : (startedAtDesk?.helpDesk ?? null);
    const assistedBy: { assistedBy?: AssistedBy } = assisted || startedAtDesk
      ? { assistedBy: { helpDeskId: desk?.id ?? null, nameZhHans: desk?.nameZhHans ?? null, nameZhHant: desk?.nameZhHant ?? null } }
      : {};
    await tx.applicationEvent.create({ data: eventRow(draft.id, applied.event, data.documentsToFollow ?? [], assistedBy) });
    // A 专班 invitation first: it may put the parent in the pupil's household, so the application joins that chain.
    if (data.schoolCase && citizenId) await recordCaseApplication(tx, { caseId: data.schoolCase.caseId, applicationId: draft.id, citizenId, applicant, at });
    await recordApplicantPerson(tx, { applicationId: draft.id, citizenId, personId: assisted?.personId, applicant });
    if (assisted) {
      await recordAudit(tx, { actorType: "staff", actorId: assisted.workerId, action: "desk.application.submit", target: reference, reason: `desk:${assisted.helpDesk?.code ?? "-"}`, at });
      await tx.helpLink.updateMany({ where: { kind: "desk-session", refId: assisted.sessionId }, data: { state: "applied" } });
    } else await recordAudit(tx, { actorType: "citizen", actorId: citizenId, action: "application.submit", target: reference, at });
    // An applicant without an account gets no SMS: the receipt and its tracking code are their channel.
    if (citizenId) {
      await tx.notification.create({
        data: { citizenId, applicationId: draft.id, kind: "submitted", paramsJson: JSON.stringify({ reference, status: applied.state.status, ...dueParams(due) }), createdAt: at },
      });
    }
    return { ok: true, applicationId: draft.id, reference, repeated: false, trackingCode };
  });
  if (result.ok && !result.repeated) await dispatchNotifications(ctx, { applicationId: result.applicationId });
  return result;
}

/** The next reference for the area and year, inside the caller's transaction. Skips check character "*" (hard to read out). */
export async function allocateReference(tx: Tx, areaCode: string, at: Date): Promise<string> {
  const prefix = areaPrefix(areaCode);
  const year = Number(calendarDateInChina(at).slice(0, 4));
  const counter = await tx.referenceCounter.findUnique({ where: { prefix_year: { prefix, year } } });
  let last = counter?.last ?? (await highestSequence(tx, prefix, year));
  let reference: string;
  do {
    last += 1;
    if (last > MAX_SEQUENCE) throw new ApplicationServiceError("reference-exhausted");
    reference = formatReference({ areaCode, year, sequence: last });
  } while (reference.endsWith("*"));
  await tx.referenceCounter.upsert({
    where: { prefix_year: { prefix, year } },
    create: { prefix, year, last },
    update: { last },
  });
  return reference;
}

async function highestSequence(tx: Tx, prefix: string, year: number): Promise<number> {
  const rows = await tx.application.findMany({ where: { reference: { startsWith: `${prefix}${year}-` } }, select: { reference: true } });
  return rows.reduce((max, r) => Math.max(max, Number(r.reference!.slice(prefix.length + 5, prefix.length + 11)) || 0), 0);
}

/** The timeline row stored for a state-machine event (the seed replays demo cases through it too). */
export function eventRow(
  applicationId: string,
  event: import("@/lib/applications/state-machine").ApplicationEvent,
  documentsToFollow: string[] = [],
  /** Facts kept beside the state machine's own details (a desk's help: `assistedBy`). */
  extra: Record<string, unknown> = {},
) {
  const details = { ...event.details, ...(documentsToFollow.length ? { documentsToFollow } : {}), ...extra };
  return {
    applicationId,
    status: toDbStatus(event.to),
    fromStatus: toDbStatus(event.from),
    action: event.action,
    actorRole: event.actorRole,
    actorId: event.actorId,
    at: new Date(event.at),
    reason: event.reason,
    note: event.note,
    detailsJson: Object.keys(details).length ? JSON.stringify(details) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Moving a case

export type ActionResult = { ok: true; status: ApplicationStatus } | { ok: false; code: ApplicationErrorCode | "not-found" | "conflict" };

/** The state machine's actor for a staff session; null for roles that never work on cases. */
export function caseActor(user: StaffSessionUser): Actor | null {
  return hasRole(user.role, CASE_ROLES) ? actorFor(user) : null;
}

/** The one access question for an application row: its owner and its area (drafts are the owner's alone). */
export function mayAccessApplication(actor: Actor, row: { citizenId: string | null; areaCode: string | null; status: string }): boolean {
  if (actor.role !== "citizen" && (row.status === "draft" || !hasRole(actor.role, CASE_ROLES))) return false;
  return mayAccess(actor, { ownerId: row.citizenId, areaCode: row.areaCode });
}

/**
 * A staff member's action on an application of their area (the state machine checks role, area and
 * the move). Not found and outside the area answer the same, so staff cannot probe other areas.
 * 公示's length, when the action does not carry it, comes from the area's policy pack.
 */
export async function performStaffAction(
  ctx: ServiceContext,
  user: StaffSessionUser,
  applicationId: string,
  action: StaffActionInput | ApplicationAction,
  meta: { ip?: string | null } = {},
): Promise<ActionResult> {
  const actor = caseActor(user);
  if (!actor) return { ok: false, code: "role-not-allowed" };
  return runAction(ctx, actor, applicationId, action, { actorType: "staff", ip: meta.ip ?? null });
}

/**
 * What the applicant still owes, and by when: the 补正 documents while a correction is open, the
 * documents to follow after 先行救助 (those declared "to follow", else every required one), or the
 * documents declared "to follow" not handed in yet (due with the current step; no date after 发放).
 */
export type DocumentsOwed = {
  action: "submit-correction" | "complete-documents" | "hand-in-documents";
  documents: string[];
  dueOn: CalendarDate | null;
  /** The date counts days in a year without a holiday notice (暂定). */
  provisional: boolean;
};

export function documentsOwed(
  view: Pick<ApplicationView, "status" | "state" | "data" | "requiredDocuments"> & Partial<Pick<ApplicationView, "currentDueOn" | "currentDueProvisional">>,
): DocumentsOwed | null {
  const { correction, emergency } = view.state;
  if (view.status === "correction" && correction) {
    return { action: "submit-correction", documents: correction.documents, dueOn: correction.dueOn, provisional: !!correction.dueProvisional };
  }
  if (view.status === "paid" && emergency?.documentsDueOn && !emergency.documentsCompletedOn) {
    const documents = view.data.documentsToFollow.length ? view.data.documentsToFollow : view.requiredDocuments;
    return { action: "complete-documents", documents, dueOn: emergency.documentsDueOn, provisional: !!emergency.documentsDueProvisional };
  }
  // What the applicant said would follow and has not handed in yet: owed at every step of an open case, and after
  // 发放 too (the file must be complete), by the date the current step is due, when there is one.
  if (emergency?.documentsCompletedOn || !HAND_IN_STATUSES.has(view.status)) return null;
  const handed = new Set(view.state.documentsHandedIn ?? []);
  const documents = view.data.documentsToFollow.filter((d) => !handed.has(d));
  if (!documents.length) return null;
  const dueOn = view.status === "paid" ? null : (view.currentDueOn ?? null);
  return { action: "hand-in-documents", documents, dueOn, provisional: dueOn !== null && !!view.currentDueProvisional };
}

const HAND_IN_STATUSES: ReadonlySet<ApplicationStatus> = new Set(
  TRANSITIONS.filter((t) => t.action === "hand-in-documents").map((t) => t.from),
);

/** The applicant hands in what they owe: the owed types that now have an upload ("upload-first" when none has). */
export async function handInDocuments(
  ctx: ServiceContext,
  citizenId: string,
  applicationId: string,
): Promise<ActionResult | { ok: false; code: "upload-first" }> {
  const view = await getApplicationForCitizen(ctx, citizenId, applicationId);
  if (!view) return { ok: false, code: "not-found" };
  const owed = documentsOwed(view);
  if (!owed) return { ok: false, code: "no-documents-pending" };
  const uploaded = new Set(view.documents.map((d) => d.docType));
  const documents = owed.documents.filter((d) => uploaded.has(d));
  if (!documents.length) return { ok: false, code: "upload-first" };
  return performCitizenAction(ctx, citizenId, applicationId, { type: owed.action, documents });
}

/** The applicant's own moves: 补正 documents handed in, documents completed after 先行救助. */
export async function performCitizenAction(
  ctx: ServiceContext,
  citizenId: string,
  applicationId: string,
  action: Extract<ApplicationAction, { type: "submit-correction" | "complete-documents" | "hand-in-documents" }>,
): Promise<ActionResult> {
  return runAction(ctx, { id: citizenId, role: "citizen" }, applicationId, action, { actorType: "citizen", ip: null });
}

async function runAction(
  ctx: ServiceContext,
  actor: Actor,
  applicationId: string,
  input: StaffActionInput | ApplicationAction,
  meta: { actorType: "staff" | "citizen"; ip: string | null },
): Promise<ActionResult> {
  const at = now(ctx);
  const result = await ctx.db.$transaction(async (tx): Promise<ActionResult> => {
    const row = await tx.application.findUnique({ where: { id: applicationId } });
    if (!row || row.status === "draft" || !mayAccessApplication(actor, row)) return { ok: false, code: "not-found" };
    const state = readState(row);
    const packId = await packIdFor(tx, row.areaCode);
    const action = withPackTimings(input, packId);
    const applied = applyAction(state, action, actor, at);
    if (!applied.ok) return applied;
    const timings = procedureTimings(packId);
    const due = keepToldDate(currentDeadline(state, timings), currentDeadline(applied.state, timings), row.currentDueOn as CalendarDate | null);
    const updated = await tx.application.updateMany({
      where: { id: row.id, updatedAt: row.updatedAt },
      data: {
        status: toDbStatus(applied.state.status),
        stateJson: JSON.stringify(applied.state),
        currentDueOn: due?.date ?? null,
        currentDueProvisional: due?.provisional ?? false,
      },
    });
    if (updated.count !== 1) return { ok: false, code: "conflict" };
    await tx.applicationEvent.create({ data: eventRow(row.id, applied.event) });
    await recordAudit(tx, {
      actorType: meta.actorType,
      actorId: actor.id,
      action: `application.${action.type}`,
      target: row.reference,
      reason: applied.event.reason ?? applied.event.note,
      ip: meta.ip,
      at,
    });
    if (notifies(applied.event.action, applied.event.from, applied.event.to) && actor.role !== "citizen" && row.citizenId) {
      await tx.notification.create({
        data: {
          citizenId: row.citizenId,
          applicationId: row.id,
          kind: action.type === "request-correction" ? "correction-requested" : "status-changed",
          paramsJson: JSON.stringify({ reference: row.reference, status: applied.state.status, ...messageFacts(applied.state, action.type), ...dueParams(due) }),
          createdAt: at,
        },
      });
    }
    return { ok: true, status: applied.state.status };
  });
  if (result.ok) await dispatchNotifications(ctx, { applicationId });
  return result;
}

/**
 * A date already told for the same deadline (same basis: e.g. the review period counted from the same 受理
 * day) is never moved earlier, e.g. after a recount kept the later date (lib/applications/recount.ts).
 */
function keepToldDate(before: CurrentDeadline | null, after: CurrentDeadline | null, told: CalendarDate | null): CurrentDeadline | null {
  if (!after || !before || !told || before.basis !== after.basis) return after;
  return { ...after, date: laterOf(told, after.date) };
}

/**
 * What an in-app message needs to say what happened (lib/applications/messages.ts): the amount approved or paid, the
 * documents a 补正 asks for (as type ids), and the 公示's last day. Script-free: the page words them.
 */
export function messageFacts(state: ApplicationState, action: string): { amount?: string; documents?: string[]; endsOn?: string } {
  if (action === "request-correction" && state.correction) return { documents: state.correction.documents };
  if (state.status === "paid" && state.payment) return { amount: state.payment.amount };
  if (state.status === "approved" && state.decision?.amount) return { amount: state.decision.amount };
  if (state.status === "publicity" && state.publicity) return { endsOn: state.publicity.endsOn };
  return {};
}

/** What a notification says of the current step's deadline: the date told to the applicant, and whether it is 暂定. */
export function dueParams(due: { date: CalendarDate; provisional: boolean } | null): { dueOn: CalendarDate | null; dueProvisional?: true } {
  return due ? { dueOn: due.date, ...(due.provisional ? { dueProvisional: true as const } : {}) } : { dueOn: null };
}

/** The applicant hears of every change of status and of every 补正 request; internal notes stay internal. */
function notifies(action: ActionType, from: ApplicationStatus, to: ApplicationStatus): boolean {
  return from !== to || action === "request-correction";
}

// ---------------------------------------------------------------------------------------------
// Notifications

/**
 * Send the pending notification SMS of this application now (after commit). A failure leaves the row
 * pending with its backoff for the worker (lib/sms/notification-worker.ts); it never throws.
 */
export async function dispatchNotifications(ctx: ServiceContext, where: { applicationId?: string } = {}): Promise<number> {
  if (!ctx.sms) return 0;
  try {
    const report = await sendDueNotifications(ctx.db, ctx.sms, { applicationId: where.applicationId, ...(ctx.now ? { now: ctx.now } : {}) });
    return report.sent;
  } catch (error) {
    // The decision is committed; the worker will find the message pending.
    console.error("[sms] dispatch after commit failed:", error);
    return 0;
  }
}

export async function listNotifications(ctx: ServiceContext, citizenId: string, take = 20) {
  return ctx.db.notification.findMany({ where: { citizenId }, orderBy: { createdAt: "desc" }, take });
}

// ---------------------------------------------------------------------------------------------
// Reads (authorised)

export type MaskedData = {
  applicant?: { name: string; idNumberMasked: string; phoneMasked: string; areaCode: string; address: string };
  patient?: { relationship: string; name: string; idNumberMasked: string };
  household?: DraftData["household"];
  illness?: DraftData["illness"];
  reason?: DraftData["reason"];
  bank?: { accountName: string; bankName: string; accountMasked: string };
  documentsToFollow: string[];
};

/** The bill less what insurance reimbursed, never below zero, to the fen. */
export function outOfPocket(illness: { totalCost: string; reimbursed?: string | null }): string {
  return Decimal.max(0, new Decimal(illness.totalCost).minus(illness.reimbursed || "0")).toFixed(2);
}

/** Personal data as it may appear on a screen: ID numbers, phone and bank account masked. */
export function maskData(data: DraftData): MaskedData {
  return {
    applicant: data.applicant && {
      name: data.applicant.name,
      idNumberMasked: maskIdNumber(data.applicant.idNumber),
      phoneMasked: maskPhone(data.applicant.phone),
      areaCode: data.applicant.areaCode,
      address: data.applicant.address,
    },
    patient: data.patient && {
      relationship: data.patient.relationship,
      name: data.patient.name,
      idNumberMasked: data.patient.idNumber ? maskIdNumber(data.patient.idNumber) : "",
    },
    household: data.household,
    illness: data.illness,
    reason: data.reason,
    bank: data.bank && { accountName: data.bank.accountName, bankName: data.bank.bankName, accountMasked: maskBankAccount(data.bank.account) },
    documentsToFollow: data.documentsToFollow ?? [],
  };
}

export type ApplicationView = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  reliefType: "urgent" | "expense";
  areaCode: string | null;
  applicantName: string | null;
  submittedAt: Date | null;
  currentDueOn: CalendarDate | null;
  /** currentDueOn was counted through a year without a holiday notice (暂定). */
  currentDueProvisional: boolean;
  overdue: boolean;
  state: ApplicationState;
  timeline: TimelineStep[];
  events: {
    id: string;
    action: string | null;
    status: ApplicationStatus;
    actorRole: string | null;
    at: Date;
    reason: string | null;
    note: string | null;
    details: Record<string, unknown>;
  }[];
  documents: { id: string; docType: string; mimeType: string; size: number; createdAt: Date; uploadedByKind: string }[];
  data: MaskedData;
  /** What the family paid itself: the bill less what insurance reimbursed (never below zero); null before the illness section. */
  outOfPocket: string | null;
  requiredDocuments: DocumentType[];
  timings: ProcedureTimings;
  packId: string | null;
  /** The desk that helped the applicant submit (窗口帮办), from the submit event; null when they applied themselves. */
  assistedBy: AssistedBy | null;
};

export async function loadView(db: Db, id: string, at: Date): Promise<ApplicationView | null> {
  const row = await db.application.findUnique({
    where: { id },
    include: {
      events: { orderBy: { at: "asc" } },
      documents: { orderBy: { createdAt: "asc" } },
      area: { select: { policyPackId: true } },
    },
  });
  if (!row || row.status === "draft" || !row.reference) return null;
  const state = readState(row);
  const data = decryptData(row.dataEncrypted);
  const today = calendarDateInChina(at);
  const dueOn = (row.currentDueOn as CalendarDate | null) ?? null;
  return {
    id: row.id,
    reference: row.reference,
    status: fromDbStatus(row.status),
    reliefType: row.reliefType === "urgent" ? "urgent" : "expense",
    areaCode: row.areaCode,
    applicantName: readApplicantName(row),
    submittedAt: row.submittedAt,
    currentDueOn: dueOn,
    currentDueProvisional: dueOn !== null && row.currentDueProvisional,
    overdue: dueOn !== null && dueOn < today,
    state,
    timeline: timelineSteps(state),
    events: row.events.map((e) => ({
      id: e.id,
      action: e.action,
      status: fromDbStatus(e.status),
      actorRole: e.actorRole,
      at: e.at,
      reason: e.reason,
      note: e.note,
      details: e.detailsJson ? (JSON.parse(e.detailsJson) as Record<string, unknown>) : {},
    })),
    documents: row.documents.map((d) => ({ id: d.id, docType: d.docType, mimeType: d.mimeType, size: d.size, createdAt: d.createdAt, uploadedByKind: d.uploadedByKind })),
    data: maskData(data),
    outOfPocket: data.illness ? outOfPocket(data.illness) : null,
    requiredDocuments: requiredDocuments(data),
    timings: procedureTimings(row.area?.policyPackId),
    packId: row.area?.policyPackId ?? null,
    assistedBy: assistedByOf(row.events),
  };
}

/** The desk that helped submit, read from the submit event's details (audited with it as desk.application.submit). */
export function assistedByOf(events: { action: string | null; detailsJson: string | null }[]): AssistedBy | null {
  const submit = events.find((e) => e.action === "submit" && e.detailsJson);
  if (!submit) return null;
  const details = JSON.parse(submit.detailsJson!) as { assistedBy?: AssistedBy };
  return details.assistedBy ?? null;
}

/** A citizen's own application; null for anyone else's (same answer as not found). */
export async function getApplicationForCitizen(ctx: ServiceContext, citizenId: string, applicationId: string): Promise<ApplicationView | null> {
  const row = await ctx.db.application.findUnique({ where: { id: applicationId }, select: { citizenId: true, areaCode: true, status: true } });
  if (!row || !mayAccessApplication({ id: citizenId, role: "citizen" }, row)) return null;
  return loadView(ctx.db, applicationId, now(ctx));
}

/** An application of the staff member's area (admin: any); null otherwise. Reading is audited. */
export async function getApplicationForStaff(
  ctx: ServiceContext,
  user: StaffSessionUser,
  applicationId: string,
): Promise<(ApplicationView & { actions: ActionType[] }) | null> {
  const actor = caseActor(user);
  if (!actor) return null;
  const row = await ctx.db.application.findUnique({ where: { id: applicationId }, select: { citizenId: true, areaCode: true, reference: true, status: true } });
  if (!row || !mayAccessApplication(actor, row)) return null;
  const view = await loadView(ctx.db, applicationId, now(ctx));
  if (!view) return null;
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "application.view", target: row.reference, at: now(ctx) });
  return { ...view, actions: availableActions(view.state, actor) };
}

export async function findApplicationIdByReference(db: Db, reference: string): Promise<string | null> {
  const row = await db.application.findUnique({ where: { reference }, select: { id: true } });
  return row?.id ?? null;
}

/** The id of the citizen's own application with this reference; null for anyone else's (same as none). */
export async function findOwnApplicationId(ctx: ServiceContext, citizenId: string, reference: string): Promise<string | null> {
  const row = await ctx.db.application.findUnique({ where: { reference }, select: { id: true, citizenId: true, areaCode: true, status: true } });
  return row && mayAccessApplication({ id: citizenId, role: "citizen" }, row) ? row.id : null;
}

/** An application as the signed-in person may see it: their own (citizen) or their area's (staff); null otherwise. */
export async function getApplicationFor(ctx: ServiceContext, user: SessionUser, applicationId: string) {
  return user.kind === "citizen" ? getApplicationForCitizen(ctx, user.id, applicationId) : getApplicationForStaff(ctx, user, applicationId);
}

export { randomUUID as newSubmitKey };
