import { createHash, randomBytes } from "node:crypto";
import Decimal from "decimal.js";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SchoolCasePrefill } from "@/lib/applications/prefill";
import { accessRefusal, type AccessRecord, type Actor } from "@/lib/auth/access";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashIdNumber, hashPhone } from "@/lib/crypto/lookup-hash";
import { maskName } from "@/lib/crypto/mask";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { recordAudit } from "@/lib/db/audit";
import { validateIdNumber } from "@/lib/identity/id-number";
import { addHelpLink, helpChainFor, householdOf, HELP_LINK_STATES, type HelpLinkState } from "@/lib/people/help-chain";
import { addPersonToArea, findOrCreatePerson } from "@/lib/people/persons";
import { APPLICATION_ITEM, CHECKLIST, checklistItem, itemRefId, SCHOOL_ITEM } from "@/lib/schools/zhuanban/checklist";
import { caseOutcome, parseOutcome, type CaseOutcome } from "@/lib/schools/zhuanban/outcome";
import { smsScript, type SmsScript } from "@/lib/sms/templates";
import type { SmsSender } from "@/lib/sms/types";

/**
 * The serious-illness 专班 case (沈阳 000 五, 六): a school admin opens it for a pupil once the parent has
 * consented (who, when, how, what may be shared), and follows the checklist of the seed's help. The
 * case itself and each checklist item are links on the pupil's household help chain (一户一条帮扶链),
 * so the monitoring household page and any other service read them from there; this module keeps
 * what the chain cannot (the consent, the invitation, the school). Every action is audited.
 *
 * Who reaches a case (lib/auth/access.ts): the school's admin; area education staff (the 专班 office
 * is in the education bureau), masked and without the illness unless the parent agreed to share it;
 * never a class teacher (the record has no class: health facts about a pupil stay with the person
 * the parent told), never another school.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export const CONSENT_METHODS = ["paper"] as const;
/** What the parent may agree to share beyond the checklist's states: the illness, with the area's 专班 office. */
export const CONSENT_SHARES = ["illness-with-bureau"] as const;
export type ConsentShare = (typeof CONSENT_SHARES)[number];
export const CONSENT_RELATIONS = ["father", "mother", "guardian"] as const;

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** The pupil (by ID number, as on the consent form), who consents and what they agree to share: both ways of consenting ask this. */
const consentFields = {
  idNumber: z
      .string()
      .trim()
      .min(1, "required")
      .transform((v, ctx) => {
        const r = validateIdNumber(v);
        if (!r.ok) {
          ctx.addIssue({ code: "custom", message: "id-number" });
          return z.NEVER;
        }
        return r.value;
      }),
  giverName: z.string().trim().min(1, "required").max(40, "too-long"),
  relation: z.enum(CONSENT_RELATIONS, { message: "required" }),
  shareIllness: checkbox,
  illness: z.string().trim().max(100, "too-long").optional().default(""),
};

function illnessWhenShared(v: { shareIllness: boolean; illness: string }, ctx: z.RefinementCtx): void {
  if (v.shareIllness && !v.illness) ctx.addIssue({ code: "custom", path: ["illness"], message: "required" });
}

/** The open-case form with a consent the school recorded (a signed paper form). Messages are codes under zhuanban.errors. */
export const openCaseSchema = z
  .object({
    ...consentFields,
    method: z.enum(CONSENT_METHODS, { message: "required" }),
    givenOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "date"),
    consentConfirmed: checkbox.refine(Boolean, "consent-required"),
  })
  .superRefine(illnessWhenShared);
export type OpenCaseInput = z.output<typeof openCaseSchema>;

/** The same form when the parent consents by a one-time code to the guardian phone (lib/schools/zhuanban/consent-code.ts). */
export const consentByCodeSchema = z.object(consentFields).superRefine(illnessWhenShared);
export type ConsentByCodeInput = z.output<typeof consentByCodeSchema>;

