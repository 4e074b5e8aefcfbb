import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { accessRefusal, reachOf, type Actor } from "@/lib/auth/access";
import { toStaffSession } from "@/lib/auth/staff";
import { submitApplication, type ServiceContext } from "@/lib/applications/service";
import { DeskSessionError, findAreaPeople, sessionActor, sessionFor, startSession, startSessionSchema, todaysSessions, withdrawConsent } from "@/lib/desk/sessions";
import { completeDraft, idNumber, PARENT_ID, seedPeople } from "@/tests/unit/applications/fixtures";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
let people: Awaited<ReturnType<typeof seedPeople>>;
let ctx: ServiceContext;
let otherDesk: Awaited<ReturnType<typeof toStaffSession>>;

const ELDER_ID = idNumber("45022319440305002");

beforeEach(async () => {
  t = await createTestDb();
  people = await seedPeople(t.db);
  otherDesk = toStaffSession(await t.db.staffUser.create({ data: { username: "desk02", role: "desk", areaCode: "210100", passwordHash: "x", displayName: "desk02" } }));
  ctx = { db: t.db, now: fakeClock("2026-11-23T09:00:00+08:00").now };
});
afterEach(async () => t.close());

const elder = (consent: "on" | "" = "on") => startSessionSchema.parse({ name: "韦阿婆", idNumber: ELDER_ID, phone: "", consentPaperSigned: consent || undefined });

describe("the desk-session scope (lib/auth/access.ts)", () => {
  const desk: Actor = { id: "d1", role: "desk", areaCode: "450223", deskSessionId: "s1" };
  const open = { id: "s1", areaCode: "450223", open: true };
  test.each([
    ["its own open session, a person of the area", { areaCodes: ["450223"], deskSession: open }, null],
    ["after hand-over or withdrawal", { areaCodes: ["450223"], deskSession: { ...open, open: false } }, "session-ended"],
    ["another session", { areaCodes: ["450223"], deskSession: { ...open, id: "s2" } }, "not-in-session"],
    ["a record reached without a session", { areaCode: "450223" }, "not-in-session"],
    ["another area's session", { areaCodes: ["450223"], deskSession: { ...open, areaCode: "210100" } }, "wrong-area"],
    ["a person who is not one of the area's people", { areaCodes: ["210100"], deskSession: open }, "wrong-area"],
  ])("%s", (_name, record, refusal) => expect(accessRefusal(desk, record)).toBe(refusal));

  test("a session reaches only through itself; without one a desk keeps its area reach; other roles never get it", () => {
    expect(reachOf(desk)).toEqual({ scope: "desk-session", sessionId: "s1", areaCode: "450223" });
    expect(reachOf({ ...desk, deskSessionId: null })).toEqual({ scope: "area", areaCode: "450223" });
    expect(reachOf({ id: "c", role: "caseworker", areaCode: "450223", deskSessionId: "s1" })).toEqual({ scope: "area", areaCode: "450223" });
  });
});

