import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test builds a SQLite file with every migration and encrypts real rows: slow on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { accessRefusal, actorFor, reachOf } from "@/lib/auth/access";
import type { SessionUser } from "@/lib/auth/roles";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { saveDraftSection, setDocumentsToFollow, setSchoolCasePrefill, submitApplication, getOrCreateDraft } from "@/lib/applications/service";
import { sectionPrefill } from "@/lib/applications/prefill";
import { helpChainView } from "@/lib/people/help-chain";
import { areaOverview } from "@/lib/schools/education-overview";
import type { ColumnMapping } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { CHECKLIST, RESPONSIBLE_BODIES } from "@/lib/schools/zhuanban/checklist";
import {
  caseForSchool,
  inviteParent,
  itemUpdateSchema,
  listAreaCases,
  openCase,
  openCaseSchema,
  openInvitation,
  parseInviteQuery,
  updateCaseItem,
} from "@/lib/schools/zhuanban/cases";
import { renderSms } from "@/lib/sms/templates";
import type { SmsMessage, SmsSender } from "@/lib/sms/types";
import { createTestDb, fakeClock, type TestDb } from "@/tests/unit/db/test-db";
import { HEADER, makeIdNumber, makePupilRows } from "@/tests/unit/schools/fixtures";
import hans from "@/locales/zh-Hans/zhuanban.json";
import hant from "@/locales/zh-Hant/zhuanban.json";

class CapturingSender implements SmsSender {
  sent: SmsMessage[] = [];
  async send(message: SmsMessage) {
    this.sent.push(message);
    return { id: `sms-${this.sent.length}` };
  }
}

const SEED = new URL("../../../../shared/seeds/000_0b303ede956130ee.txt", import.meta.url);

describe("the 专班 checklist is data with its clause (沈阳 000 六)", () => {
  it("every item names its responsible body, a clause of 六 and a quote; together they cover the seed's seven bodies", () => {
    expect(CHECKLIST.document.file).toBe("000_0b303ede956130ee.txt");
    for (const item of CHECKLIST.items) {
      expect(item.clause, item.id).toMatch(/^六、[1-6]$/);
      expect(item.quote.length, item.id).toBeGreaterThan(4);
      expect(item.bodies.length, item.id).toBeGreaterThan(0);
    }
    expect(new Set(CHECKLIST.items.flatMap((i) => i.bodies))).toEqual(new Set(RESPONSIBLE_BODIES));
    expect(CHECKLIST.items.map((i) => i.id)).toEqual(["triple-guarantee", "illness-poverty", "temporary-assistance", "education-aid", "emergency-fund", "trade-union", "red-cross", "charity"]);
  });

  it.runIf(fs.existsSync(SEED))("each quote is verbatim in the seed text", () => {
    const text = fs.readFileSync(SEED, "utf8");
    for (const item of CHECKLIST.items) expect(text, item.id).toContain(item.quote);
    expect(text).toContain(CHECKLIST.office.quote);
  });

  it("every item and body has a label in both scripts", () => {
    for (const l of [hans, hant] as { items: Record<string, { label: string; what: string }>; bodies: Record<string, string> }[]) {
      for (const item of CHECKLIST.items) expect(l.items[item.id]?.label && l.items[item.id]?.what, item.id).toBeTruthy();
      for (const body of RESPONSIBLE_BODIES) expect(l.bodies[body], body).toBeTruthy();
    }
  });
});

describe("who reaches a 专班 case (lib/auth/access.ts)", () => {
  const caseRecord = { schoolId: "A", areaCode: "210102", schoolCaseId: "c1" };
  const education = (areaCode: string): SessionUser => ({ kind: "staff", id: "e", role: "education", areaCode });

  it("area education staff: the area's cases and schools, never a pupil row, a class, an application or a person", () => {
    expect(reachOf(actorFor(education("210102")))).toEqual({ scope: "education", areaCode: "210102" });
    const actor = actorFor(education("210102"));
    expect(accessRefusal(actor, caseRecord)).toBeNull();
    expect(accessRefusal(actor, { schoolId: "A", areaCode: "210102" })).toBeNull();
    expect(accessRefusal(actor, { schoolId: "A", areaCode: "210102", classOf: { grade: "一年级", className: "1班" }, pupilId: "p1" })).toBe("wrong-area");
    expect(accessRefusal(actor, { schoolId: "A", areaCode: "210102", pupilId: "p1" })).toBe("wrong-area");
    expect(accessRefusal(actor, { areaCode: "210102", ownerId: "citizen" })).toBe("wrong-area");
    expect(accessRefusal(actor, { areaCode: "210102" })).toBe("wrong-area");
    expect(accessRefusal(actor, { areaCodes: ["210102"] })).toBe("wrong-area");
    expect(accessRefusal(actorFor(education("450223")), caseRecord)).toBe("wrong-area");
    expect(reachOf(actorFor({ kind: "staff", id: "e", role: "education" }))).toEqual({ scope: "none" });
  });

  it("another school's admin never; a class teacher never (the case has no class: health facts stay with whom the parent told)", () => {
    expect(accessRefusal(actorFor({ kind: "staff", id: "a", role: "school_admin", schoolId: "A" }), caseRecord)).toBeNull();
    expect(accessRefusal(actorFor({ kind: "staff", id: "b", role: "school_admin", schoolId: "B" }), caseRecord)).toBe("wrong-school");
    expect(accessRefusal(actorFor({ kind: "staff", id: "t", role: "teacher", schoolId: "A", classOf: { grade: "一年级", className: "1班" } }), caseRecord)).toBe("wrong-class");
  });
});

