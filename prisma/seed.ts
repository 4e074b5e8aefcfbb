/**
 * Demo data: areas, a school, staff accounts, citizens and applications.
 * Every identity is fake. Idempotent: each row is upserted by a natural key or
 * a fixed id, so running it again restores the demo state without duplicates.
 *
 * Run with `npm run db:seed` (prisma db seed → tsx prisma/seed.ts).
 */
import { formatReference } from "@/lib/applications/reference";
import { isDemoMode, isProduction } from "@/lib/config/env";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { createPrismaClient } from "@/lib/db/client";
import { backfillApplicantPersons } from "@/lib/people/backfill";
import { seedDesk } from "@/prisma/seed-desk";
import { seedFamilyViewer } from "@/prisma/seed-family";
import type { StaffRole } from "@/lib/generated/prisma/client";
import type { DraftData } from "@/lib/applications/draft-schema";
import { currentDeadline, procedureTimings } from "@/lib/applications/procedure";
import { applicantNameColumns, encryptData, eventRow } from "@/lib/applications/service";
import { type Actor, type ApplicationAction, type ApplicationEvent, applyAction, newApplication } from "@/lib/applications/state-machine";
import { toDbStatus } from "@/lib/applications/status";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import { hashPassword } from "@/lib/auth/staff";
import { seedDemoSchool } from "@/lib/schools/demo-seed";
import { seedSchoolParents } from "@/prisma/seed-school-parents";
import { hashTrackingCode } from "@/lib/desk/tracking-code";
import { seedMonitoring } from "@/prisma/seed-monitoring";
import { seedZhuanban } from "@/prisma/seed-zhuanban";

/** The password of every demo staff account (README.md, docs/database.md). */
const DEMO_PASSWORD = "demo-password";

const AREAS = [
  { code: "450223", nameZhHans: "鹿寨县", nameZhHant: "鹿寨縣", policyPackId: "luzhai-2018" },
  { code: "330111", nameZhHans: "杭州市富阳区", nameZhHant: "杭州市富陽區", policyPackId: "zhejiang-district-2024" },
  { code: "650100", nameZhHans: "乌鲁木齐市", nameZhHant: "烏魯木齊市", policyPackId: "urumqi-2023" },
  { code: "210100", nameZhHans: "沈阳市", nameZhHant: "瀋陽市", policyPackId: "shenyang-2023" },
];

const SCHOOL = {
  code: "DEMO-210100-001",
  areaCode: "210100",
  nameZhHans: "沈阳市示例第一小学",
  nameZhHant: "瀋陽市示例第一小學",
};

/** The help desk (窗口) desk01 sits at: its name, address and phone are printed on the applicant's paper. */
const HELP_DESK = {
  code: "DESK-450223-01",
  areaCode: "450223",
  nameZhHans: "鹿寨县鹿寨镇社会救助综合窗口（演示）",
  nameZhHant: "鹿寨縣鹿寨鎮社會救助綜合窗口（演示）",
  addressZhHans: "鹿寨镇演示路 1 号便民服务中心 3 号窗口（虚构）",
  addressZhHant: "鹿寨鎮演示路 1 號便民服務中心 3 號窗口（虛構）",
  phone: "0772-0000000",
};

const STAFF: { username: string; role: StaffRole; areaCode?: string; school?: true; helpDesk?: true; displayName: string }[] = [
  { username: "desk01", role: "desk", areaCode: "450223", helpDesk: true, displayName: "演示窗口人员" },
  { username: "case01", role: "caseworker", areaCode: "450223", helpDesk: true, displayName: "演示经办人甲" },
  { username: "case02", role: "caseworker", areaCode: "210100", displayName: "演示经办人乙" },
  { username: "desk02", role: "desk", areaCode: "210100", displayName: "演示窗口人员乙" },
  { username: "approver01", role: "approver", areaCode: "450223", displayName: "演示审批人" },
  { username: "approver02", role: "approver", areaCode: "210100", displayName: "演示审批人乙" },
  { username: "school01", role: "school_admin", school: true, displayName: "演示学校管理员" },
  { username: "admin01", role: "admin", displayName: "演示系统管理员" },
];

