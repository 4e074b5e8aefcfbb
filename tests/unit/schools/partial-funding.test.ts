import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { actorFor } from "@/lib/auth/access";
import { D } from "@/lib/policy/money";
import { getPackDef } from "@/lib/policy/registry";
import { classViewFor } from "@/lib/schools/class-view";
import { importFundingList } from "@/lib/schools/funding";
import { readFundingSheet } from "@/lib/schools/funding-list";
import { amountDue, tierFunding, tierIdFor } from "@/lib/schools/funding-tiers";
import { parentPupilView } from "@/lib/schools/parent-links";
import { listRoster } from "@/lib/schools/pupils";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { applyStatusEvent } from "@/lib/schools/statuses";
import { unpaidByClass } from "@/lib/schools/unpaid";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makeIdNumber, makePupilRows, toCsv } from "@/tests/unit/schools/fixtures";

const REASONS = /特困|低保|孤儿|返贫|监测|tier|dibao|poverty/;

describe("what a 资助参保 tier funds (lib/schools/funding-tiers.ts), hand-computed", () => {
  it("contribution less the funded part, rounded once to the fen, never below zero", () => {
    // 400 × (1 − 0.5) = 200.00
    expect(amountDue(new D("400"), { share: new D("0.5") }).toFixed(2)).toBe("200.00");
    // 400 − 280 = 120.00
    expect(amountDue(new D("400"), { amount: new D("280") }).toFixed(2)).toBe("120.00");
    // 383 × (1 − 0.65) = 134.05 exactly
    expect(amountDue(new D("383"), { share: new D("0.65") }).toFixed(2)).toBe("134.05");
    // 380 × (1 − 0.333) = 253.46 (253.46 exactly: 380 × 0.667)
    expect(amountDue(new D("380"), { share: new D("0.333") }).toFixed(2)).toBe("253.46");
    // 100.01 × (1 − 0.5) = 50.005 → 50.01 (half up, once)
    expect(amountDue(new D("100.01"), { share: new D("0.5") }).toFixed(2)).toBe("50.01");
    // A fixed amount above the contribution funds all of it: 0, not −100.
    expect(amountDue(new D("400"), { amount: new D("500") }).toFixed(2)).toBe("0.00");
    expect(amountDue(new D("400"), { share: new D("1") }).toFixed(2)).toBe("0.00");
  });

  it("沈阳: 特困 / 孤儿 full; 低保 pays 400 − 280 = 120.00; 返贫致贫 / 监测 pays 400 − 200 = 200.00; the 2023 contribution is 380", () => {
    expect(tierFunding("shenyang-2023", "特困供养", 2027)).toEqual({ kind: "full" });
    expect(tierFunding("shenyang-2023", "孤儿", 2027)).toEqual({ kind: "full" });
    expect(tierFunding("shenyang-2023", "低保", 2027)).toEqual({ kind: "partial", due: "120.00", contribution: "400.00" });
    expect(tierFunding("shenyang-2023", " 低保对象 ", 2027)).toEqual({ kind: "partial", due: "120.00", contribution: "400.00" });
    expect(tierFunding("shenyang-2023", "监测对象", 2027)).toEqual({ kind: "partial", due: "200.00", contribution: "400.00" });
    // 2023 cover: 380 − 280 = 100.00
    expect(tierFunding("shenyang-2023", "低保", 2023)).toEqual({ kind: "partial", due: "100.00", contribution: "380.00" });
    expect(tierFunding("shenyang-2023", "VIP", 2027)).toEqual({ kind: "unknown" });
    expect(tierIdFor("shenyang-2023", "最低生活保障")).toBe("dibao");
    // A pack without tiers: every listed pupil is funded in full, as before.
    expect(tierFunding("luzhai-2018", "低保", 2027)).toEqual({ kind: "full" });
  });

  it("the amounts are pack parameters with dates, a source and a reliability; the assumed ones say so", () => {
    const def = getPackDef("shenyang-2023");
    const funding = def.enrolmentFunding!;
    const contribution = def.parameters[funding.personalContribution];
    expect(contribution.values!.map((v) => [v.from, v.value])).toEqual([
      ["2023-01-01", "380"],
      ["2024-01-01", "400"],
    ]);
    for (const tier of funding.tiers) {
      const p = def.parameters[(tier.share ?? tier.amount)!];
      expect(def.sources[p.source], tier.id).toBeDefined();
      if (tier.amount) expect(p.reliability, tier.id).toBe("ASSUMED");
    }
  });

  it("a list row with a tier the area's pack does not know is refused by line, without the word in the problem", () => {
    const id = makeIdNumber("2018-03-04", 1);
    const known = (t: string) => tierIdFor("shenyang-2023", t) !== null;
    const r = readFundingSheet([["身份证号", "资助类别", "有效期起", "有效期止"], [id, "贵宾", "2027-01-01", "2027-12-31"]], "2026-12-03", known);
    expect(r).toEqual({ ok: true, rows: [], problems: [{ line: 2, code: "tier-unknown" }] });
  });

  it("funding-part-listed: a waiting pupil keeps waiting, a funded one waits again, a confirmed payment is a conflict", () => {
    expect(applyStatusEvent("unpaid", { kind: "funding-part-listed" })).toEqual({ ok: true, status: "unpaid", note: null });
    expect(applyStatusEvent("paid-unverified", { kind: "funding-part-listed" })).toEqual({ ok: true, status: "paid-unverified", note: null });
    expect(applyStatusEvent("funded", { kind: "funding-part-listed" })).toEqual({ ok: true, status: "unpaid", note: null });
    expect(applyStatusEvent("enrolled", { kind: "funding-part-listed" })).toEqual({ ok: false, reason: "not-allowed" });
  });
});