describe("forms", () => {
  it("consent must be confirmed; sharing the illness needs the illness; an amount only when granted, to the fen", () => {
    const base = { idNumber: makeIdNumber("2019-01-01", 1), giverName: "王某", relation: "mother", method: "paper", givenOn: "2026-12-01", consentConfirmed: "on" };
    expect(openCaseSchema.safeParse(base).success).toBe(true);
    expect(openCaseSchema.safeParse({ ...base, consentConfirmed: "" }).success).toBe(false);
    expect(openCaseSchema.safeParse({ ...base, shareIllness: "on" }).success).toBe(false);
    const wrongCheck = base.idNumber.slice(0, 17) + (base.idNumber[17] === "0" ? "1" : "0");
    expect(openCaseSchema.safeParse({ ...base, idNumber: wrongCheck }).success).toBe(false);
    expect(itemUpdateSchema.parse({ state: "granted", amount: "¥1,200.5" }).amount).toBe("1200.50");
    expect(itemUpdateSchema.safeParse({ state: "referred", amount: "100" }).success).toBe(false);
    expect(itemUpdateSchema.safeParse({ state: "granted", amount: "1.234" }).success).toBe(false);
    expect(parseInviteQuery({ from: "school-case", invite: "abcdefghijklmnopqrstuvwxyz" })).toBe("abcdefghijklmnopqrstuvwxyz");
    expect(parseInviteQuery({ from: "school-case", invite: "<script>" })).toBeNull();
  });
});

