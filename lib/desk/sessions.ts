import { z } from "zod";
import { type Actor, accessRefusal, actorFor } from "@/lib/auth/access";
import type { StaffSessionUser } from "@/lib/auth/roles";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { recordAudit } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizePhone } from "@/lib/auth/phone";
import { validateIdNumber } from "@/lib/identity/id-number";
import { CONSENT_METHODS, confirmConsentCode, consentCodeSchema } from "@/lib/desk/consent-code";
import { removeStoredFiles } from "@/lib/applications/uploads";
import { addHelpLink, helpChainFor, householdOf } from "@/lib/people/help-chain";
import { areasOfPerson, findOrCreatePerson, findPeopleByPhone, findPersonByIdNumber, type PersonCard, personCard } from "@/lib/people/persons";

/**
 * Assisted sessions at a help desk (窗口帮办): a desk worker helps one person, who may have no phone.
 * Consent comes first: the person is saved only together with their consent (a signed paper 授权书
 * the worker confirms), and the consent record keeps who, when, how and for what. Withdrawing it
 * ends the session and deletes what the session saved that was not submitted. Every step is audited.
 * The worker reaches the session's person only through the session (lib/auth/access.ts "desk-session")
 * while it is open, and only in the desk's area.
 */

type Tx = Prisma.TransactionClient;
export type DeskContext = { db: Db; now?: () => Date };

/** What the applicant agrees to (家庭经济状况核对授权 included): stored with the consent. */
export const CONSENT_PURPOSES = ["assisted-application", "economic-check"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const SESSION_STATUSES = ["open", "handed-over", "withdrawn", "closed"] as const;
export type DeskSessionStatus = (typeof SESSION_STATUSES)[number];

export class DeskSessionError extends Error {
  constructor(readonly code: "consent-required" | "not-desk" | "not-found" | "closed") {
    super(code);
    this.name = "DeskSessionError";
  }
}

const now = (ctx: DeskContext) => (ctx.now ? ctx.now() : new Date());

/** The desk worker as the access module sees them acting inside one session. */
export function sessionActor(user: StaffSessionUser, sessionId: string): Actor {
  return { ...actorFor(user), deskSessionId: sessionId } as Actor;
}

const optionalIdNumber = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    if (!v) return null;
    const r = validateIdNumber(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: `id-number-${r.reason}` });
      return z.NEVER;
    }
    return r.value;
  });

const optionalPhone = z
  .string()
  .trim()
  .max(20)
  .transform((v, ctx) => {
    if (!v) return null;
    const n = normalizePhone(v);
    if (!/^1[3-9]\d{9}$/.test(n)) {
      ctx.addIssue({ code: "custom", message: "phone" });
      return z.NEVER;
    }
    return n;
  });

/** Finding a person: by phone or by ID number (one of them). */
export const personSearchSchema = z
  .object({ phone: optionalPhone, idNumber: optionalIdNumber })
  .refine((v) => v.phone || v.idNumber, { message: "search-required", path: ["phone"] });

/**
 * Starting a session: an existing person of the area (found by search) or a new one (name, ID number;
 * phone optional: people without one are served here), and the consent, which must be given.
 */
export const startSessionSchema = z.object({
  personId: z.string().trim().max(40).optional().default(""),
  name: z.string().trim().max(40).optional().default(""),
  idNumber: optionalIdNumber,
  phone: optionalPhone,
  /** How the applicant consents: a signed paper 授权书 (ticked by the worker), or a code sent to their phone (lib/desk/consent-code.ts). */
  consentMethod: z.enum(CONSENT_METHODS).optional().default("paper"),
  consentPaperSigned: z.string().optional(),
  consentCode: z.string().max(12).optional().default(""),
}).superRefine((v, ctx) => {
  if (v.consentMethod === "paper" && v.consentPaperSigned !== "on") ctx.addIssue({ code: "custom", message: "consent-required", path: ["consentPaperSigned"] });
  if (v.consentMethod === "sms-code" && !consentCodeSchema.safeParse(v.consentCode).success) ctx.addIssue({ code: "custom", message: "code-format", path: ["consentCode"] });
});
export type StartSessionInput = z.output<typeof startSessionSchema>;

/**
 * The area's people matching a phone or an ID number, masked. People of other areas are not shown
 * (a walk-in from elsewhere is added to this area when a session starts with their consent).
 */
