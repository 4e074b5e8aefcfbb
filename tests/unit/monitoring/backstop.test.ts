import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveBackstop, backstopsOf, computeBackstops, proposeBackstop } from "@/lib/monitoring/backstop";
import { CSV_HEADER, fakeIdNumber } from "@/lib/monitoring/generate";
import { importRegistry, importSettlements } from "@/lib/monitoring/service";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

/**
 * 浙江 001 二(三): a 低保 family's reasonable personal costs of the year above the 低保年标准 are paid
 * in full. Two members: ¥10,000 and ¥6,000 left after 基本医保 and 医疗救助 → ¥16,000 − ¥15,612 = ¥388.
 */
const AREA = "330111";
const ZJ = "zhejiang-district-2024";
const now = new Date("2026-01-06T09:00:00+08:00");
const a = fakeIdNumber(900);
const b = fakeIdNumber(901);
const caseworker = { id: "case-fy", role: "caseworker" as const, areaCode: AREA };
const approver = { id: "appr-fy", role: "approver" as const, areaCode: AREA };
const otherArea = { id: "appr-sy", role: "approver" as const, areaCode: "210100" };
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const registry = `户编号,身份证号码,姓名,与户主关系,手机号码,认定类别,认定日期,终止日期\nFY1,${a},示例甲,户主,,低保,2023-03-01,\nFY1,${b},示例乙,配偶,,低保,2023-03-01,\n`;
  await importRegistry(t.db, { areaCode: AREA, actorId: caseworker.id, fileName: "r.csv", bytes: Buffer.from(registry), now });
  const rows = `${CSV_HEADER}S1,${a},居民,2025-04-02,医院,县级,本地,30000.00,30000.00,15000.00,0,5000.00,10000.00\nS2,${b},居民,2025-09-12,医院,县级,本地,20000.00,20000.00,10000.00,0,4000.00,6000.00\n`;
  await importSettlements(t.db, {
    areaCode: AREA, actorId: caseworker.id, fileName: "s.csv", input: Readable.from([Buffer.from(rows)]), mapping: DEFAULT_COLUMNS,
    period: { from: "2025-01-01", to: "2025-12-31" }, packId: ZJ, now,
  });
}, 60_000);
afterAll(async () => t.close());

describe("the annual 兜底, paid without the family applying", { timeout: 30_000 }, () => {
  it("is computed by the calculation module's household request, with its explanation", async () => {
    expect(await computeBackstops(t.db, { areaCode: AREA, packId: ZJ, year: 2025, now })).toBe(1);
    const household = await t.db.household.findFirstOrThrow({ where: { registryKey: "FY1" } });
    const [p] = await backstopsOf(t.db, household.id);
    expect(p).toMatchObject({ year: 2025, amount: "388.00", state: "computed" });
    expect(p.explanation).toContain("15,612");
  });

  it("a caseworker proposes it; the proposer cannot approve it; an approver of the area does, audited and on the chain", async () => {
    const p = await t.db.backstopProposal.findFirstOrThrow();
    expect(await approveBackstop(t.db, { actor: approver, id: p.id, now })).toEqual({ ok: false, code: "wrong-state" });
    expect(await proposeBackstop(t.db, { actor: caseworker, id: p.id, now })).toEqual({ ok: true });
    expect(await approveBackstop(t.db, { actor: { ...approver, id: caseworker.id }, id: p.id, now })).toEqual({ ok: false, code: "same-person" });
    expect(await approveBackstop(t.db, { actor: otherArea, id: p.id, now })).toEqual({ ok: false, code: "not-found" });
    expect(await approveBackstop(t.db, { actor: approver, id: p.id, now })).toEqual({ ok: true });
    const link = await t.db.helpLink.findUniqueOrThrow({ where: { kind_refId: { kind: "payment", refId: p.id } } });
    expect(link).toMatchObject({ state: "granted", amount: "388.00" });
    expect(await t.db.auditLog.count({ where: { action: { in: ["monitoring.backstop.propose", "monitoring.backstop.approve"] } } })).toBe(2);
    // Once proposed it is never recomputed under the approver's feet.
    expect(await computeBackstops(t.db, { areaCode: AREA, packId: ZJ, year: 2025, now })).toBe(0);
  });
});
