import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashIdNumber } from "@/lib/crypto/lookup-hash";
import { fakeIdNumber, generatePopulation, registryCsv, settlementCsv, CSV_HEADER } from "@/lib/monitoring/generate";
import { importRegistry, importSettlements, readFlagCard, rollbackBatch } from "@/lib/monitoring/service";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

/** Dated batches in the database: idempotent, all or nothing, rolled back whole; flags land on the help chain. */

const AREA = "330183";
const ZJ = "zhejiang-district-2024";
const now = new Date("2026-01-05T09:00:00+08:00");
const period = { from: "2025-01-01", to: "2025-12-31" };
const pop = generatePopulation(7, { people: 400, registryHouseholds: 30, year: 2025 });
const settlements = [...settlementCsv(pop, { rows: 1500, year: 2025, seed: 9 })].join("");

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

const settle = (text: string, extra: Partial<Parameters<typeof importSettlements>[1]> = {}) =>
  importSettlements(t.db, { areaCode: AREA, actorId: "case-fy", fileName: "2025.csv", input: Readable.from([Buffer.from(text)]), mapping: DEFAULT_COLUMNS, period, packId: ZJ, now, ...extra });

describe("registry batches", { timeout: 60_000 }, () => {
  it("imports households, members (by keyed hash, encrypted) and certifications; the same file twice changes nothing", async () => {
    const bytes = Buffer.from(registryCsv(pop));
    const first = await importRegistry(t.db, { areaCode: AREA, actorId: "case-fy", fileName: "registry.csv", bytes, now });
    expect(first.status).toBe("committed");
    const people = pop.households.reduce((s, h) => s + h.members.length, 0);
    expect(await t.db.household.count({ where: { areaCode: AREA } })).toBe(30);
    expect(await t.db.householdMember.count()).toBe(people);
    const someone = pop.households[0].members[0];
    const person = await t.db.person.findUniqueOrThrow({ where: { idNumberHash: hashIdNumber(someone.idNumber) } });
    expect(JSON.stringify(person)).not.toContain(someone.idNumber);
    const certs = await t.db.monitoringCertification.findMany();
    expect(certs).toHaveLength(30);
    expect(JSON.stringify(certs)).not.toMatch(/dibao|tekun/);

    const again = await importRegistry(t.db, { areaCode: AREA, actorId: "case-fy", fileName: "registry-copy.csv", bytes, now });
    expect(again).toEqual({ status: "unchanged", batchId: first.status === "committed" ? first.batchId : "" });
    expect(await t.db.monitoringCertification.count()).toBe(30);
    expect(await t.db.person.count()).toBe(people);
  });

  it("a file with one bad row writes nothing and says which row", async () => {
    const bad = registryCsv(pop).replace(pop.households[2].members[0].idNumber, "330183199901011230");
    const out = await importRegistry(t.db, { areaCode: AREA, actorId: "case-fy", fileName: "bad.csv", bytes: Buffer.from(bad), now });
    expect(out.status).toBe("refused");
    if (out.status === "refused") expect(out.report.errors[0]).toMatchObject({ code: "id-number" });
    expect(await t.db.person.count()).toBe(0);
    expect(await t.db.monitoringBatch.count()).toBe(0);
  });
});

