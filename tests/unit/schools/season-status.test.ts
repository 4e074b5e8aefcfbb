import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { changePupilStatus, listRoster, schoolDashboard } from "@/lib/schools/pupils";
import { daysLeft, seasonFor, seasonPhase } from "@/lib/schools/season";
import { applyStatusEvent, countStatuses, mayReadStatusNote } from "@/lib/schools/statuses";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makePupilRows } from "@/tests/unit/schools/fixtures";

describe("the 集中参保期 from the policy pack (沈阳: dates assumed, 国办发〔2024〕38号 recalled)", () => {
  it("in the autumn: the running season enrols for next year; days left count to 12-31; the school's list is due 5 working days before", () => {
    const season = seasonFor("shenyang-2023", "2026-12-03")!;
    expect(season).toMatchObject({ coverYear: 2027, opens: "2026-09-01", closes: "2026-12-31", latePaymentUntil: "2027-02-28", waitingFixedMonths: 3, waitingMonthsPerLapsedYear: 1, rewardAfterContinuousYears: 4, rewardCriticalCapRise: "1000" });
    // 12-31 Thu; back five working days: 12-30, 29, 28, 25, 24 (weekend 26–27 skipped).
    expect(season.schoolListDue).toBe("2026-12-24");
    expect(daysLeft(season, "2026-12-03")).toBe(28);
    expect(seasonPhase(season, "2026-12-03")).toBe("open");
  });

  it("in January and February last autumn's season is in late payment; in the summer the next season is 'before'", () => {
    const january = seasonFor("shenyang-2023", "2027-01-15")!;
    expect(january).toMatchObject({ coverYear: 2027, closes: "2026-12-31" });
    expect(seasonPhase(january, "2027-01-15")).toBe("late-payment");
    expect(daysLeft(january, "2027-01-15")).toBe(-15);
    const summer = seasonFor("shenyang-2023", "2027-06-01")!;
    expect(summer).toMatchObject({ coverYear: 2028, opens: "2027-09-01" });
    expect(seasonPhase(summer, "2027-06-01")).toBe("before");
  });

  it("a pack without a season (鹿寨) gives none", () => {
    expect(seasonFor("luzhai-2018", "2026-12-03")).toBeNull();
  });
});

describe("pupil statuses", () => {
  it.each([
    ["unpaid", { kind: "receipt-uploaded" }, "paid-unverified"],
    ["paid-unverified", { kind: "verified" }, "enrolled"],
    ["paid-unverified", { kind: "funding-listed" }, "funded"],
    ["unpaid", { kind: "return-file-paid" }, "enrolled"],
    ["unpaid", { kind: "not-enrolling", reason: "随父母在外地就读" }, "not-enrolling"],
  ] as const)("%s + %o → %s", (from, event, to) => {
    expect(applyStatusEvent(from, event)).toMatchObject({ ok: true, status: to });
  });

  it("refuses what makes no sense: a receipt for a funded pupil, 不参保 without a reason, funding over a confirmed payment", () => {
    expect(applyStatusEvent("funded", { kind: "receipt-uploaded" })).toEqual({ ok: false, reason: "not-allowed" });
    expect(applyStatusEvent("unpaid", { kind: "not-enrolling", reason: "  " })).toEqual({ ok: false, reason: "note-required" });
    expect(applyStatusEvent("enrolled", { kind: "funding-listed" })).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("参保率 counts confirmed, funded and elsewhere; rounds down so one missing pupil never shows 100%", () => {
    const statuses = [...Array(199).fill("enrolled"), "unpaid"] as const;
    expect(countStatuses([...statuses]).rate).toBe(99);
    expect(countStatuses(["enrolled", "funded", "enrolled-elsewhere", "paid-unverified", "not-enrolling"])).toMatchObject({ total: 5, rate: 60, waiting: 1, notEnrolling: 1 });
  });

  it("only the school admin reads a 不参保 reason; nobody at all reads why a pupil is funded", () => {
    expect(mayReadStatusNote("school-admin", "not-enrolling")).toBe(true);
    expect(mayReadStatusNote("teacher", "not-enrolling")).toBe(false);
    expect(mayReadStatusNote("parent", "not-enrolling")).toBe(false);
    expect(mayReadStatusNote("school-admin", "funded")).toBe(false);
  });
});

describe("status changes on the roster (SQLite)", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolB: string;
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
  const NOW = new Date("2026-12-03T10:00:00+08:00");
  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲", nameZhHant: "甲" } })).id;
    schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙", nameZhHant: "乙" } })).id;
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...makePupilRows(12)], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: NOW });
  });
  afterEach(async () => t.close());

  it("moves a status with an audit entry, keeps the reason encrypted, shows it to the admin only, and never reaches another school's pupil", async () => {
    const [first, second] = await listRoster(t.db, schoolA, { withNotes: true });
    expect(first.nameMasked).toMatch(/\*/);
    expect(first.idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    const ctx = { actorType: "staff" as const, actorId: "admin-a", now: NOW };
    expect(await changePupilStatus(t.db, { schoolId: schoolA, pupilId: first.id, event: { kind: "receipt-uploaded" } }, ctx)).toEqual({ ok: true, status: "paid-unverified" });
    expect(await changePupilStatus(t.db, { schoolId: schoolA, pupilId: second.id, event: { kind: "not-enrolling", reason: "已在户籍地参保" } }, ctx)).toEqual({ ok: true, status: "not-enrolling" });
    expect(await changePupilStatus(t.db, { schoolId: schoolB, pupilId: first.id, event: { kind: "verified" } }, ctx)).toEqual({ ok: false, reason: "not-found" });
    const stored = await t.db.schoolPupil.findUniqueOrThrow({ where: { id: second.id } });
    expect(stored.statusNoteEncrypted).not.toContain("户籍");
    const admin = await listRoster(t.db, schoolA, { withNotes: true });
    expect(admin.find((r) => r.id === second.id)?.note).toBe("已在户籍地参保");
    const teacher = await listRoster(t.db, schoolA, { withNotes: false });
    expect(teacher.find((r) => r.id === second.id)?.note).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "school.pupil.status" } })).toBe(2);

    const dashboard = await schoolDashboard(t.db, schoolA);
    expect(dashboard.school).toMatchObject({ total: 12, waiting: 1, notEnrolling: 1, unpaid: 10 });
    expect(dashboard.classes.map((c) => `${c.grade} ${c.className}`)[0]).toBe("一年级 1班");
  });
});
