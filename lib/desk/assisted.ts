import { accessRefusal } from "@/lib/auth/access";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { recordAudit } from "@/lib/db/audit";
import { type DraftData, type EnteredBy, type FormSectionId, type SectionData, SECTION_IDS } from "@/lib/applications/draft-schema";
import { SECTION_FIELDS } from "@/lib/applications/section-fields";
import type { DocumentType } from "@/lib/applications/documents";
import {
  decryptData,
  encryptData,
  type SaveResult,
  sectionStatuses,
  setDocumentsToFollow,
  storeDraftSection,
  submitDraft,
  type ServiceContext,
  type SubmitResult,
} from "@/lib/applications/service";
import { sessionActor } from "@/lib/desk/sessions";
import { areasOfPerson, type PersonCard, personCard, personClearValues } from "@/lib/people/persons";

/**
 * The application a desk worker fills in on the applicant's behalf inside an assisted session
 * (窗口帮办), after the applicant's consent. The same sections, schemas and rules as the citizen's
 * own form (lib/applications/*), in the "assisted" frame: the applicant's phone may be empty, the
 * applicant is the session's person (their ID number must be the one the session was started with),
 * and every saved field records who entered it (the worker, or the applicant who said or typed it).
 *
 * Ownership: the draft is the session's (Application.deskSessionId); the desk reaches it only through
 * the session, only while it is open and only in its area (lib/auth/access.ts "desk-session"). On
 * submit the applicant owns it: through their citizen account when they have one, else through their
 * person record (citizenId null; the receipt's tracking code is how they follow it). Withdrawal of
 * consent deletes the unsubmitted draft (lib/desk/sessions.ts withdrawConsent).
 */

export type AssistedDraft = {
  sessionId: string;
  person: PersonCard;
  applicationId: string;
  data: DraftData;
  /** The person's values the applicant section starts from (the worker confirms them with the applicant). */
  personValues: { name: string | null; idNumber: string | null; phone: string | null; areaCode: string };
  statuses: ReturnType<typeof sectionStatuses>;
};

type OpenSession = {
  id: string;
  areaCode: string;
  personId: string;
  helpDeskId: string | null;
  workerId: string;
};

/** The session if this desk worker may act in it now (open, their area, one of the area's people); else null. Also used by lib/desk/assisted-documents.ts. */
export async function openSessionFor(ctx: ServiceContext, user: StaffSessionUser, sessionId: string): Promise<OpenSession | null> {
  if (user.role !== "desk") return null;
  const row = await ctx.db.deskSession.findUnique({ where: { id: sessionId } });
  if (!row || !row.personId) return null;
  const refusal = accessRefusal(sessionActor(user, sessionId), {
    areaCodes: await areasOfPerson(ctx.db, row.personId),
    deskSession: { id: row.id, areaCode: row.areaCode, open: row.status === "open" },
  });
  if (refusal) return null;
  return { id: row.id, areaCode: row.areaCode, personId: row.personId, helpDeskId: row.helpDeskId, workerId: row.workerId };
}

/**
 * The session's draft, created on first use (one per session). Null when the worker may not act in the
 * session (another area, withdrawn, handed over, closed) or when its application is already submitted.
 */
export async function assistedDraft(ctx: ServiceContext, user: StaffSessionUser, sessionId: string): Promise<AssistedDraft | null> {
  const session = await openSessionFor(ctx, user, sessionId);
  if (!session) return null;
  const person = await ctx.db.person.findUniqueOrThrow({ where: { id: session.personId } });
  let row = await ctx.db.application.findUnique({ where: { deskSessionId: session.id }, include: { documents: { select: { docType: true } } } });
  if (!row) {
    try {
      await ctx.db.application.create({
        data: { citizenId: null, deskSessionId: session.id, applicantPersonId: session.personId, status: "draft", dataEncrypted: encryptData({}) },
      });
      await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.application.start", target: session.id, at: ctx.now ? ctx.now() : new Date() });
    } catch (e) {
      // A parallel request created it first (unique deskSessionId): use that one.
      if ((e as { code?: string }).code !== "P2002") throw e;
    }
    row = await ctx.db.application.findUnique({ where: { deskSessionId: session.id }, include: { documents: { select: { docType: true } } } });
  }
  if (!row || row.status !== "draft") return null;
  const data = decryptData(row.dataEncrypted);
  const clear = personClearValues(person);
  return {
    sessionId: session.id,
    person: personCard(person),
    applicationId: row.id,
    data,
    personValues: { ...clear, areaCode: session.areaCode },
    statuses: sectionStatuses(data, row.documents.map((d) => d.docType)),
  };
}