const CITIZENS = [
  { phone: "13800000001", displayName: "演示用户甲" },
  { phone: "13800000002", displayName: "演示用户乙" },
  { phone: "13800000003", displayName: "演示用户丙" },
];

type SeedStep = { action: ApplicationAction; by: string; at: string };

/** A fake but well-formed 居民身份证 number (valid check digit) for demo data only. */
function demoIdNumber(first17: string): string {
  return first17 + idNumberCheckCharacter(first17);
}

// Each demo application is replayed through the state machine, so its stored state, timeline
// events and deadlines are exactly what the app itself would have written.
// Sequences follow submission dates; LZ 000001 is left out (its check character is "*", awkward to type in a demo).
const APPLICATIONS: {
  areaCode: string;
  sequence: number;
  phone: string;
  reliefType: "urgent" | "expense";
  submittedAt: string;
  steps: SeedStep[];
  /** A demo tracking code (README): with the reference it shows the status on /track. Stored hashed like any other. */
  trackingCode?: string;
  /** Documents the applicant said would follow (进度 lists them until handed in). */
  toFollow?: string[];
}[] = [
  { areaCode: "450223", sequence: 5, phone: "13800000001", reliefType: "expense", submittedAt: "2026-11-16T08:40:00+08:00", steps: [
    { action: { type: "accept" }, by: "desk01", at: "2026-11-16T09:12:00+08:00" },
  ] },
  { areaCode: "450223", sequence: 3, phone: "13800000002", reliefType: "expense", submittedAt: "2026-11-03T10:05:00+08:00", toFollow: ["household-register"], steps: [
    { action: { type: "accept" }, by: "desk01", at: "2026-11-03T15:00:00+08:00" },
    { action: { type: "record-check", kind: "economic-check", note: "家庭经济状况核对已发起" }, by: "case01", at: "2026-11-05T15:30:00+08:00" },
  ] },
  { areaCode: "450223", sequence: 2, phone: "13800000001", reliefType: "expense", submittedAt: "2026-10-20T08:45:00+08:00", steps: [
    { action: { type: "accept" }, by: "desk01", at: "2026-10-20T10:00:00+08:00" },
    { action: { type: "record-check", kind: "home-visit", note: "入户调查：情况属实" }, by: "case01", at: "2026-10-22T11:00:00+08:00" },
    { action: { type: "propose-amount", amount: "3000", reason: "住院自付费用较高，按 5 个月低保标准拟救助" }, by: "case01", at: "2026-11-17T16:00:00+08:00" },
    { action: { type: "start-publicity", days: 3, dayUnit: "working" }, by: "case01", at: "2026-11-18T09:00:00+08:00" },
  ] },
  { areaCode: "210100", sequence: 1, phone: "13800000003", reliefType: "expense", submittedAt: "2026-09-01T09:30:00+08:00", steps: [
    { action: { type: "accept" }, by: "case02", at: "2026-09-01T10:00:00+08:00" },
    { action: { type: "record-check", kind: "economic-check", note: "核对通过" }, by: "case02", at: "2026-09-03T14:00:00+08:00" },
    { action: { type: "propose-amount", amount: "3965", reason: "5 个月低保标准" }, by: "case02", at: "2026-09-09T10:00:00+08:00" },
    { action: { type: "start-publicity", days: 5, dayUnit: "working" }, by: "case02", at: "2026-09-10T09:00:00+08:00" },
    { action: { type: "end-publicity" }, by: "case02", at: "2026-09-18T10:00:00+08:00" },
    { action: { type: "approve", amount: "3965" }, by: "approver02", at: "2026-09-21T10:00:00+08:00" },
    { action: { type: "pay", paidOn: "2026-09-25" }, by: "case02", at: "2026-09-25T16:20:00+08:00" },
  ] },
  { areaCode: "450223", sequence: 4, phone: "13800000002", reliefType: "expense", submittedAt: "2026-11-10T08:30:00+08:00", trackingCode: "20261110", steps: [
    { action: { type: "accept" }, by: "desk01", at: "2026-11-10T09:00:00+08:00" },
    { action: { type: "record-check", kind: "economic-check", note: "核对中" }, by: "case01", at: "2026-11-12T10:30:00+08:00" },
    { action: { type: "request-correction", documents: ["bills"], dueOn: "2026-11-27", note: "请补充住院费用明细清单" }, by: "case01", at: "2026-11-13T16:00:00+08:00" },
  ] },
];

