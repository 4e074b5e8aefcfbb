import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dismissalCounts, dismissalsByRule, flagActionSchema, performFlagAction } from "@/lib/monitoring/flag-actions";
import { generatePopulation, registryCsv, settlementCsv } from "@/lib/monitoring/generate";
import { importRegistry, importSettlements } from "@/lib/monitoring/service";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";
import { OutboxSmsSender } from "@/lib/sms/outbox";
import { renderSms } from "@/lib/sms/templates";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

const AREA = "330111";
const now = new Date("2026-12-02T09:00:00+08:00"); // a Wednesday
const pop = generatePopulation(4, { people: 200, registryHouseholds: 20, year: 2026 });
const fuyang = { id: "case-fy", role: "caseworker" as const, areaCode: AREA };
const shenyang = { id: "case-sy", role: "caseworker" as const, areaCode: "210100" };
let t: TestDb;
let sms: OutboxSmsSender;

beforeAll(async () => {
  t = await createTestDb();
  sms = new OutboxSmsSender(t.db);
  await importRegistry(t.db, { areaCode: AREA, actorId: fuyang.id, fileName: "r.csv", bytes: Buffer.from(registryCsv(pop)), now });
  const text = [...settlementCsv(pop, { rows: 1200, year: 2026, seed: 5, months: [10, 11] })].join("");
  await importSettlements(t.db, {
    areaCode: AREA, actorId: fuyang.id, fileName: "s.csv", input: Readable.from([Buffer.from(text)]), mapping: DEFAULT_COLUMNS,
    period: { from: "2026-10-01", to: "2026-11-30" }, packId: "zhejiang-district-2024", now,
  });
}, 60_000);
afterAll(async () => t.close());

const act = (flagId: string, action: unknown, actor = fuyang) =>
  performFlagAction(t.db, { actor, flagId, action: flagActionSchema.parse(action), now, sms, siteUrl: "http://127.0.0.1:3000" });

describe("flag actions", { timeout: 30_000 }, () => {
  it("a visit is due in the pack's working days (浙江: 10, assumed), audited", async () => {
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open" } });
    expect(await act(flag.id, { type: "visit" })).toEqual({ ok: true, state: "visit", visitDue: "2026-12-16" });
    expect(await t.db.auditLog.count({ where: { action: "monitoring.flag.visit", target: flag.id } })).toBe(1);
  });

  it("an invitation goes by SMS where the registry gave a phone, with a link to the prefilled application; the chain says referred", async () => {
    const withPhone = await t.db.person.findMany({ where: { phoneEncrypted: { not: null } }, select: { id: true } });
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open", personId: { in: withPhone.map((p) => p.id) } } });
    const out = await act(flag.id, { type: "invite" });
    expect(out).toEqual({ ok: true, state: "invited", sent: true });
    const sent = await t.db.smsOutbox.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(sent.template).toBe("monitoring-invite.zh-Hans");
    expect(sent.body).toMatch(/http:\/\/127\.0\.0\.1:3000\/zh-Hans\/apply\?from=estimate&policy=zhejiang-district-2024&total=\d+\.\d{2}$/);
    expect(renderSms("monitoring-invite.zh-Hans", { link: "L" })).not.toMatch(/\d/);
    expect(renderSms("monitoring-invite.zh-Hant", { link: "L" })).not.toMatch(/\d/);
    const link = await t.db.helpLink.findUniqueOrThrow({ where: { kind_refId: { kind: "monitoring-flag", refId: flag.id } } });
    expect(link.state).toBe("referred");
  });

  it("the invitation is in the script of the person's account when they have one (Citizen.preferredScript), its link too", async () => {
    const withPhone = await t.db.person.findMany({ where: { phoneEncrypted: { not: null } }, select: { id: true, phoneHash: true, phoneEncrypted: true } });
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open", personId: { in: withPhone.map((p) => p.id) } } });
    const person = withPhone.find((p) => p.id === flag.personId)!;
    await t.db.citizen.create({ data: { phoneHash: person.phoneHash!, phoneEncrypted: person.phoneEncrypted!, preferredScript: "zh-Hant" } });
    expect(await act(flag.id, { type: "invite" })).toEqual({ ok: true, state: "invited", sent: true });
    const sent = await t.db.smsOutbox.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(sent.template).toBe("monitoring-invite.zh-Hant");
    expect(sent.body).toContain("申請醫療救助");
    expect(sent.body).toMatch(/\/zh-Hant\/apply\?from=estimate&policy=zhejiang-district-2024&total=\d+\.\d{2}$/);
  });

  it("without a phone, an invitation becomes a visit", async () => {
    const noPhone = await t.db.person.findMany({ where: { phoneEncrypted: null }, select: { id: true } });
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open", personId: { in: noPhone.map((p) => p.id) } } });
    expect(await act(flag.id, { type: "invite" })).toMatchObject({ ok: true, state: "visit", sent: false });
  });

  it("dismissals need a reason from the list and are counted per rule; a closed flag cannot be acted on", async () => {
    expect(flagActionSchema.safeParse({ type: "dismiss", reason: "because" }).success).toBe(false);
    const flags = await t.db.monitoringFlag.findMany({ where: { state: "open" }, take: 2 });
    await act(flags[0].id, { type: "dismiss", reason: "data-error" });
    await act(flags[1].id, { type: "helped" });
    expect(await act(flags[0].id, { type: "visit" })).toEqual({ ok: false, code: "closed" });
    const counts = await dismissalCounts(t.db, AREA);
    expect(counts).toEqual([{ ruleId: flags[0].ruleId, reason: "data-error", count: 1 }]);
    // What the queue page shows caseworkers: per rule, its flags and the dismissals by reason.
    const byRule = await dismissalsByRule(t.db, fuyang);
    const total = await t.db.monitoringFlag.count({ where: { areaCode: AREA, ruleId: flags[0].ruleId } });
    expect(byRule![0]).toEqual({ packId: "zhejiang-district-2024", ruleId: flags[0].ruleId, flags: total, dismissed: 1, reasons: [{ reason: "data-error", count: 1 }] });
    expect(byRule!.slice(1).every((r) => r.dismissed === 0)).toBe(true);
    expect(await dismissalsByRule(t.db, { id: "admin", role: "admin", areaCode: null })).toBeNull();
    expect(await dismissalsByRule(t.db, shenyang)).toEqual([]);
  });

  it("another area's caseworker cannot act on the flag", async () => {
    const flag = await t.db.monitoringFlag.findFirstOrThrow({ where: { state: "open" } });
    expect(await act(flag.id, { type: "helped" }, shenyang)).toEqual({ ok: false, code: "not-found" });
  });
});
