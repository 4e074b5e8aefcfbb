import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DraftData } from "@/lib/applications/draft-schema";
import { encryptData, submitDraft } from "@/lib/applications/service";
import { CONSENT_PURPOSES } from "@/lib/desk/sessions";
import { hashTrackingCode } from "@/lib/desk/tracking-code";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import { addHelpLink, helpChainFor, householdOf } from "@/lib/people/help-chain";
import { findOrCreatePerson } from "@/lib/people/persons";

/** The demo's elderly applicant without a phone (fake identity), for the help desk (README). */
export const DEMO_ELDER = { name: "韦阿婆", idNumber: "45022319440305002" + idNumberCheckCharacter("45022319440305002"), areaCode: "450223" };

/** The tracking code printed on 韦阿婆's receipt (README): with her reference it shows the status on /track. */
export const DEMO_ELDER_TRACKING_CODE = "20261201";

/** When desk01 helped 韦阿婆 submit (a fixed day, so the demo's dates and reference do not move). */
const SUBMITTED_AT = new Date("2026-12-01T10:00:00+08:00");

/** 韦阿婆's application as desk01 filled it in with her: who gave each answer is marked. */
function elderApplication(): DraftData {
  return {
    applicant: { name: DEMO_ELDER.name, idNumber: DEMO_ELDER.idNumber, phone: "", areaCode: DEMO_ELDER.areaCode, address: "鹿寨县鹿寨镇某村 3 号" },
    patient: { relationship: "self", name: "", idNumber: "" },
    household: { size: 1, monthlyIncome: "600.00", certifications: ["tekun"] },
    illness: { diagnosis: "股骨颈骨折", hospital: "鹿寨县人民医院", totalCost: "32000.00", reimbursed: "20000.00", ongoingMonthly: "", estimatePolicy: "" },
    reason: { reliefType: "expense", urgency: "this-week", description: "摔倒骨折做了手术，医保报销后自付部分家里拿不出。" },
    bank: { accountName: DEMO_ELDER.name, bankName: "鹿寨县农村信用合作联社", account: "6228480000000000000" },
    declarations: { truthful: true, consentSensitive: true, consentCheck: true },
    documentsToFollow: ["applicant-id", "household-register", "diagnosis", "bills", "certification"],
    enteredBy: {
      "applicant.name": "applicant",
      "applicant.idNumber": "worker",
      "applicant.phone": "worker",
      "applicant.areaCode": "worker",
      "applicant.address": "applicant",
      "reason.description": "applicant",
      "declarations.truthful": "applicant",
      "declarations.consentSensitive": "applicant",
      "declarations.consentCheck": "applicant",
    },
  };
}

/**
 * Help desk demo data: 韦阿婆 (no phone) is one of 鹿寨's people, helped at desk01's window. One session
 * (open, resting on a signed paper 授权书) is where a demo can start; an earlier, closed one submitted her
 * 临时救助 application through the same path as the desk's form (lib/applications/service.ts submitDraft),
 * owned by her person record (she has no account), with a printed receipt's tracking code.
 * Idempotent (fixed ids, person matched by ID number, the application found by its session).
 */
export async function seedDesk(db: PrismaClient, at: Date = new Date()): Promise<{ reference: string }> {
  const desk = await db.staffUser.findUniqueOrThrow({ where: { username: "desk01" }, include: { helpDesk: true } });
  const person = await findOrCreatePerson(db, { ...DEMO_ELDER, phone: null, via: "desk" });
  const household = await householdOf(db, { personId: person.id, areaCode: DEMO_ELDER.areaCode });
  const chain = await helpChainFor(db, household.id);
  const sessions = [
    { id: "seed-desk-session-0", status: "closed", createdAt: SUBMITTED_AT, endedAt: SUBMITTED_AT },
    { id: "seed-desk-session-1", status: "open", createdAt: at, endedAt: null },
  ];
  for (const s of sessions) {
    const session = { areaCode: DEMO_ELDER.areaCode, helpDeskId: desk.helpDeskId, workerId: desk.id, personId: person.id, personCreated: false, status: s.status, endedAt: s.endedAt, createdAt: s.createdAt };
    await db.deskSession.upsert({ where: { id: s.id }, create: { id: s.id, ...session }, update: session });
    const consent = { sessionId: s.id, method: "paper", purposes: JSON.stringify(CONSENT_PURPOSES), recordedById: desk.id, givenAt: s.createdAt, withdrawnAt: null, withdrawnById: null };
    await db.deskConsent.upsert({ where: { id: `${s.id}-consent` }, create: { id: `${s.id}-consent`, ...consent }, update: consent });
    await addHelpLink(db, chain.id, { kind: "desk-session", refId: s.id, personId: person.id, state: s.status === "closed" ? "applied" : "not-started" });
  }

  // 韦阿婆's desk-submitted application: created once, then kept (a re-seed only re-prints the demo tracking code).
  const sessionId = sessions[0].id;
  let application = await db.application.findUnique({ where: { deskSessionId: sessionId } });
  if (!application) {
    await db.application.create({ data: { citizenId: null, deskSessionId: sessionId, applicantPersonId: person.id, status: "draft", dataEncrypted: encryptData(elderApplication()), createdAt: SUBMITTED_AT } });
    const helpDesk = desk.helpDesk ? { id: desk.helpDesk.id, code: desk.helpDesk.code, nameZhHans: desk.helpDesk.nameZhHans, nameZhHant: desk.helpDesk.nameZhHant } : null;
    const submitted = await submitDraft(
      { db, now: () => SUBMITTED_AT },
      { owner: { deskSessionId: sessionId }, citizenId: null, assisted: { sessionId, workerId: desk.id, personId: person.id, helpDesk } },
      "seed-desk-elder-submit-0001",
    );
    if (!submitted.ok) throw new Error(`[seed] 韦阿婆's application refused: ${JSON.stringify(submitted)}`);
    application = await db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } });
  }
  const reference = application.reference!;
  await db.application.update({ where: { id: application.id }, data: { trackingCodeHash: hashTrackingCode(reference, DEMO_ELDER_TRACKING_CODE) } });
  return { reference };
}