describe("a partly funded pupil in the database: the amount, never the reason", () => {
  let t: TestDb;
  let school: string;
  let rows: string[][];
  const clock = fakeClock("2026-12-03T10:00:00+08:00");
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
  const by = { actorId: "case02", now: clock.now(), today: "2026-12-03" };
  const csv = (lines: string[][]) => new TextEncoder().encode(toCsv([["身份证号", "资助类别", "有效期起", "有效期止"], ...lines]));

  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210100", nameZhHans: "沈阳市", nameZhHant: "瀋陽市", policyPackId: "shenyang-2023" } });
    school = (await t.db.school.create({ data: { code: "A", areaCode: "210100", nameZhHans: "甲校", nameZhHant: "甲校" } })).id;
    rows = makePupilRows(16);
    await commitRosterImport(t.db, { schoolId: school, rows: [HEADER, ...rows], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: clock.now() });
  });
  afterEach(async () => t.close());

  it("特困 → 资助参保; 低保 → still 待缴费 with ¥120.00 due; the teacher, the unpaid list and the parent see the amount and no tier", async () => {
    // makePupilRows: pupils 0 and 12 are both in 一年级 1班.
    const result = await importFundingList(t.db, { areaCode: "210100", fileName: "名单.csv", bytes: csv([[rows[0][1], "特困人员", "2027-01-01", "2027-12-31"], [rows[12][1], "低保", "2027-01-01", "2027-12-31"]]) }, by);
    expect(result).toMatchObject({ ok: true, counts: { added: 2, matched: 2, conflicts: 0 } });
    const roster = await listRoster(t.db, school, { withNotes: true });
    const full = roster.find((r) => r.status === "funded")!;
    const part = roster.find((r) => r.amountDue !== null)!;
    expect(full.amountDue).toBeNull();
    expect(part).toMatchObject({ status: "unpaid", amountDue: "120.00" });

    const teacher = actorFor({ kind: "staff", id: "t1", role: "teacher", schoolId: school, classOf: { grade: rows[0][3], className: rows[0][4] } });
    const view = await classViewFor(t.db, teacher);
    expect(view!.rows.find((r) => r.id === part.id)).toMatchObject({ status: "unpaid", amountDue: "120.00" });
    expect(JSON.stringify(view)).not.toMatch(REASONS);
    const parent = await parentPupilView(t.db, { scope: "parent-token", pupilId: part.id }, part.id);
    expect(parent).toMatchObject({ status: "unpaid", amountDue: "120.00" });
    expect(JSON.stringify(parent)).not.toMatch(REASONS);
    const unpaid = await unpaidByClass(t.db, school);
    expect(unpaid.flatMap((c) => c.pupils).find((p) => p.id === part.id)).toMatchObject({ amountDue: "120.00" });
    expect(JSON.stringify(unpaid)).not.toMatch(REASONS);
    // The pupil row itself holds no tier either: only the amount.
    expect(JSON.stringify(await t.db.schoolPupil.findUniqueOrThrow({ where: { id: part.id } }))).not.toMatch(REASONS);

    // The same list again changes nothing; an unknown tier refuses the whole list.
    expect(await importFundingList(t.db, { areaCode: "210100", fileName: "名单.csv", bytes: csv([[rows[12][1], "低保", "2027-01-01", "2027-12-31"]]) }, by)).toMatchObject({ ok: true, counts: { matched: 0 } });
    expect(await importFundingList(t.db, { areaCode: "210100", fileName: "x.csv", bytes: csv([[rows[5][1], "贵宾", "2027-01-01", "2027-12-31"]]) }, by)).toEqual({ ok: false, error: "rows", problems: [{ line: 2, code: "tier-unknown" }] });
  });

  it("a list that moves a pupil from full to partial funding puts them back to 待缴费 with the amount; back to full clears it", async () => {
    await importFundingList(t.db, { areaCode: "210100", fileName: "a.csv", bytes: csv([[rows[1][1], "特困", "2027-01-01", "2027-12-31"]]) }, by);
    await importFundingList(t.db, { areaCode: "210100", fileName: "b.csv", bytes: csv([[rows[1][1], "监测对象", "2027-01-01", "2027-12-31"]]) }, by);
    let pupil = (await listRoster(t.db, school, { withNotes: false })).find((r) => r.idNumberMasked.endsWith(rows[1][1].slice(-1)) && r.amountDue !== null);
    expect(pupil).toMatchObject({ status: "unpaid", amountDue: "200.00" });
    await importFundingList(t.db, { areaCode: "210100", fileName: "c.csv", bytes: csv([[rows[1][1], "特困", "2027-01-01", "2027-12-31"]]) }, by);
    pupil = (await listRoster(t.db, school, { withNotes: false })).find((r) => r.id === pupil!.id);
    expect(pupil).toMatchObject({ status: "funded", amountDue: null });
  });
});
