import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashIdNumber, hashName, hashPhone, normalizeIdNumber } from "@/lib/crypto/lookup-hash";
import { maskIdNumber, maskName, maskPhone } from "@/lib/crypto/mask";

/**
 * People, defined once. An applicant, a patient, a pupil on a roster and a member of a registry
 * household are the same `Person` when their ID numbers match (by keyed hash; the number itself is
 * only stored encrypted). A phone is optional: people without one are served at the desk. Staff reach
 * a person only through the areas the person belongs to (`PersonArea`, "the area's people").
 */

type Db = PrismaClient | Prisma.TransactionClient;

/** How a person first came to an area. */
export const PERSON_AREA_VIA = ["application", "desk", "school", "registry", "settlement"] as const;
export type PersonAreaVia = (typeof PERSON_AREA_VIA)[number];

export interface PersonInput {
  /** An 18-character resident ID number, already validated (lib/identity/id-number.ts). */
  idNumber?: string | null;
  name?: string | null;
  /** A normalised mainland mobile number (lib/auth/phone.ts normalizePhone). */
  phone?: string | null;
  areaCode: string;
  via: PersonAreaVia;
}

export type PersonRow = Prisma.PersonGetPayload<object>;

/** Columns for the personal values given; absent values are left out, never cleared. */
function personalColumns(input: Pick<PersonInput, "idNumber" | "name" | "phone">) {
  const idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) : null;
  const name = input.name?.trim() || null;
  return {
    ...(idNumber ? { idNumberHash: hashIdNumber(idNumber), idNumberEncrypted: encryptField(idNumber) } : {}),
    ...(name ? { nameHash: hashName(name), nameEncrypted: encryptField(name) } : {}),
    ...(input.phone ? { phoneHash: hashPhone(input.phone), phoneEncrypted: encryptField(input.phone) } : {}),
  };
}

/** Add the person to the area's people (no-op when already there: the first way in is kept). */
export async function addPersonToArea(db: Db, personId: string, areaCode: string, via: PersonAreaVia): Promise<void> {
  await db.personArea.upsert({
    where: { personId_areaCode: { personId, areaCode } },
    create: { personId, areaCode, via },
    update: {},
  });
}

/**
 * The person with this ID number, or a new one. Values the record lacks are filled in; values it has
 * are kept unless new ones are given (a newer phone number replaces an older one). Without an ID
 * number a new person is always created: names are not unique, so they never match anyone.
 */
export async function findOrCreatePerson(db: Db, input: PersonInput): Promise<PersonRow> {
  const columns = personalColumns(input);
  const person = columns.idNumberHash
    ? await db.person.upsert({ where: { idNumberHash: columns.idNumberHash }, create: columns, update: columns })
    : await db.person.create({ data: columns });
  await addPersonToArea(db, person.id, input.areaCode, input.via);
  return person;
}

export async function findPersonByIdNumber(db: Db, idNumber: string): Promise<PersonRow | null> {
  return db.person.findUnique({ where: { idNumberHash: hashIdNumber(idNumber) } });
}

/** Everyone recorded with this phone (a family may share one). */
export async function findPeopleByPhone(db: Db, phone: string): Promise<PersonRow[]> {
  return db.person.findMany({ where: { phoneHash: hashPhone(phone) }, orderBy: { createdAt: "asc" } });
}

/**
 * Link a citizen account to a person (the citizen signed in with the person's phone, or verified the
 * ID number in an application). A person has at most one account and an account one person, so an
 * account already linked elsewhere is left as it is and `false` returned.
 */
export async function linkPersonToCitizen(db: Db, personId: string, citizenId: string): Promise<boolean> {
  const existing = await db.person.findUnique({ where: { citizenId } });
  if (existing) return existing.id === personId;
  const updated = await db.person.updateMany({ where: { id: personId, citizenId: null }, data: { citizenId } });
  return updated.count === 1;
}

/** The areas whose staff reach this person (for lib/auth/access.ts `areaCodes`). */
export async function areasOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await db.personArea.findMany({ where: { personId }, select: { areaCode: true } });
  return rows.map((r) => r.areaCode);
}

/** What a list or a card shows of a person: masked, never the clear ID number or phone. */
export interface PersonCard {
  id: string;
  nameMasked: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  hasPhone: boolean;
  hasAccount: boolean;
}

export function personCard(person: PersonRow): PersonCard {
  const clear = (value: string | null) => (value ? decryptField(value) : null);
  const name = clear(person.nameEncrypted);
  const idNumber = clear(person.idNumberEncrypted);
  const phone = clear(person.phoneEncrypted);
  return {
    id: person.id,
    nameMasked: name ? maskName(name) : null,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
    hasPhone: phone !== null,
    hasAccount: person.citizenId !== null,
  };
}

/** The person's clear values, for a staff action that needs them (the caller audits the read). */
export function personClearValues(person: PersonRow): { name: string | null; idNumber: string | null; phone: string | null } {
  const clear = (value: string | null) => (value ? decryptField(value) : null);
  return { name: clear(person.nameEncrypted), idNumber: clear(person.idNumberEncrypted), phone: clear(person.phoneEncrypted) };
}