describe("a 专班 case from consent to 临时救助 applied (SQLite)", () => {
  let t: TestDb;
  let schoolA: string;
  let schoolB: string;
  const clock = fakeClock("2026-12-03T10:00:00+08:00");
  const MAPPING: ColumnMapping = { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } };
  const rows = makePupilRows(24);
  const pupil = { name: rows[0][0], idNumber: rows[0][1], guardianPhone: rows[0][5] };
  const adminA = () => actorFor({ kind: "staff", id: "admin-a", role: "school_admin", schoolId: schoolA });
  const adminB = () => actorFor({ kind: "staff", id: "admin-b", role: "school_admin", schoolId: schoolB });
  const consent = (shareIllness: boolean) =>
    openCaseSchema.parse({ idNumber: pupil.idNumber, giverName: "王某某", relation: "mother", method: "paper", givenOn: "2026-12-02", consentConfirmed: "on", shareIllness: shareIllness ? "on" : "", illness: "急性淋巴细胞白血病" });

  beforeEach(async () => {
    t = await createTestDb();
    await t.db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
    schoolA = (await t.db.school.create({ data: { code: "A", areaCode: "210102", nameZhHans: "甲小学", nameZhHant: "甲小學" } })).id;
    schoolB = (await t.db.school.create({ data: { code: "B", areaCode: "210102", nameZhHans: "乙小学", nameZhHant: "乙小學" } })).id;
    await commitRosterImport(t.db, { schoolId: schoolA, rows: [HEADER, ...rows], mapping: MAPPING, mode: "full", today: "2026-12-03" }, { actorId: "a", coverYear: 2027, now: clock.now() });
  });
  afterEach(async () => t.close());

  it("opens with consent on the pupil's household chain, one link per item; only its school reaches it; a second open returns it", async () => {
    expect(await openCase(t.db, adminB(), consent(false), clock.now())).toEqual({ ok: false, code: "not-on-roster" });
    const opened = await openCase(t.db, adminA(), consent(false), clock.now());
    expect(opened).toMatchObject({ ok: true, existing: false });
    if (!opened.ok) return;
    expect(await openCase(t.db, adminA(), consent(false), clock.now())).toEqual({ ok: true, caseId: opened.caseId, existing: true });

    const view = await caseForSchool(t.db, adminA(), opened.caseId, clock.now());
    expect(view!.items.map((i) => i.state)).toEqual(CHECKLIST.items.map(() => "not-started"));
    expect(view!.consent).toMatchObject({ method: "paper", relation: "mother", shares: [] });
    expect(view!.pupilNameMasked).not.toBe(pupil.name);
    expect(await caseForSchool(t.db, adminB(), opened.caseId, clock.now())).toBeNull();
    const teacher = actorFor({ kind: "staff", id: "t", role: "teacher", schoolId: schoolA, classOf: { grade: "一年级", className: "1班" } });
    expect(await caseForSchool(t.db, teacher, opened.caseId, clock.now())).toBeNull();

    const c = await t.db.schoolCase.findUniqueOrThrow({ where: { id: opened.caseId } });
    const chain = await helpChainView(t.db, c.chainId);
    expect(chain!.links.map((l) => l.kind)).toEqual(["school-case", "referral", "referral", "referral", "education-aid", "referral", "referral", "referral", "referral"]);
    expect(chain!.links.find((l) => l.kind === "education-aid")).toMatchObject({ provider: "education", state: "not-started" });
    expect(await t.db.auditLog.count({ where: { action: "school.case.open", target: opened.caseId } })).toBe(1);
  });

  it("教育资助 recorded with its amount; every change audited; another school cannot change it", async () => {
    const opened = await openCase(t.db, adminA(), consent(false), clock.now());
    if (!opened.ok) throw new Error("not opened");
    const update = itemUpdateSchema.parse({ state: "granted", amount: "1,500" });
    expect(await updateCaseItem(t.db, adminB(), { caseId: opened.caseId, itemId: "education-aid", update }, clock.now())).toEqual({ ok: false, code: "not-found" });
    expect(await updateCaseItem(t.db, adminA(), { caseId: opened.caseId, itemId: "education-aid", update }, clock.now())).toEqual({ ok: true });
    await updateCaseItem(t.db, adminA(), { caseId: opened.caseId, itemId: "trade-union", update: itemUpdateSchema.parse({ state: "referred" }) }, clock.now());
    const view = await caseForSchool(t.db, adminA(), opened.caseId, clock.now());
    expect(view!.items.find((i) => i.id === "education-aid")).toMatchObject({ state: "granted", amount: "1500.00" });
    expect(view!.items.find((i) => i.id === "trade-union")).toMatchObject({ state: "referred", amount: null });
    const audits = await t.db.auditLog.findMany({ where: { action: "school.case.item", target: opened.caseId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.reason)).toEqual(["education-aid:granted:1500.00", "trade-union:referred"]);
  });

  it("the parent is invited by SMS (no name, no illness), applies through the link, and the case shows 临时救助 applied on the same chain", async () => {
    const opened = await openCase(t.db, adminA(), consent(true), clock.now());
    if (!opened.ok) throw new Error("not opened");
    const sms = new CapturingSender();
    expect(await inviteParent(t.db, adminA(), { caseId: opened.caseId, sms, siteUrl: "https://yizhan.example", lng: "zh-Hans" }, clock.now())).toEqual({ ok: true });
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({ to: pupil.guardianPhone, template: "school-case-invite.zh-Hans" });
    const text = renderSms(sms.sent[0].template, sms.sent[0].params);
    expect(text).not.toContain(pupil.name);
    expect(text).not.toMatch(/病|救助|白血|医疗|¥|元/);
    const token = new URL(sms.sent[0].params.link).searchParams.get("invite")!;
    expect((await caseForSchool(t.db, adminA(), opened.caseId, clock.now()))!.items.find((i) => i.id === "temporary-assistance")!.state).toBe("referred");

    // A forwarded link pre-fills the place only; the guardian's own phone also gets the pupil.
    const stranger = await t.db.citizen.create({ data: { phoneHash: hashPhone("13800000099"), phoneEncrypted: encryptField("13800000099") } });
    expect(await openInvitation(t.db, stranger.id, token, clock.now())).toEqual({ caseId: opened.caseId, areaCode: "210102" });
    const parent = await t.db.citizen.create({ data: { phoneHash: hashPhone(pupil.guardianPhone), phoneEncrypted: encryptField(pupil.guardianPhone) } });
    const prefill = await openInvitation(t.db, parent.id, token, clock.now());
    expect(prefill).toEqual({ caseId: opened.caseId, areaCode: "210102", pupil: { name: pupil.name, idNumber: pupil.idNumber } });

    const ctx = { db: t.db, now: clock.now };
    await setSchoolCasePrefill(ctx, parent.id, prefill!);
    const draft = await getOrCreateDraft(ctx, parent.id);
    expect(sectionPrefill("applicant", draft.data).values).toEqual({ areaCode: "210102" });
    expect(sectionPrefill("patient", draft.data)).toEqual({
      values: { relationship: "child", name: pupil.name, idNumber: pupil.idNumber },
      from: { relationship: "school-case", name: "school-case", idNumber: "school-case" },
    });
    const parentId = makeIdNumber("1988-03-12", 22);
    const sections: [Parameters<typeof saveDraftSection>[2], Record<string, unknown>][] = [
      ["applicant", { name: "王某某", idNumber: parentId, phone: pupil.guardianPhone, areaCode: "210102", address: "沈阳市和平区某路 1 号" }],
      ["patient", { relationship: "child", name: pupil.name, idNumber: pupil.idNumber }],
      ["household", { size: "3", monthlyIncome: "2000", certifications: ["none"] }],
      ["illness", { diagnosis: "急性淋巴细胞白血病", hospital: "盛京医院", totalCost: "80000", reimbursed: "50000" }],
      ["reason", { reliefType: "expense", urgency: "this-week", description: "住院费用超出家庭承受能力" }],
      ["bank", { accountName: "王某某", bankName: "农业银行", account: "6228 4800 0000 0000 000" }],
      ["declarations", { truthful: "on", consentSensitive: "on", consentCheck: "on" }],
    ];
    for (const [section, input] of sections) {
      const r = await saveDraftSection(ctx, parent.id, section, input);
      if (!r.ok) throw new Error(`${section}: ${JSON.stringify(r.errors)}`);
    }
    await setDocumentsToFollow(ctx, parent.id, ["applicant-id", "household-register", "patient-id", "relationship-proof", "diagnosis", "bills"]);
    const submitted = await submitApplication(ctx, parent.id, "zhuanban-submit-key-0001");
    expect(submitted).toMatchObject({ ok: true });
    if (!submitted.ok) return;

    const view = await caseForSchool(t.db, adminA(), opened.caseId, clock.now());
    expect(view!.items.find((i) => i.id === "temporary-assistance")!.state).toBe("applied");
    expect(view!.applicationReference).toBe(submitted.reference);
    const c = await t.db.schoolCase.findUniqueOrThrow({ where: { id: opened.caseId } });
    expect(c.inviteTokenHash).toBeNull();
    const chain = await helpChainView(t.db, c.chainId);
    expect(chain!.links.find((l) => l.kind === "application")).toMatchObject({ refId: submitted.applicationId, state: "applied" });
    expect(chain!.memberIds).toHaveLength(2);
    // The link is used up.
    expect(await openInvitation(t.db, parent.id, token, clock.now())).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: { in: ["school.case.invite", "school.case.invite-opened", "school.case.applied"] }, target: opened.caseId } })).toBe(4);
  });

  it("education staff: the area's cases masked, with the school and states, the illness only when shared; per-school counts without a row", async () => {
    const opened = await openCase(t.db, adminA(), consent(false), clock.now());
    if (!opened.ok) throw new Error("not opened");
    const edu = actorFor({ kind: "staff", id: "edu", role: "education", areaCode: "210102" });
    const [item] = await listAreaCases(t.db, edu, clock.now());
    expect(item).toMatchObject({ id: opened.caseId, classLabel: null, illness: null, schoolName: { "zh-Hans": "甲小学" } });
    expect(JSON.stringify(item)).not.toContain(pupil.name);
    expect(JSON.stringify(item)).not.toContain(pupil.idNumber);
    expect(JSON.stringify(item)).not.toContain("白血病");
    expect(await listAreaCases(t.db, actorFor({ kind: "staff", id: "edu2", role: "education", areaCode: "450223" }), clock.now())).toEqual([]);
    expect(await listAreaCases(t.db, adminA(), clock.now())).toEqual([]);

    const overview = await areaOverview(t.db, edu, "2026-12-03", clock.now());
    expect(overview!.schools.map((s) => [s.name["zh-Hans"], s.counts.total, s.counts.unpaid])).toEqual([
      ["甲小学", 24, 24],
      ["乙小学", 0, 0],
    ]);
    expect(JSON.stringify(overview)).not.toContain(pupil.name);
    expect(await areaOverview(t.db, adminA(), "2026-12-03", clock.now())).toBeNull();
  });

  it("the illness reaches the bureau only when the parent agreed to share it", async () => {
    await openCase(t.db, adminA(), consent(true), clock.now());
    const edu = actorFor({ kind: "staff", id: "edu", role: "education", areaCode: "210102" });
    const [item] = await listAreaCases(t.db, edu, clock.now());
    expect(item.illness).toBe("急性淋巴细胞白血病");
    expect(item.consent.shares).toEqual(["illness-with-bureau"]);
  });
});