/** How the consent was given, as the case stores it. */
export type ConsentRecord = { method: "paper" | "sms-code"; giverName: string; relation: (typeof CONSENT_RELATIONS)[number]; givenAt: Date; shareIllness: boolean; illness: string };

const amount = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? "").trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, "");
    if (!s) return null;
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) {
      ctx.addIssue({ code: "custom", message: "amount" });
      return z.NEVER;
    }
    return new Decimal(s).toFixed(2);
  });

/** One checklist item's new state and (when granted) the outcome amount, in yuan to the fen. */
export const itemUpdateSchema = z
  .object({ state: z.enum(HELP_LINK_STATES, { message: "required" }), amount, note: z.string().trim().max(200, "too-long").optional().default("") })
  .superRefine((v, ctx) => {
    if (v.amount && v.state !== "granted") ctx.addIssue({ code: "custom", path: ["amount"], message: "amount-only-granted" });
  });
export type ItemUpdate = z.output<typeof itemUpdateSchema>;

export type CaseRefusal = "not-found" | "not-on-roster" | "no-guardian-phone" | "closed";

function caseRecord(c: { schoolId: string; areaCode: string; id: string }): AccessRecord {
  return { schoolId: c.schoolId, areaCode: c.areaCode, schoolCaseId: c.id };
}

function sharesOf(json: string): ConsentShare[] {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((s): s is ConsentShare => (CONSENT_SHARES as readonly string[]).includes(s as string)) : [];
  } catch {
    return [];
  }
}

/** Open a case for a pupil of the actor's school with the consent the school recorded on paper. */
export async function openCase(
  db: PrismaClient,
  actor: Actor,
  input: OpenCaseInput,
  now: Date,
): Promise<{ ok: true; caseId: string; existing: boolean } | { ok: false; code: CaseRefusal }> {
  const pupil = await pupilForCase(db, actor, input.idNumber);
  if (!pupil.ok) return pupil;
  const consent: ConsentRecord = {
    method: input.method,
    giverName: input.giverName,
    relation: input.relation,
    givenAt: new Date(`${input.givenOn}T00:00:00+08:00`),
    shareIllness: input.shareIllness,
    illness: input.illness,
  };
  return openCaseWithConsent(db, actor, { pupil: pupil.pupil, areaCode: pupil.areaCode }, consent, now);
}

type CasePupil = { id: string; personId: string; schoolId: string; guardianPhoneEncrypted: string | null };

/** The current pupil of the actor's school with this ID number (by keyed hash), for a school admin only. */
export async function pupilForCase(
  db: Db,
  actor: Actor,
  idNumber: string,
): Promise<{ ok: true; pupil: CasePupil; areaCode: string } | { ok: false; code: CaseRefusal }> {
  if (actor.role !== "school_admin" || !actor.schoolId) return { ok: false, code: "not-found" };
  const school = await db.school.findUnique({ where: { id: actor.schoolId }, select: { areaCode: true } });
  if (!school) return { ok: false, code: "not-found" };
  const pupil = await db.schoolPupil.findFirst({
    where: { schoolId: actor.schoolId, current: true, person: { idNumberHash: hashIdNumber(idNumber) } },
    select: { id: true, personId: true, schoolId: true, guardianPhoneEncrypted: true },
  });
  if (!pupil) return { ok: false, code: "not-on-roster" };
  return { ok: true, pupil, areaCode: school.areaCode };
}

/**
 * Open the case once consent is in hand (recorded on paper, or confirmed by the parent's code): the pupil's
 * household chain gets the case link and one link per checklist item (not started). A pupil with an open
 * case gets that case back.
 */