describe("assisted sessions", () => {
  test("without the signed 授权书 the form is refused and nothing about the person is saved", async () => {
    expect(startSessionSchema.safeParse({ name: "韦阿婆", idNumber: ELDER_ID, phone: "" }).success).toBe(false);
    await expect(startSession(ctx, people.desk, { ...elder(), consentPaperSigned: "" as "on" })).rejects.toThrow(DeskSessionError);
    expect(await t.db.person.count()).toBe(0);
    expect(await t.db.deskSession.count()).toBe(0);
  });

  test("a person without a phone: saved with the consent (who, when, how, for what), one of the area's people, on the household's help chain", async () => {
    const { sessionId } = await startSession(ctx, people.desk, elder());
    const person = await t.db.person.findFirstOrThrow({ include: { areas: true } });
    expect(person.phoneHash).toBeNull();
    expect(person.idNumberEncrypted).not.toContain(ELDER_ID);
    expect(person.areas).toEqual([expect.objectContaining({ areaCode: "450223", via: "desk" })]);
    const consent = await t.db.deskConsent.findFirstOrThrow({ where: { sessionId } });
    expect(consent).toMatchObject({ method: "paper", recordedById: people.desk.id, givenAt: new Date("2026-11-23T09:00:00+08:00"), withdrawnAt: null });
    expect(JSON.parse(consent.purposes)).toEqual(["assisted-application", "economic-check"]);
    expect(await t.db.helpLink.findFirst({ where: { kind: "desk-session", refId: sessionId } })).toMatchObject({ personId: person.id, state: "not-started" });
    const view = await sessionFor(ctx, people.desk, sessionId);
    expect(view?.person).toMatchObject({ nameMasked: "韦*婆", hasPhone: false, phoneMasked: null });
    expect(view?.person.idNumberMasked).toBe(`${ELDER_ID.slice(0, 3)}***********${ELDER_ID.slice(-4)}`);
    expect((await t.db.auditLog.findMany({ where: { target: sessionId } })).map((a) => a.action)).toEqual(["desk.session.start", "desk.session.view"]);
    expect((await todaysSessions(ctx, people.desk)).map((s) => s.id)).toEqual([sessionId]);
  });

  test("another area's desk cannot open the session nor withdraw it; a caseworker is not a desk", async () => {
    const { sessionId } = await startSession(ctx, people.desk, elder());
    expect(await sessionFor(ctx, otherDesk, sessionId)).toBeNull();
    expect(await withdrawConsent(ctx, otherDesk, sessionId)).toBe(false);
    expect(await todaysSessions(ctx, otherDesk)).toEqual([]);
    await expect(startSession(ctx, people.case1, elder())).rejects.toThrow("not-desk");
  });

  test("withdrawal ends the session, keeps the consent record with its withdrawal, and deletes the person it created", async () => {
    const { sessionId } = await startSession(ctx, people.desk, elder());
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(true);
    expect(await sessionFor(ctx, people.desk, sessionId)).toBeNull();
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(false);
    expect(await t.db.person.count()).toBe(0);
    expect(await t.db.household.count()).toBe(0);
    expect(await t.db.helpLink.count()).toBe(0);
    expect(await t.db.deskConsent.findFirstOrThrow({ where: { sessionId } })).toMatchObject({ withdrawnById: people.desk.id, withdrawnAt: expect.any(Date) });
    expect(await t.db.deskSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ status: "withdrawn", personId: null });
  });

  test("withdrawal keeps a person who has a submitted application (a legal record), and the desk's access through the session ends", async () => {
    await completeDraft(ctx, people.citizenA.id);
    const submitted = await submitApplication(ctx, people.citizenA.id, "submit-key-desk-000001");
    expect(submitted.ok).toBe(true);
    const [found] = await findAreaPeople(ctx, people.desk, { phone: null, idNumber: PARENT_ID });
    expect(found.nameMasked).toBe("测**长");
    const { sessionId } = await startSession(ctx, people.desk, startSessionSchema.parse({ personId: found.id, consentPaperSigned: "on", idNumber: "", phone: "" }));
    expect(await withdrawConsent(ctx, people.desk, sessionId)).toBe(true);
    expect(await t.db.person.count()).toBe(1);
    expect(await t.db.application.count({ where: { status: "submitted" } })).toBe(1);
    expect(await sessionFor(ctx, people.desk, sessionId)).toBeNull();
  });

  test("search shows only the area's people, masked; another area's desk finds nobody", async () => {
    await startSession(ctx, people.desk, elder());
    expect(await findAreaPeople(ctx, people.desk, { phone: null, idNumber: ELDER_ID })).toHaveLength(1);
    expect(await findAreaPeople(ctx, otherDesk, { phone: null, idNumber: ELDER_ID })).toEqual([]);
    // Nor can it start a session on that person by id.
    const person = await t.db.person.findFirstOrThrow();
    await expect(startSession(ctx, otherDesk, startSessionSchema.parse({ personId: person.id, consentPaperSigned: "on", idNumber: "", phone: "" }))).rejects.toThrow("not-found");
  });

  test("the session actor carries the session; nothing else about the worker changes", () => {
    expect(sessionActor(people.desk, "s9")).toMatchObject({ id: people.desk.id, role: "desk", areaCode: "450223", deskSessionId: "s9" });
  });
});
