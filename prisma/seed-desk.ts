import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CONSENT_PURPOSES } from "@/lib/desk/sessions";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import { addHelpLink, helpChainFor, householdOf } from "@/lib/people/help-chain";
import { findOrCreatePerson } from "@/lib/people/persons";

/** The demo's elderly applicant without a phone (fake identity), for the help desk (README). */
export const DEMO_ELDER = { name: "韦阿婆", idNumber: "45022319440305002" + idNumberCheckCharacter("45022319440305002"), areaCode: "450223" };

/**
 * Help desk demo data: 韦阿婆 (no phone) is one of 鹿寨's people, helped at desk01's window in an
 * assisted session resting on a signed paper 授权书. Idempotent (fixed ids, person matched by ID number).
 */
export async function seedDesk(db: PrismaClient, at: Date = new Date()): Promise<void> {
  const desk = await db.staffUser.findUniqueOrThrow({ where: { username: "desk01" } });
  const person = await findOrCreatePerson(db, { ...DEMO_ELDER, phone: null, via: "desk" });
  const id = "seed-desk-session-1";
  const session = { areaCode: DEMO_ELDER.areaCode, helpDeskId: desk.helpDeskId, workerId: desk.id, personId: person.id, personCreated: false, status: "open", endedAt: null, createdAt: at };
  await db.deskSession.upsert({ where: { id }, create: { id, ...session }, update: session });
  const consent = { sessionId: id, method: "paper", purposes: JSON.stringify(CONSENT_PURPOSES), recordedById: desk.id, givenAt: at, withdrawnAt: null, withdrawnById: null };
  await db.deskConsent.upsert({ where: { id: `${id}-consent` }, create: { id: `${id}-consent`, ...consent }, update: consent });
  const household = await householdOf(db, { personId: person.id, areaCode: DEMO_ELDER.areaCode });
  const chain = await helpChainFor(db, household.id);
  await addHelpLink(db, chain.id, { kind: "desk-session", refId: id, personId: person.id, state: "not-started" });
}