export async function openCaseWithConsent(
  db: PrismaClient,
  actor: Actor,
  target: { pupil: CasePupil; areaCode: string },
  consent: ConsentRecord,
  now: Date,
): Promise<{ ok: true; caseId: string; existing: boolean } | { ok: false; code: CaseRefusal }> {
  if (actor.role !== "school_admin" || actor.schoolId !== target.pupil.schoolId) return { ok: false, code: "not-found" };
  const { pupil, areaCode } = target;
  const schoolId = pupil.schoolId;
  const open = await db.schoolCase.findFirst({ where: { pupilId: pupil.id, status: "open" }, select: { id: true } });
  if (open) return { ok: true, caseId: open.id, existing: true };
  const caseId = await db.$transaction(async (tx) => {
    await addPersonToArea(tx, pupil.personId, areaCode, "school");
    const household = await householdOf(tx, { personId: pupil.personId, areaCode });
    const chain = await helpChainFor(tx, household.id);
    const shares: ConsentShare[] = consent.shareIllness ? ["illness-with-bureau"] : [];
    const created = await tx.schoolCase.create({
      data: {
        schoolId,
        areaCode,
        pupilId: pupil.id,
        personId: pupil.personId,
        chainId: chain.id,
        consentMethod: consent.method,
        consentGiverEncrypted: encryptField(JSON.stringify({ name: consent.giverName, relation: consent.relation })),
        consentGivenAt: consent.givenAt,
        consentRecordedById: actor.id,
        consentSharesJson: JSON.stringify(shares),
        illnessEncrypted: consent.illness ? encryptField(consent.illness) : null,
        openedById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await addHelpLink(tx, chain.id, { kind: "school-case", provider: "education", refId: created.id, personId: pupil.personId, state: "referred" });
    for (const item of CHECKLIST.items) {
      await addHelpLink(tx, chain.id, { kind: item.kind, provider: item.provider, refId: itemRefId(created.id, item.id), personId: pupil.personId, state: "not-started" });
    }
    await recordAudit(tx, { actorType: "staff", actorId: actor.id, action: "school.case.open", target: created.id, reason: `consent:${consent.method}`, at: now });
    return created.id;
  });
  return { ok: true, caseId, existing: false };
}

export interface CaseItemView {
  id: string;
  kind: string;
  provider: string;
  bodies: string[];
  clause: string;
  opens: "estimate" | "application" | null;
  recordedBySchool: boolean;
  state: HelpLinkState;
  amount: string | null;
  updatedAt: Date;
}

export interface CaseView {
  id: string;
  status: string;
  schoolId: string;
  schoolName: { "zh-Hans": string; "zh-Hant": string };
  areaCode: string;
  policyPackId: string;
  pupilNameMasked: string;
  /** Grade and class: for the school only (education staff see the school). */
  classLabel: string | null;
  /** The estimate page's query for this pupil (pack, resident insurance, age in whole years): no name or ID in it. School only. */
  estimateQuery: string | null;
  consent: { method: string; relation: string; givenAt: Date; shares: ConsentShare[] };
  /** The illness, when the viewer may read it: the school always, the bureau only if the parent agreed. */
  illness: string | null;
  invitedAt: Date | null;
  hasGuardianPhone: boolean;
  applicationReference: string | null;
  items: CaseItemView[];
  householdId: string;
  createdAt: Date;
  /** Set once closed: when, and the outcome summary recorded then (lib/schools/zhuanban/closing.ts). */
  closedAt: Date | null;
  outcome: CaseOutcome | null;
  reopenedAt: Date | null;
}

type CaseRow = Prisma.SchoolCaseGetPayload<object>;

/** Whole years of age on `today` from an ID number's birth date (null when it cannot be read). */
function ageFrom(idNumber: string, today: string): number | null {
  const r = validateIdNumber(idNumber, { today });
  if (!r.ok) return null;
  const [by, bm, bd] = r.birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

async function buildView(db: Db, c: CaseRow, viewer: "school" | "education", now: Date = new Date()): Promise<CaseView> {
  const [school, pupil, links, application] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: c.schoolId }, select: { nameZhHans: true, nameZhHant: true, area: { select: { policyPackId: true } } } }),
    db.schoolPupil.findUniqueOrThrow({ where: { id: c.pupilId }, select: { grade: true, className: true, guardianPhoneEncrypted: true, person: { select: { nameEncrypted: true, idNumberEncrypted: true } } } }),
    db.helpLink.findMany({ where: { chainId: c.chainId, refId: { startsWith: `${c.id}:` } } }),
    c.applicationId ? db.application.findUnique({ where: { id: c.applicationId }, select: { reference: true } }) : null,
  ]);
  const chain = await db.helpChain.findUniqueOrThrow({ where: { id: c.chainId }, select: { householdId: true } });
  const byRef = new Map(links.map((l) => [l.refId, l]));
  const shares = sharesOf(c.consentSharesJson);
  const giver = JSON.parse(decryptField(c.consentGiverEncrypted)) as { name: string; relation: string };
  const mayReadIllness = viewer === "school" || shares.includes("illness-with-bureau");
  const age = viewer === "school" && pupil.person.idNumberEncrypted ? ageFrom(decryptField(pupil.person.idNumberEncrypted), calendarDateInChina(now)) : null;
  const estimateQuery =
    viewer === "school" ? new URLSearchParams({ policy: school.area.policyPackId, insurance: "resident", ...(age !== null ? { age: String(age) } : {}) }).toString() : null;
  return {
    id: c.id,
    status: c.status,
    schoolId: c.schoolId,
    schoolName: { "zh-Hans": school.nameZhHans, "zh-Hant": school.nameZhHant },
    areaCode: c.areaCode,
    policyPackId: school.area.policyPackId,
    pupilNameMasked: maskName(pupil.person.nameEncrypted ? decryptField(pupil.person.nameEncrypted) : ""),
    classLabel: viewer === "school" ? `${pupil.grade} ${pupil.className}` : null,
    estimateQuery,
    consent: { method: c.consentMethod, relation: giver.relation, givenAt: c.consentGivenAt, shares },
    illness: mayReadIllness && c.illnessEncrypted ? decryptField(c.illnessEncrypted) : null,
    invitedAt: c.invitedAt,
    hasGuardianPhone: pupil.guardianPhoneEncrypted !== null,
    applicationReference: application?.reference ?? null,
    items: CHECKLIST.items.map((item) => {
      const link = byRef.get(itemRefId(c.id, item.id));
      return {
        id: item.id,
        kind: item.kind,
        provider: item.provider,
        bodies: item.bodies,
        clause: item.clause,
        opens: item.opens ?? null,
        recordedBySchool: item.recordedBy === "school",
        state: (link?.state as HelpLinkState | undefined) ?? "not-started",
        amount: link?.amount ?? null,
        updatedAt: link?.updatedAt ?? c.createdAt,
      };
    }),
    householdId: chain.householdId,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    outcome: c.outcomeJson ? parseOutcome(c.outcomeJson) : null,
    reopenedAt: c.reopenedAt,
  };
}