export async function findAreaPeople(ctx: DeskContext, user: StaffSessionUser, search: { phone: string | null; idNumber: string | null }): Promise<PersonCard[]> {
  if (user.role !== "desk" || !user.areaCode) return [];
  const found = search.idNumber ? [await findPersonByIdNumber(ctx.db, search.idNumber)].filter((p) => p !== null) : await findPeopleByPhone(ctx.db, search.phone!);
  const inArea = [];
  for (const person of found) if ((await areasOfPerson(ctx.db, person.id)).includes(user.areaCode)) inArea.push(person);
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.person.search", target: search.idNumber ? "id-number" : "phone", at: now(ctx) });
  return inArea.map(personCard);
}

/**
 * Start a session with the applicant's consent (refused without it; nothing is saved then). The
 * person is found or created, becomes one of the area's people ("desk"), and the session joins the
 * household's help chain.
 */
export async function startSession(ctx: DeskContext, user: StaffSessionUser, input: StartSessionInput): Promise<{ sessionId: string }> {
  if (user.role !== "desk" || !user.areaCode) throw new DeskSessionError("not-desk");
  const method = input.consentMethod ?? "paper";
  if (method === "paper" && input.consentPaperSigned !== "on") throw new DeskSessionError("consent-required");
  // The code read out by the applicant is checked before anything is saved (a wrong one throws ConsentCodeRefusal).
  const byCode =
    method === "sms-code"
      ? await confirmConsentCode(ctx, user, { personId: input.personId, idNumber: input.idNumber, phone: input.phone }, consentCodeSchema.parse(input.consentCode ?? ""))
      : null;
  const areaCode = user.areaCode;
  const at = now(ctx);
  return ctx.db.$transaction(async (tx) => {
    let personId: string;
    let personCreated = false;
    if (input.personId) {
      const areas = await areasOfPerson(tx, input.personId);
      if (!areas.includes(areaCode)) throw new DeskSessionError("not-found");
      personId = input.personId;
    } else {
      const existing = input.idNumber ? await findPersonByIdNumber(tx, input.idNumber) : null;
      const person = await findOrCreatePerson(tx, { idNumber: input.idNumber, name: input.name || null, phone: input.phone, areaCode, via: "desk" });
      personCreated = !existing;
      personId = person.id;
    }
    const staff = await tx.staffUser.findUnique({ where: { id: user.id }, select: { helpDeskId: true } });
    const session = await tx.deskSession.create({
      data: { areaCode, helpDeskId: staff?.helpDeskId ?? null, workerId: user.id, personId, personCreated, status: "open", createdAt: at },
    });
    await tx.deskConsent.create({
      data: { sessionId: session.id, method, purposes: JSON.stringify(CONSENT_PURPOSES), recordedById: user.id, givenAt: at, phoneHash: byCode?.phoneHash ?? null },
    });
    const household = await householdOf(tx, { personId, areaCode });
    const chain = await helpChainFor(tx, household.id);
    await addHelpLink(tx, chain.id, { kind: "desk-session", refId: session.id, personId, state: "not-started" });
    await recordAudit(tx, { actorType: "staff", actorId: user.id, action: "desk.session.start", target: session.id, reason: `consent:${method}`, at });
    return { sessionId: session.id };
  });
}

export type SessionView = {
  id: string;
  status: DeskSessionStatus;
  areaCode: string;
  person: PersonCard;
  consent: { method: string; purposes: ConsentPurpose[]; givenAt: Date; recordedById: string; withdrawnAt: Date | null } | null;
  createdAt: Date;
};

async function loadSession(db: Db | Tx, sessionId: string) {
  return db.deskSession.findUnique({ where: { id: sessionId }, include: { person: true, consents: { orderBy: { givenAt: "desc" }, take: 1 } } });
}

/**
 * The session as its desk may see it: only while it is open, only in the desk's area. Otherwise null,
 * the same as not found (after hand-over or withdrawal the desk's access has ended).
 */
export async function sessionFor(ctx: DeskContext, user: StaffSessionUser, sessionId: string): Promise<SessionView | null> {
  const row = await loadSession(ctx.db, sessionId);
  if (!row || !row.personId || !row.person) return null;
  const refusal = accessRefusal(sessionActor(user, sessionId), {
    areaCodes: await areasOfPerson(ctx.db, row.personId),
    deskSession: { id: row.id, areaCode: row.areaCode, open: row.status === "open" },
  });
  if (refusal) return null;
  await recordAudit(ctx.db, { actorType: "staff", actorId: user.id, action: "desk.session.view", target: row.id, at: now(ctx) });
  const consent = row.consents[0];
  return {
    id: row.id,
    status: row.status as DeskSessionStatus,
    areaCode: row.areaCode,
    person: personCard(row.person),
    consent: consent
      ? { method: consent.method, purposes: JSON.parse(consent.purposes) as ConsentPurpose[], givenAt: consent.givenAt, recordedById: consent.recordedById, withdrawnAt: consent.withdrawnAt }
      : null,
    createdAt: row.createdAt,
  };
}

