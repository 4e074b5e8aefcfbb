import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { accessRefusal, actorFor } from "@/lib/auth/access";
import { submitApplication, type ServiceContext } from "@/lib/applications/service";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { maskName } from "@/lib/crypto/mask";
import { backfillApplicantPersons } from "@/lib/people/backfill";
import { addHelpLink, helpChainFor, helpChainView, householdOf, updateHelpLink } from "@/lib/people/help-chain";
import { areasOfPerson, findOrCreatePerson, findPeopleByPhone, findPersonByIdNumber, linkPersonToCitizen, personCard } from "@/lib/people/persons";
import { OutboxSmsSender } from "@/lib/sms/outbox";
import { CHILD_ID, completeDraft, PARENT_ID, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now, sms: new OutboxSmsSender(t.db) };
});
afterEach(async () => t.close());

describe("persons", () => {
  test("the same ID number, typed differently, is one person; nothing personal is stored in clear", async () => {
    const first = await findOrCreatePerson(t.db, { idNumber: CHILD_ID.toLowerCase(), name: "测试孩子", areaCode: "450223", via: "school" });
    const again = await findOrCreatePerson(t.db, { idNumber: ` ${CHILD_ID} `, phone: "13800000009", areaCode: "210100", via: "desk" });
    expect(again.id).toBe(first.id);
    expect(await t.db.person.count()).toBe(1);
    expect(await areasOfPerson(t.db, first.id)).toEqual(expect.arrayContaining(["450223", "210100"]));
    const row = await t.db.person.findUniqueOrThrow({ where: { id: first.id } });
    expect(JSON.stringify(row)).not.toContain(CHILD_ID);
    expect(JSON.stringify(row)).not.toContain("13800000009");
    expect(row.idNumberHash).toBe(hashIdNumber(CHILD_ID));
    // A later value that was not given keeps the earlier one.
    expect(personCard(row)).toMatchObject({ nameMasked: "测**子", hasPhone: true, hasAccount: false });
    expect((await findPersonByIdNumber(t.db, CHILD_ID))?.id).toBe(first.id);
    expect((await findPeopleByPhone(t.db, "13800000009")).map((p) => p.id)).toEqual([first.id]);
  });

  test("without an ID number nobody is matched: a walk-in without papers is a new person", async () => {
    const a = await findOrCreatePerson(t.db, { name: "王大爷", areaCode: "450223", via: "desk" });
    const b = await findOrCreatePerson(t.db, { name: "王大爷", areaCode: "450223", via: "desk" });
    expect(a.id).not.toBe(b.id);
    expect(personCard(a)).toMatchObject({ nameMasked: "王*爷", idNumberMasked: null, phoneMasked: null, hasPhone: false });
  });

  test("an account links to one person and a person to one account", async () => {
    const p = await findOrCreatePerson(t.db, { idNumber: PARENT_ID, areaCode: "450223", via: "desk" });
    const q = await findOrCreatePerson(t.db, { idNumber: CHILD_ID, areaCode: "450223", via: "desk" });
    expect(await linkPersonToCitizen(t.db, p.id, people.citizenA.id)).toBe(true);
    expect(await linkPersonToCitizen(t.db, p.id, people.citizenA.id)).toBe(true);
    expect(await linkPersonToCitizen(t.db, q.id, people.citizenA.id)).toBe(false);
    expect(await linkPersonToCitizen(t.db, p.id, people.citizenB.id)).toBe(false);
  });

  test("area staff reach a person only through the person's areas", async () => {
    const p = await findOrCreatePerson(t.db, { idNumber: PARENT_ID, areaCode: "450223", via: "desk" });
    const areaCodes = await areasOfPerson(t.db, p.id);
    expect(accessRefusal(actorFor(people.desk), { areaCodes })).toBeNull();
    expect(accessRefusal(actorFor(people.case2), { areaCodes })).toBe("wrong-area");
    expect(accessRefusal(actorFor(people.case2), { areaCodes: [...areaCodes, "210100"] })).toBeNull();
  });

  test("maskName keeps the first and (from three characters) the last character", () => {
    expect([maskName("张三"), maskName("李小明"), maskName("欧阳小明"), maskName("王"), maskName("")]).toEqual(["张*", "李*明", "欧**明", "*", ""]);
  });
});

describe("help chain", () => {
  test("one household and one chain per person and area; a link for the same record is updated, not doubled", async () => {
    const p = await findOrCreatePerson(t.db, { idNumber: CHILD_ID, areaCode: "450223", via: "school" });
    const household = await householdOf(t.db, { personId: p.id, areaCode: "450223" });
    expect((await householdOf(t.db, { personId: p.id, areaCode: "450223" })).id).toBe(household.id);
    const chain = await helpChainFor(t.db, household.id);
    expect((await helpChainFor(t.db, household.id)).id).toBe(chain.id);
    await addHelpLink(t.db, chain.id, { kind: "school-case", refId: "case-1", personId: p.id });
    const again = await addHelpLink(t.db, chain.id, { kind: "school-case", refId: "case-1", personId: p.id, state: "referred" });
    const red = await addHelpLink(t.db, chain.id, { kind: "referral", provider: "red-cross", personId: p.id });
    await updateHelpLink(t.db, red.id, { state: "granted", amount: "3000.00" });
    const view = await helpChainView(t.db, chain.id);
    expect(view?.memberIds).toEqual([p.id]);
    expect(view?.links.map((l) => [l.kind, l.state, l.amount])).toEqual([
      ["school-case", "referred", null],
      ["referral", "granted", "3000.00"],
    ]);
    expect(view?.links[0].id).toBe(again.id);
    await expect(addHelpLink(t.db, chain.id, { kind: "referral", amount: "3000.001" })).rejects.toThrow();
    await expect(updateHelpLink(t.db, red.id, { state: "paid" as never })).rejects.toThrow();
  });
});

describe("applicants become persons", () => {
  test("submit records the applicant as a person of the area, links the account that used the same phone, and starts the chain", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const submitted = await submitApplication(ctx, people.citizenA.id, "submit-key-0000000001");
    if (!submitted.ok) throw new Error(submitted.code);
    const app = await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } });
    const person = await findPersonByIdNumber(t.db, PARENT_ID);
    expect(app.applicantPersonId).toBe(person?.id);
    expect(person?.citizenId).toBe(people.citizenA.id);
    expect(await areasOfPerson(t.db, person!.id)).toEqual(["450223"]);
    const links = await t.db.helpLink.findMany({ where: { refId: submitted.applicationId } });
    expect(links.map((l) => [l.kind, l.state, l.personId])).toEqual([["application", "applied", person!.id]]);
  });

  test("the backfill gives older applications their person once, and running it again changes nothing", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const submitted = await submitApplication(ctx, people.citizenA.id, "submit-key-0000000001");
    if (!submitted.ok) throw new Error(submitted.code);
    // As before this version: no person, no chain.
    await t.db.application.update({ where: { id: submitted.applicationId }, data: { applicantPersonId: null } });
    await t.db.helpLink.deleteMany();
    await t.db.person.deleteMany();
    expect(await backfillApplicantPersons(t.db)).toEqual({ linked: 1, skipped: 0 });
    expect(await backfillApplicantPersons(t.db)).toEqual({ linked: 0, skipped: 0 });
    expect(await t.db.person.count()).toBe(1);
    expect(await t.db.helpLink.count()).toBe(1);
    const app = await t.db.application.findUniqueOrThrow({ where: { id: submitted.applicationId } });
    expect(app.applicantPersonId).toBe((await findPersonByIdNumber(t.db, PARENT_ID))?.id);
  });
});
