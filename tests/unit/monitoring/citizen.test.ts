import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { foundForCitizen } from "@/lib/monitoring/citizen";
import { generatePopulation, registryCsv, settlementCsv } from "@/lib/monitoring/generate";
import { importRegistry, importSettlements, rollbackBatch } from "@/lib/monitoring/service";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";
import { linkPersonToCitizen } from "@/lib/people/persons";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

// 政策找人, the citizen's side: a citizen whose account matches a flagged person sees what was found
// for them on 我的, and only their own figures.
const AREA = "330111";
const now = new Date("2026-12-02T09:00:00+08:00");
const pop = generatePopulation(4, { people: 200, registryHouseholds: 20, year: 2026 });
let t: TestDb;

async function citizenWithPhone(phone: string) {
  const phoneHash = hashPhone(phone);
  return t.db.citizen.upsert({ where: { phoneHash }, create: { phoneHash, phoneEncrypted: encryptField(phone) }, update: {} });
}
const asCitizen = (id: string) => ({ id, role: "citizen" as const });

beforeAll(async () => {
  t = await createTestDb();
  await importRegistry(t.db, { areaCode: AREA, actorId: "case", fileName: "r.csv", bytes: Buffer.from(registryCsv(pop)), now });
  const text = [...settlementCsv(pop, { rows: 1200, year: 2026, seed: 5, months: [10, 11] })].join("");
  const out = await importSettlements(t.db, {
    areaCode: AREA, actorId: "case", fileName: "s.csv", input: Readable.from([Buffer.from(text)]), mapping: DEFAULT_COLUMNS,
    period: { from: "2026-10-01", to: "2026-11-30" }, packId: "zhejiang-district-2024", now,
  });
  expect(out.status).toBe("committed");
}, 60_000);
afterAll(async () => t.close());

async function flaggedWithPhone() {
  const withPhone = await t.db.person.findMany({ where: { phoneEncrypted: { not: null }, citizenId: null }, select: { id: true } });
  return t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open", personId: { in: withPhone.map((p) => p.id) } } });
}

describe("found for you (我的)", { timeout: 30_000 }, () => {
  it("the registry's phone finds the flagged person: their amount, the line, the dates and a link to the prefilled application", async () => {
    const flag = await flaggedWithPhone();
    const person = await t.db.person.findUniqueOrThrow({ where: { id: flag.personId } });
    const citizen = await citizenWithPhone(decryptField(person.phoneEncrypted!));
    const found = await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hant");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ flagId: flag.id, state: "open", periodTo: flag.periodTo, visitDue: null });
    expect(Number(found[0].amount)).toBeGreaterThan(Number(found[0].threshold));
    expect(found[0].applyPath).toMatch(/^\/zh-Hant\/apply\?from=estimate&policy=zhejiang-district-2024&total=\d+\.\d{2}$/);
    // Only the person's own figures: no household members, certifications or help received leave the module.
    expect(Object.keys(found[0]).sort()).toEqual(
      ["amount", "applyPath", "dataThrough", "flagId", "packId", "periodFrom", "periodTo", "state", "threshold", "thresholdAssumed", "visitDue"],
    );
  });

  it("a visit says by when; once helped there is nothing to apply for; a dismissed lead is not shown", async () => {
    const flag = await flaggedWithPhone();
    const person = await t.db.person.findUniqueOrThrow({ where: { id: flag.personId } });
    const citizen = await citizenWithPhone(decryptField(person.phoneEncrypted!));
    await t.db.monitoringFlag.update({ where: { id: flag.id }, data: { state: "visit", visitDue: "2026-12-16" } });
    expect((await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans"))[0]).toMatchObject({ state: "visit", visitDue: "2026-12-16" });
    await t.db.monitoringFlag.update({ where: { id: flag.id }, data: { state: "helped" } });
    expect((await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans"))[0]).toMatchObject({ state: "helped", applyPath: null });
    await t.db.monitoringFlag.update({ where: { id: flag.id }, data: { state: "dismissed", dismissReason: "data-error" } });
    expect(await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans")).toEqual([]);
  });

  it("a phone two people share finds neither (whose costs they are is unknown)", async () => {
    const flag = await flaggedWithPhone();
    const person = await t.db.person.findUniqueOrThrow({ where: { id: flag.personId } });
    const other = await t.db.person.findFirstOrThrow({ where: { id: { not: person.id }, phoneHash: null } });
    await t.db.person.update({ where: { id: other.id }, data: { phoneHash: person.phoneHash, phoneEncrypted: person.phoneEncrypted } });
    const citizen = await citizenWithPhone(decryptField(person.phoneEncrypted!));
    expect(await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans")).toEqual([]);
    await t.db.person.update({ where: { id: other.id }, data: { phoneHash: null, phoneEncrypted: null } });
  });

  it("an account linked to the person (ID number verified in an application) finds it without a registry phone; nobody else does", async () => {
    const noPhone = await t.db.person.findMany({ where: { phoneEncrypted: null, citizenId: null }, select: { id: true } });
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open", personId: { in: noPhone.map((p) => p.id) } } });
    const citizen = await citizenWithPhone("13912345678");
    expect(await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans")).toEqual([]);
    expect(await linkPersonToCitizen(t.db, flag.personId, citizen.id)).toBe(true);
    expect((await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans")).map((f) => f.flagId)).toEqual([flag.id]);
    // Staff never get a citizen's view; a stranger's account finds nothing.
    expect(await foundForCitizen(t.db, { id: "case", role: "caseworker", areaCode: AREA }, "zh-Hans")).toEqual([]);
    expect(await foundForCitizen(t.db, asCitizen((await citizenWithPhone("13700000000")).id), "zh-Hans")).toEqual([]);
  });

  it("flags of a rolled-back batch are gone for the citizen too", async () => {
    const flag = await flaggedWithPhone();
    const person = await t.db.person.findUniqueOrThrow({ where: { id: flag.personId } });
    const citizen = await citizenWithPhone(decryptField(person.phoneEncrypted!));
    expect(await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans")).toHaveLength(1);
    await t.db.monitoringFlag.updateMany({ where: { state: { not: "open" } }, data: { state: "open" } });
    expect(await rollbackBatch(t.db, { batchId: flag.batchId, areaCode: AREA, actorId: "case", now })).toEqual({ ok: true });
    expect(await foundForCitizen(t.db, asCitizen(citizen.id), "zh-Hans")).toEqual([]);
  });
});