/** One case for the school admin (audited: it holds health facts), or null when the actor does not reach it. */
export async function caseForSchool(db: PrismaClient, actor: Actor, caseId: string, now: Date): Promise<CaseView | null> {
  if (actor.role !== "school_admin") return null;
  const c = await db.schoolCase.findUnique({ where: { id: caseId } });
  if (!c || accessRefusal(actor, caseRecord(c)) !== null) return null;
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "school.case.view", target: c.id, at: now });
  return buildView(db, c, "school", now);
}

/** The school's cases, newest first. */
export async function listSchoolCases(db: PrismaClient, actor: Actor): Promise<CaseView[]> {
  if (actor.role !== "school_admin" || !actor.schoolId) return [];
  const rows = await db.schoolCase.findMany({ where: { schoolId: actor.schoolId }, orderBy: { createdAt: "desc" }, take: 200 });
  return Promise.all(rows.filter((c) => accessRefusal(actor, caseRecord(c)) === null).map((c) => buildView(db, c, "school")));
}

/** The area's cases for education staff: masked, the school, the checklist; the illness only where the parent agreed. Audited. */
export async function listAreaCases(db: PrismaClient, actor: Actor, now: Date): Promise<CaseView[]> {
  if (actor.role !== "education" || !actor.areaCode) return [];
  const rows = await db.schoolCase.findMany({ where: { areaCode: actor.areaCode }, orderBy: { createdAt: "desc" }, take: 500 });
  const reached = rows.filter((c) => accessRefusal(actor, caseRecord(c)) === null);
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "education.cases.view", target: actor.areaCode, reason: String(reached.length), at: now });
  return Promise.all(reached.map((c) => buildView(db, c, "education")));
}