/** The id of the application the session submitted, for its receipt; null while none is. */
export async function submittedApplicationOf(ctx: ServiceContext, user: StaffSessionUser, sessionId: string): Promise<string | null> {
  const session = await openSessionFor(ctx, user, sessionId);
  if (!session) return null;
  const row = await ctx.db.application.findUnique({ where: { deskSessionId: session.id }, select: { id: true, status: true } });
  return row && row.status !== "draft" ? row.id : null;
}

/**
 * Who entered each field of a section: the fields the worker marked "the applicant said / typed it" are
 * the applicant's, every other field the worker's. Unknown names (a tampered form) are ignored.
 */
export function fieldMarks(section: FormSectionId, byApplicant: readonly string[]): Record<string, EnteredBy> {
  const marks: Record<string, EnteredBy> = {};
  for (const f of SECTION_FIELDS[section]) marks[f.name] = byApplicant.includes(f.name) ? "applicant" : "worker";
  return marks;
}

/**
 * Save one section of the session's draft (already parsed with the assisted frame's schema), with who
 * entered each field. The applicant section must name the session's person (same ID number).
 */
export async function saveAssistedSection<K extends FormSectionId>(
  ctx: ServiceContext,
  user: StaffSessionUser,
  sessionId: string,
  section: K,
  parsed: SectionData[K],
  byApplicant: readonly string[],
): Promise<SaveResult | null> {
  const session = await openSessionFor(ctx, user, sessionId);
  if (!session) return null;
  if (section === "applicant") {
    const person = await ctx.db.person.findUniqueOrThrow({ where: { id: session.personId }, select: { idNumberHash: true } });
    const idNumber = (parsed as SectionData["applicant"]).idNumber;
    if (person.idNumberHash && person.idNumberHash !== hashIdNumber(idNumber)) return { ok: false, errors: { idNumber: "not-session-person" } };
  }
  const saved = await storeDraftSection(ctx, { deskSessionId: session.id }, section, parsed, fieldMarks(section, byApplicant));
  if (saved.ok) await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.application.save", target: session.id, reason: section, at: ctx.now ? ctx.now() : new Date() });
  return saved;
}

/** Documents the applicant will bring later (listed on the 一次性告知书). */
export async function setAssistedDocumentsToFollow(ctx: ServiceContext, user: StaffSessionUser, sessionId: string, documents: DocumentType[]): Promise<boolean> {
  const session = await openSessionFor(ctx, user, sessionId);
  if (!session) return false;
  await setDocumentsToFollow(ctx, { deskSessionId: session.id }, documents);
  return true;
}

export type AssistedSubmitResult = SubmitResult | { ok: false; code: "not-found" | "not-confirmed" };

/**
 * Submit at the desk: only after the worker read the summary back and ticked that the applicant confirmed
 * it. The reference is allocated as for any application; the submit event and the audit log say which
 * desk helped. The desk gains no role in the case (it cannot approve or pay).
 */
export async function submitAssisted(
  ctx: ServiceContext,
  user: StaffSessionUser,
  sessionId: string,
  input: { submitKey: string; applicantConfirmed: boolean },
): Promise<AssistedSubmitResult> {
  const session = await openSessionFor(ctx, user, sessionId);
  if (!session) return { ok: false, code: "not-found" };
  if (!input.applicantConfirmed) return { ok: false, code: "not-confirmed" };
  const person = await ctx.db.person.findUniqueOrThrow({ where: { id: session.personId }, select: { citizenId: true } });
  const helpDesk = session.helpDeskId
    ? await ctx.db.helpDesk.findUnique({ where: { id: session.helpDeskId }, select: { id: true, code: true, nameZhHans: true, nameZhHant: true } })
    : null;
  return submitDraft(
    ctx,
    {
      owner: { deskSessionId: session.id },
      citizenId: person.citizenId,
      assisted: { sessionId: session.id, workerId: user.id, personId: session.personId, helpDesk },
    },
    input.submitKey,
  );
}

/** The form sections in order (documents: photographed at the desk, lib/desk/assisted-documents.ts, or "to follow"). */
export const ASSISTED_SECTIONS = SECTION_IDS;
