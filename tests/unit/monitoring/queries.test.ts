import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePopulation, registryCsv, settlementCsv } from "@/lib/monitoring/generate";
import { householdTable, householdView, listFlags } from "@/lib/monitoring/queries";
import { importRegistry, importSettlements } from "@/lib/monitoring/service";
import { runSimulator } from "@/lib/monitoring/simulator";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

/** Only the area's caseworkers and approvers see its flags and households; every household view is audited; values are masked. */

const AREA = "330183";
const now = new Date("2026-01-05T09:00:00+08:00");
const pop = generatePopulation(3, { people: 200, registryHouseholds: 20, year: 2025 });
let t: TestDb;
const fuyang = { id: "case-fy", role: "caseworker" as const, areaCode: AREA };
const approver = { id: "appr-fy", role: "approver" as const, areaCode: AREA };
const shenyang = { id: "case-sy", role: "caseworker" as const, areaCode: "210100" };

beforeAll(async () => {
  t = await createTestDb();
  await importRegistry(t.db, { areaCode: AREA, actorId: fuyang.id, fileName: "r.csv", bytes: Buffer.from(registryCsv(pop)), now });
  const text = [...settlementCsv(pop, { rows: 1200, year: 2025, seed: 5 })].join("");
  await importSettlements(t.db, {
    areaCode: AREA, actorId: fuyang.id, fileName: "s.csv", input: Readable.from([Buffer.from(text)]), mapping: DEFAULT_COLUMNS,
    period: { from: "2025-01-01", to: "2025-12-31" }, packId: "zhejiang-district-2024", now,
  });
}, 60_000);
afterAll(async () => t.close());

describe("the monitoring queue and the household chain", { timeout: 30_000 }, () => {
  it("the area's caseworker and approver see its flags, masked; another area's staff see none", async () => {
    const mine = (await listFlags(t.db, fuyang, { pageSize: 1000 }))!.items;
    expect(mine.length).toBeGreaterThan(0);
    expect((await listFlags(t.db, approver))!.total).toBe(mine.length);
    expect(await listFlags(t.db, shenyang)).toMatchObject({ total: 0, items: [] });
    const text = JSON.stringify(mine);
    for (const p of pop.people.slice(0, 50)) expect(text).not.toContain(p.idNumber);
    expect(mine[0].person.idNumberMasked).toMatch(/\*/);
    expect(Number(mine[0].amount)).toBeGreaterThan(Number(mine[0].threshold));
  });

  it("pages hold every flag exactly once, in queue order, and a page past the end shows the last one", async () => {
    const all = (await listFlags(t.db, fuyang, { pageSize: 1000 }))!;
    expect(all.total).toBeGreaterThan(3);
    const seen: string[] = [];
    const first = (await listFlags(t.db, fuyang, { pageSize: 3 }))!;
    expect(first.pageCount).toBe(Math.ceil(all.total / 3));
    for (let page = 1; page <= first.pageCount; page++) {
      const p = (await listFlags(t.db, fuyang, { pageSize: 3, page }))!;
      expect(p.page).toBe(page);
      seen.push(...p.items.map((f) => f.id));
    }
    expect(seen).toEqual(all.items.map((f) => f.id));
    const past = (await listFlags(t.db, fuyang, { pageSize: 3, page: 9999 }))!;
    expect(past.page).toBe(first.pageCount);
    expect(past.items.map((f) => f.id)).toEqual(seen.slice((first.pageCount - 1) * 3));
  });

  it("a household page is for its area only, and every view is audited", async () => {
    const flag = (await listFlags(t.db, fuyang, { pageSize: 1000 }))!.items.find((f) => f.ruleId === "assistance-recipients")!;
    const view = (await householdView(t.db, fuyang, flag.householdId!, now))!;
    expect(view.members.length).toBeGreaterThan(0);
    expect(view.certifications.length).toBe(1);
    expect(view.flags.map((f) => f.id)).toContain(flag.id);
    expect(view.chain?.links.some((l) => l.kind === "monitoring-flag" && l.refId === flag.id)).toBe(true);
    expect(await householdView(t.db, shenyang, flag.householdId!, now)).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "monitoring.household.view", target: flag.householdId! } })).toBe(1);
    // 结果一张表: one table, members masked, the flag and its chain link in it.
    const table = householdTable(view, [], (key) => key, (_pack, rule) => `rule:${rule}`);
    expect(table[0]).toHaveLength(5);
    expect(table.filter((r) => r[0] === "household.members")).toHaveLength(view.members.length);
    expect(table.some((r) => r[0] === "household.chain" && r[1] === "link.kind.monitoring-flag")).toBe(true);
    expect(JSON.stringify(table)).not.toMatch(/\d{17}[\dX]/);
  });

  it("the simulator over the imported year agrees with the batch at the pack's thresholds, and flags more at a lower one, writing nothing", async () => {
    const flags = (await listFlags(t.db, fuyang, { pageSize: 1000 }))!.items;
    const q = { year: 2025, rule: "resident-members", threshold: "40311.00", measure: "year-personal" as const };
    const same = (await runSimulator(t.db, fuyang, AREA, "zhejiang-district-2024", q, now))!;
    expect(same.total.people).toBe(flags.length);
    const lower = (await runSimulator(t.db, fuyang, AREA, "zhejiang-district-2024", { ...q, threshold: "10000" }, now))!;
    expect(lower.total.people).toBeGreaterThan(same.total.people);
    expect((await listFlags(t.db, fuyang))!.total).toBe(flags.length);
    expect(await runSimulator(t.db, shenyang, AREA, "zhejiang-district-2024", q, now)).toBeNull();
  });
});