async function reachableOpenCase(db: Db, actor: Actor, caseId: string): Promise<CaseRow | CaseRefusal> {
  if (actor.role !== "school_admin") return "not-found";
  const c = await db.schoolCase.findUnique({ where: { id: caseId } });
  if (!c || accessRefusal(actor, caseRecord(c)) !== null) return "not-found";
  return c.status === "open" ? c : "closed";
}

/** Set one checklist item's state (and amount when granted); the school records 教育资助 this way. Audited. */
export async function updateCaseItem(
  db: PrismaClient,
  actor: Actor,
  input: { caseId: string; itemId: string; update: ItemUpdate },
  now: Date,
): Promise<{ ok: true } | { ok: false; code: CaseRefusal }> {
  const c = await reachableOpenCase(db, actor, input.caseId);
  if (typeof c === "string") return { ok: false, code: c };
  const item = checklistItem(input.itemId);
  if (!item) return { ok: false, code: "not-found" };
  const { state, amount, note } = input.update;
  await db.$transaction(async (tx) => {
    await addHelpLink(tx, c.chainId, {
      kind: item.kind,
      provider: item.provider,
      refId: itemRefId(c.id, item.id),
      personId: c.personId,
      state,
      amount: state === "granted" ? amount : null,
      note: note || null,
    });
    await recordAudit(tx, { actorType: "staff", actorId: actor.id, action: "school.case.item", target: c.id, reason: `${item.id}:${state}${amount && state === "granted" ? `:${amount}` : ""}`, at: now });
  });
  return { ok: true };
}

/** The reason the school admin gives for reopening a closed case. */
export const reopenSchema = z.object({ reason: z.string().trim().min(2, "required").max(200, "too-long") });

/**
 * Close a case: the outcome summary (the checklist's granted amounts and total, the count per state) is
 * recorded with who closed it and when; from then on the case is read-only (items, invitation and the
 * application hook all refuse a closed case) and the area's education staff see it as closed. The parent's
 * invitation link stops working. Audited with the total.
 */
export async function closeCase(db: PrismaClient, actor: Actor, caseId: string, now: Date): Promise<{ ok: true; outcome: CaseOutcome } | { ok: false; code: CaseRefusal }> {
  const c = await reachableOpenCase(db, actor, caseId);
  if (typeof c === "string") return { ok: false, code: c };
  const links = await db.helpLink.findMany({ where: { chainId: c.chainId, refId: { startsWith: `${c.id}:` } }, select: { refId: true, state: true, amount: true } });
  const byRef = new Map(links.map((l) => [l.refId, l]));
  const outcome = caseOutcome(
    CHECKLIST.items.map((item) => {
      const link = byRef.get(itemRefId(c.id, item.id));
      return { id: item.id, state: (link?.state as HelpLinkState | undefined) ?? "not-started", amount: link?.amount ?? null };
    }),
  );
  const closed = await db.$transaction(async (tx) => {
    const done = await tx.schoolCase.updateMany({
      where: { id: c.id, status: "open" },
      data: { status: "closed", closedAt: now, closedById: actor.id, outcomeJson: JSON.stringify(outcome), inviteTokenHash: null },
    });
    if (done.count === 0) return false;
    await recordAudit(tx, { actorType: "staff", actorId: actor.id, action: "school.case.close", target: c.id, reason: `granted ${outcome.grantedTotal}`, at: now });
    return true;
  });
  return closed ? { ok: true, outcome } : { ok: false, code: "closed" };
}