/**
 * The applicant withdraws consent: the session ends, the consent records when and who took the
 * withdrawal, the session's help-chain link goes, and a person this session created who has nothing
 * else (no application, no other link, no other area) is deleted with their one-person household.
 * A submitted application stays (a legal record), but the desk no longer reaches it through the session.
 */
export async function withdrawConsent(ctx: DeskContext, user: StaffSessionUser, sessionId: string): Promise<boolean> {
  const at = now(ctx);
  // Pages photographed at the desk on the unsubmitted draft: their files go once the rows are deleted.
  const pages: string[] = [];
  const withdrawn = await ctx.db.$transaction(async (tx) => {
    const row = await loadSession(tx, sessionId);
    if (!row || !row.personId) return false;
    const refusal = accessRefusal(sessionActor(user, sessionId), {
      areaCodes: await areasOfPerson(tx, row.personId),
      deskSession: { id: row.id, areaCode: row.areaCode, open: row.status === "open" },
    });
    if (refusal) return false;
    await tx.deskSession.update({ where: { id: row.id }, data: { status: "withdrawn", endedAt: at } });
    await tx.deskConsent.updateMany({ where: { sessionId: row.id, withdrawnAt: null }, data: { withdrawnAt: at, withdrawnById: user.id } });
    await tx.helpLink.deleteMany({ where: { kind: "desk-session", refId: row.id } });
    // The application drafted in the session and not submitted goes (its documents cascade); a submitted one stays.
    const drafted = await tx.applicationDocument.findMany({ where: { application: { deskSessionId: row.id, status: "draft" } }, select: { storageKey: true } });
    pages.push(...drafted.map((d) => d.storageKey));
    await tx.application.deleteMany({ where: { deskSessionId: row.id, status: "draft" } });
    if (row.personCreated) await deletePersonIfUnused(tx, row.personId, row.id);
    await recordAudit(tx, { actorType: "staff", actorId: user.id, action: "desk.session.consent-withdrawn", target: row.id, at });
    return true;
  });
  if (withdrawn) await removeStoredFiles(pages);
  return withdrawn;
}

async function deletePersonIfUnused(tx: Tx, personId: string, sessionId: string): Promise<void> {
  const applications = await tx.application.count({ where: { applicantPersonId: personId } });
  const otherSessions = await tx.deskSession.count({ where: { personId, id: { not: sessionId } } });
  const areas = await tx.personArea.findMany({ where: { personId } });
  const links = await tx.helpLink.count({ where: { personId } });
  if (applications || otherSessions || links || areas.some((a) => a.via !== "desk")) return;
  // A one-person household made for this session goes with its (now empty) help chain (cascades).
  const memberships = await tx.householdMember.findMany({ where: { personId }, include: { household: { include: { members: true, chain: { include: { links: true } } } } } });
  for (const m of memberships) {
    const alone = m.household.members.length === 1 && (m.household.chain?.links.length ?? 0) === 0;
    if (alone) await tx.household.delete({ where: { id: m.householdId } });
  }
  await tx.personArea.deleteMany({ where: { personId } });
  // The session row keeps the consent record; it no longer points at a person.
  await tx.deskSession.update({ where: { id: sessionId }, data: { personId: null } });
  await tx.person.delete({ where: { id: personId } });
}

/** Today's sessions at the worker's desk area, newest first, masked. */
export async function todaysSessions(ctx: DeskContext, user: StaffSessionUser) {
  if (user.role !== "desk" || !user.areaCode) return [];
  const today = calendarDateInChina(now(ctx));
  const start = new Date(`${today}T00:00:00+08:00`);
  const rows = await ctx.db.deskSession.findMany({
    where: { areaCode: user.areaCode, createdAt: { gte: start } },
    include: { person: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({ id: r.id, status: r.status as DeskSessionStatus, createdAt: r.createdAt, person: r.person ? personCard(r.person) : null }));
}
