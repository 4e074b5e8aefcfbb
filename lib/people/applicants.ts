import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { addHelpLink, helpChainFor, householdOf } from "@/lib/people/help-chain";
import { addPersonToArea, findOrCreatePerson, linkPersonToCitizen } from "@/lib/people/persons";

type Db = PrismaClient | Prisma.TransactionClient;

export interface ApplicantFacts {
  applicationId: string;
  /** The account it was submitted from; null for an applicant helped at a desk without one. */
  citizenId: string | null;
  /** The person already known (an assisted session's): recorded as the applicant rather than matched again. */
  personId?: string | null;
  /** phone is "" when an applicant without a phone was helped at a desk. */
  applicant: { name: string; idNumber: string; phone: string; areaCode: string };
}

/**
 * Record a submitted application's applicant as a person of the area, link the citizen account when
 * it signed in with the applicant's own phone, and put the application on the household's help chain.
 * Safe to repeat: the person is matched by ID number and the link by application id.
 */
export async function recordApplicantPerson(db: Db, facts: ApplicantFacts): Promise<string> {
  const { applicant } = facts;
  const person = facts.personId
    ? await db.person.findUniqueOrThrow({ where: { id: facts.personId } })
    : await findOrCreatePerson(db, { ...applicant, phone: applicant.phone || null, via: "application" });
  if (facts.personId) await addPersonToArea(db, person.id, applicant.areaCode, "application");
  const citizen = facts.citizenId ? await db.citizen.findUnique({ where: { id: facts.citizenId }, select: { phoneHash: true } }) : null;
  if (citizen && applicant.phone && citizen.phoneHash === hashPhone(applicant.phone)) await linkPersonToCitizen(db, person.id, facts.citizenId!);
  await db.application.update({ where: { id: facts.applicationId }, data: { applicantPersonId: person.id } });
  const household = await householdOf(db, { personId: person.id, areaCode: applicant.areaCode });
  const chain = await helpChainFor(db, household.id);
  await addHelpLink(db, chain.id, {
    kind: "application",
    provider: "civil-affairs",
    refId: facts.applicationId,
    personId: person.id,
    state: "applied",
  });
  return person.id;
}