/**
 * Reopen a closed case: the school admin only (education staff read cases, never reopen them), with a reason,
 * kept encrypted on the case (it may name the family's situation) and counted in the audit. The earlier
 * outcome summary is cleared: closing again records the new one.
 */
export async function reopenCase(
  db: PrismaClient,
  actor: Actor,
  input: { caseId: string; reason: string },
  now: Date,
): Promise<{ ok: true } | { ok: false; code: CaseRefusal | "open" | "reason-required" }> {
  const reason = reopenSchema.safeParse({ reason: input.reason });
  if (!reason.success) return { ok: false, code: "reason-required" };
  if (actor.role !== "school_admin") return { ok: false, code: "not-found" };
  const c = await db.schoolCase.findUnique({ where: { id: input.caseId } });
  if (!c || accessRefusal(actor, caseRecord(c)) !== null) return { ok: false, code: "not-found" };
  if (c.status !== "closed") return { ok: false, code: "open" };
  // One open case per pupil: a newer case opened meanwhile is the one to work on.
  const other = await db.schoolCase.findFirst({ where: { pupilId: c.pupilId, status: "open" }, select: { id: true } });
  if (other) return { ok: false, code: "open" };
  await db.$transaction(async (tx) => {
    await tx.schoolCase.update({
      where: { id: c.id },
      data: { status: "open", closedAt: null, closedById: null, outcomeJson: null, reopenedAt: now, reopenReasonEncrypted: encryptField(reason.data.reason) },
    });
    await recordAudit(tx, { actorType: "staff", actorId: actor.id, action: "school.case.reopen", target: c.id, reason: `reason ${reason.data.reason.length} chars`, at: now });
  });
  return { ok: true };
}

function inviteHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The link the SMS carries: the 临时救助 application, opened for this case. */
export function invitePath(lng: string, token: string): string {
  return `/${lng}/apply?from=school-case&invite=${encodeURIComponent(token)}`;
}

/**
 * Invite the parent by SMS (the guardian phone on the roster) to apply for 临时救助: a fresh token (an
 * earlier one stops working), the 临时救助 item becomes "referred". The text carries no name and no
 * health word (a lock screen is not private). Audited.
 */
export async function inviteParent(
  db: PrismaClient,
  actor: Actor,
  input: { caseId: string; sms: SmsSender; siteUrl: string; lng: string },
  now: Date,
): Promise<{ ok: true } | { ok: false; code: CaseRefusal }> {
  const c = await reachableOpenCase(db, actor, input.caseId);
  if (typeof c === "string") return { ok: false, code: c };
  if (c.applicationId) return { ok: false, code: "closed" };
  const pupil = await db.schoolPupil.findUniqueOrThrow({ where: { id: c.pupilId }, select: { guardianPhoneEncrypted: true } });
  if (!pupil.guardianPhoneEncrypted) return { ok: false, code: "no-guardian-phone" };
  const phone = decryptField(pupil.guardianPhoneEncrypted);
  const citizen = await db.citizen.findUnique({ where: { phoneHash: hashPhone(phone) }, select: { preferredScript: true } });
  const script: SmsScript = citizen?.preferredScript ? smsScript(citizen.preferredScript) : smsScript(input.lng);
  const token = randomBytes(32).toString("base64url");
  const link = input.siteUrl.replace(/\/$/, "") + invitePath(script, token);
  await db.$transaction(async (tx) => {
    await tx.schoolCase.update({ where: { id: c.id }, data: { inviteTokenHash: inviteHash(token), invitedAt: now } });
    const item = await tx.helpLink.findFirst({ where: { chainId: c.chainId, refId: itemRefId(c.id, APPLICATION_ITEM) } });
    if (item && item.state === "not-started") await tx.helpLink.update({ where: { id: item.id }, data: { state: "referred" } });
    await recordAudit(tx, { actorType: "staff", actorId: actor.id, action: "school.case.invite", target: c.id, reason: "sms", at: now });
  });
  await input.sms.send({ to: phone, template: `school-case-invite.${script}`, params: { link } });
  return { ok: true };
}