describe("settlement batches", { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await importRegistry(t.db, { areaCode: AREA, actorId: "case-fy", fileName: "registry.csv", bytes: Buffer.from(registryCsv(pop)), now });
  });

  it("screens the year and writes flags into the area's queue, each a link on its household's chain", async () => {
    const out = await settle(settlements);
    expect(out.status).toBe("committed");
    const flags = await t.db.monitoringFlag.findMany({ where: { areaCode: AREA } });
    expect(flags.length).toBeGreaterThan(0);
    expect(out.status === "committed" && out.flags).toBe(flags.length);
    for (const f of flags) {
      const card = readFlagCard(f.cardEncrypted);
      expect(card.amount).toBeGreaterThan(card.threshold);
      expect(f.state).toBe("open");
      const link = await t.db.helpLink.findUniqueOrThrow({ where: { kind_refId: { kind: "monitoring-flag", refId: f.id } }, include: { chain: true } });
      expect(link.chain.householdId).toBe(f.householdId);
    }
    // Registry people are flagged under the 低保年标准 rule with their household.
    const registryFlag = flags.find((f) => f.ruleId === "assistance-recipients");
    expect(registryFlag).toBeDefined();
    expect(JSON.stringify(await t.db.monitoringCost.findFirst())).not.toContain(pop.people[0].idNumber);
  });

  it("the same extract twice changes nothing", async () => {
    const first = await settle(settlements);
    const count = await t.db.monitoringFlag.count();
    const again = await settle(settlements);
    expect(again.status).toBe("unchanged");
    expect(first.status === "committed" && again.status === "unchanged" && again.batchId).toBe(first.status === "committed" && first.batchId);
    expect(await t.db.monitoringFlag.count()).toBe(count);
    expect(await t.db.monitoringCost.count()).toBe(new Set(settlements.split("\n").slice(1, -1).map((l) => l.split(",")[1])).size);
  });

  it("a month later, the year to date adds up across batches; a person is flagged once per rule and year", async () => {
    const id = fakeIdNumber(10_000);
    const row = (sid: string, date: string, personal: string) => `${sid},${id},居民,${date},医院,县级,本地,${personal},${personal},0,0,0,${personal}\n`;
    const jan = await settle(CSV_HEADER + row("M1", "2025-01-10", "30000.00"), { period: { from: "2025-01-01", to: "2025-01-31" } });
    expect(jan.status === "committed" && jan.flags).toBe(0);
    const feb = await settle(CSV_HEADER + row("M2", "2025-02-10", "10311.01"), { period: { from: "2025-02-01", to: "2025-02-28" } });
    expect(feb.status === "committed" && feb.flags).toBe(1); // 40,311.01 > 40,311 (rural income, 三(二))
    const flag = await t.db.monitoringFlag.findFirstOrThrow();
    expect(readFlagCard(flag.cardEncrypted).amount).toBe(4_031_101);
    expect(flag.periodFrom).toBe("2025-01-01");
    const mar = await settle(CSV_HEADER + row("M3", "2025-03-10", "100.00"), { period: { from: "2025-03-01", to: "2025-03-31" } });
    expect(mar.status === "committed" && mar.flags).toBe(0);
  });

  it("bad rows refuse the whole extract unless the caseworker chose to skip them; outside-period dates are reported", async () => {
    const text = settlements + `X1,${fakeIdNumber(5)},居民,2024-12-31,医院,县级,本地,1,1,0,0,0,1\n`;
    const refused = await settle(text);
    expect(refused.status).toBe("refused");
    if (refused.status === "refused") expect(refused.report.errors).toEqual([{ line: 1502, code: "outside-period", field: "date" }]);
    expect(await t.db.monitoringBatch.count({ where: { kind: "settlements" } })).toBe(0);
    expect(await t.db.monitoringCost.count()).toBe(0);
    const skipped = await settle(text, { skipBadRows: true });
    expect(skipped.status).toBe("committed");
  });

  it("a wrong encoding refuses the file whole", async () => {
    const out = await settle(settlements, { encoding: "gbk", input: Readable.from([Buffer.from("\uFEFF" + settlements)]) });
    // UTF-8 bytes read as GBK either fail to decode or miss the header: never a half import.
    expect(out.status).toBe("refused");
    expect(await t.db.monitoringCost.count()).toBe(0);
  });

  it("a rollback takes the batch back whole; refused once a flag was worked on", async () => {
    const out = await settle(settlements);
    if (out.status !== "committed") throw new Error("not committed");
    const flag = await t.db.monitoringFlag.findFirstOrThrow();
    await t.db.monitoringFlag.update({ where: { id: flag.id }, data: { state: "visit" } });
    expect(await rollbackBatch(t.db, { batchId: out.batchId, areaCode: AREA, actorId: "case-fy", now })).toEqual({ ok: false, reason: "flags-worked-on" });
    await t.db.monitoringFlag.update({ where: { id: flag.id }, data: { state: "open" } });
    expect(await rollbackBatch(t.db, { batchId: out.batchId, areaCode: "210100", actorId: "case-sy", now })).toEqual({ ok: false, reason: "not-found" });
    expect(await rollbackBatch(t.db, { batchId: out.batchId, areaCode: AREA, actorId: "case-fy", now })).toEqual({ ok: true });
    expect(await t.db.monitoringFlag.count()).toBe(0);
    expect(await t.db.monitoringCost.count()).toBe(0);
    expect(await t.db.helpLink.count({ where: { kind: "monitoring-flag" } })).toBe(0);
    expect((await t.db.monitoringBatch.findUniqueOrThrow({ where: { id: out.batchId } })).state).toBe("rolled-back");
    expect(await t.db.auditLog.count({ where: { action: "monitoring.batch.rollback" } })).toBe(1);
    // After a rollback the same file can come in again.
    expect((await settle(settlements)).status).toBe("committed");
  });
});