function demoData(person: { phone: string; displayName: string }, areaCode: string, reliefType: "urgent" | "expense", index: number, toFollow: string[] = []): DraftData {
  return {
    applicant: { name: person.displayName, idNumber: demoIdNumber(`45022319800101${String(100 + index).slice(-3)}`), phone: person.phone, areaCode, address: "演示地址（虚构）" },
    patient: { relationship: "self", name: "", idNumber: "" },
    household: { size: 3, monthlyIncome: "1800.00", certifications: ["none"] },
    illness: { diagnosis: "演示诊断（虚构）", hospital: "演示医院", totalCost: "48000.00", reimbursed: "30000.00", ongoingMonthly: "", estimatePolicy: "" },
    reason: { reliefType, urgency: "this-month", description: "演示申请（虚构）" },
    bank: { accountName: person.displayName, bankName: "演示银行", account: "6222020000000000000" },
    declarations: { truthful: true, consentSensitive: true, consentCheck: true },
    documentsToFollow: toFollow,
  };
}

async function main() {
  if (isProduction() && !isDemoMode()) {
    throw new Error(
      "Refusing to seed demo accounts (public password) into a production database. Set YIZHAN_DEMO=1 for a demo deployment.",
    );
  }
  const db = createPrismaClient();
  const started = Date.now();
  try {
    for (const area of AREAS) {
      await db.area.upsert({ where: { code: area.code }, create: area, update: area });
    }

    const school = await db.school.upsert({ where: { code: SCHOOL.code }, create: SCHOOL, update: SCHOOL });
    await seedDemoSchool(db, { id: school.id, areaCode: school.areaCode, policyPackId: AREAS.find((a) => a.code === school.areaCode)!.policyPackId });
    const helpDesk = await db.helpDesk.upsert({ where: { code: HELP_DESK.code }, create: HELP_DESK, update: HELP_DESK });

    // The cost every account has (BCRYPT_COST): a cheaper demo hash would tell an attacker which names exist.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of STAFF) {
      const data = {
        role: person.role,
        areaCode: person.areaCode ?? null,
        schoolId: person.school ? school.id : null,
        helpDeskId: person.helpDesk ? helpDesk.id : null,
        displayName: person.displayName,
        passwordHash,
        active: true,
      };
      await db.staffUser.upsert({ where: { username: person.username }, create: { username: person.username, ...data }, update: data });
    }

    const citizenIds = new Map<string, string>();
    for (const person of CITIZENS) {
      const phoneHash = hashPhone(person.phone);
      const citizen = await db.citizen.upsert({
        where: { phoneHash },
        create: { phoneHash, phoneEncrypted: encryptField(person.phone), displayName: person.displayName },
        update: { displayName: person.displayName },
      });
      citizenIds.set(person.phone, citizen.id);
    }

    const staffIds = new Map((await db.staffUser.findMany({ select: { id: true, username: true, role: true, areaCode: true } })).map((u) => [u.username, u]));
    for (const [index, app] of APPLICATIONS.entries()) {
      const reference = formatReference({ areaCode: app.areaCode, year: 2026, sequence: app.sequence });
      const citizenId = citizenIds.get(app.phone)!;
      const person = CITIZENS.find((c) => c.phone === app.phone)!;
      const submittedAt = new Date(app.submittedAt);
      let state = newApplication({ applicantId: citizenId, areaCode: app.areaCode, reliefType: app.reliefType });
      const events: ApplicationEvent[] = [];
      const moves: { action: ApplicationAction; actor: Actor; at: Date }[] = [
        { action: { type: "submit" }, actor: { id: citizenId, role: "citizen" }, at: submittedAt },
        ...app.steps.map((step) => {
          const staff = staffIds.get(step.by)!;
          return { action: step.action, actor: { id: staff.id, role: staff.role as Exclude<Actor["role"], "citizen">, areaCode: staff.areaCode } as Actor, at: new Date(step.at) };
        }),
      ];
      for (const move of moves) {
        const result = applyAction(state, move.action, move.actor, move.at);
        if (!result.ok) throw new Error(`[seed] ${reference}: ${move.action.type} refused (${result.code})`);
        state = result.state;
        events.push(result.event);
      }
      const area = AREAS.find((a) => a.code === app.areaCode)!;
      const due = currentDeadline(state, procedureTimings(area.policyPackId));
      const data = {
        kind: "temporary-relief",
        status: toDbStatus(state.status),
        areaCode: app.areaCode,
        citizenId,
        draftOwnerId: null,
        reliefType: app.reliefType,
        urgency: "this-month",
        ...applicantNameColumns(person.displayName),
        dataEncrypted: encryptData(demoData(person, app.areaCode, app.reliefType, index, app.toFollow)),
        stateJson: JSON.stringify(state),
        submittedAt,
        currentDueOn: due?.date ?? null,
        currentDueProvisional: due?.provisional ?? false,
        trackingCodeHash: app.trackingCode ? hashTrackingCode(reference, app.trackingCode) : null,
        createdAt: submittedAt,
      };
      const application = await db.application.upsert({ where: { reference }, create: { reference, ...data }, update: data });
      for (const [i, event] of events.entries()) {
        const id = `seed-${reference}-${i + 1}`;
        const row = eventRow(application.id, event);
        await db.applicationEvent.upsert({ where: { id }, create: { id, ...row }, update: row });
      }
      // Events from an older seed beyond the replayed ones would contradict the state.
      await db.applicationEvent.deleteMany({ where: { applicationId: application.id, id: { startsWith: "seed-" }, NOT: { id: { in: events.map((_, i) => `seed-${reference}-${i + 1}`) } } } });
    }
    // New references continue after the demo ones (never lower a counter the app has moved on).
    for (const [prefix, last] of [["LZ", 5], ["SY", 1]] as const) {
      const counter = await db.referenceCounter.findUnique({ where: { prefix_year: { prefix, year: 2026 } } });
      if (!counter || counter.last < last) {
        await db.referenceCounter.upsert({ where: { prefix_year: { prefix, year: 2026 } }, create: { prefix, year: 2026, last }, update: { last } });
      }
    }

    // Applicants as persons of their area, on their household's help chain (as submit does).
    await backfillApplicantPersons(db);
    // Each area of the product adds its demo data as its own module (prisma/seed-<area>.ts), called here.
    const desk = await seedDesk(db);
    console.log(`[seed] 窗口帮办: 韦阿婆 (no phone) submitted at desk01's window, ${desk.reference}, tracking code 2026 1201`);
    await seedFamilyViewer(db);
    const monitoring = await seedMonitoring(db, passwordHash);
    console.log(`[seed] 政策找人: 富阳区 case03 / approver03, ${monitoring.flags} flags in the queue, ${monitoring.proposed} 兜底 proposed`);
    const zhuanban = await seedZhuanban(db, passwordHash);
    console.log(`[seed] 专班: edu01 (沈阳市 education staff), ${zhuanban.caseId ? "one case" : "no case"} in the demo school`);

    const parents = await seedSchoolParents(db, SCHOOL.code);
    console.log(`[seed] 学校: ${parents.funded} pupils 资助参保 (case02's list); a parent's link ${parents.parentPath ?? "(none: no season)"}`);

    const counts = {
      areas: await db.area.count(),
      schools: await db.school.count(),
      staff: await db.staffUser.count(),
      citizens: await db.citizen.count(),
      applications: await db.application.count(),
    };
    console.log(`[seed] demo data ready in ${Date.now() - started} ms:`, counts);
    console.log(`[seed] staff accounts ${STAFF.map((s) => s.username).join(", ")}; password "${DEMO_PASSWORD}"`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("[seed] failed:", error);
  process.exitCode = 1;
});