/** The invitation token from the application's query (`?from=school-case&invite=…`), or null. */
export function parseInviteQuery(params: Record<string, string | string[] | undefined>): string | null {
  const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();
  if (one(params.from) !== "school-case") return null;
  const token = one(params.invite);
  return /^[A-Za-z0-9_-]{20,80}$/.test(token) ? token : null;
}

/**
 * The prefill for a citizen who opened an invitation link; null when the token is unknown, replaced,
 * used, or the case closed. The pupil's name and ID number are filled in only for the citizen signed
 * in with the guardian phone the SMS went to (a forwarded link pre-fills the place only). Audited.
 */
export async function openInvitation(db: PrismaClient, citizenId: string, token: string, now: Date): Promise<SchoolCasePrefill | null> {
  if (!/^[A-Za-z0-9_-]{20,80}$/.test(token)) return null;
  const c = await db.schoolCase.findUnique({ where: { inviteTokenHash: inviteHash(token) } });
  if (!c || c.status !== "open" || c.applicationId) return null;
  const [pupil, citizen] = await Promise.all([
    db.schoolPupil.findUniqueOrThrow({ where: { id: c.pupilId }, select: { guardianPhoneHash: true, person: { select: { nameEncrypted: true, idNumberEncrypted: true } } } }),
    db.citizen.findUnique({ where: { id: citizenId }, select: { phoneHash: true } }),
  ]);
  const guardian = !!citizen && !!pupil.guardianPhoneHash && citizen.phoneHash === pupil.guardianPhoneHash;
  await recordAudit(db, { actorType: "citizen", actorId: citizenId, action: "school.case.invite-opened", target: c.id, reason: guardian ? "guardian" : "other-phone", at: now });
  const name = pupil.person.nameEncrypted ? decryptField(pupil.person.nameEncrypted) : "";
  const idNumber = pupil.person.idNumberEncrypted ? decryptField(pupil.person.idNumberEncrypted) : "";
  return { caseId: c.id, areaCode: c.areaCode, ...(guardian && name && idNumber ? { pupil: { name, idNumber } } : {}) };
}

/**
 * Inside the submit transaction, before the applicant is recorded: an application started from a case
 * invitation puts the parent in the pupil's household (when they have none in that area yet), so the
 * application's link lands on the same chain; the case's 临时救助 item becomes "applied" and the
 * invitation is used up. A case that closed meanwhile, or one already applied through, is left alone.
 */
export async function recordCaseApplication(
  tx: Prisma.TransactionClient,
  input: { caseId: string; applicationId: string; citizenId: string; applicant: { name: string; idNumber: string; phone: string; areaCode: string }; at: Date },
): Promise<boolean> {
  const c = await tx.schoolCase.findUnique({ where: { id: input.caseId } });
  if (!c || c.status !== "open" || c.applicationId) return false;
  if (input.applicant.areaCode === c.areaCode) {
    const parent = await findOrCreatePerson(tx, { ...input.applicant, via: "application" });
    const inArea = await tx.householdMember.findFirst({ where: { personId: parent.id, household: { areaCode: c.areaCode } }, select: { householdId: true } });
    const chain = await tx.helpChain.findUniqueOrThrow({ where: { id: c.chainId }, select: { householdId: true } });
    if (!inArea && parent.id !== c.personId) await tx.householdMember.create({ data: { householdId: chain.householdId, personId: parent.id, relation: "guardian" } });
  }
  await tx.schoolCase.update({ where: { id: c.id }, data: { applicationId: input.applicationId, inviteTokenHash: null } });
  await tx.helpLink.updateMany({ where: { chainId: c.chainId, refId: itemRefId(c.id, APPLICATION_ITEM) }, data: { state: "applied", note: null } });
  await recordAudit(tx, { actorType: "citizen", actorId: input.citizenId, action: "school.case.applied", target: c.id, reason: input.applicationId, at: input.at });
  return true;
}

export { APPLICATION_ITEM, SCHOOL_ITEM };
