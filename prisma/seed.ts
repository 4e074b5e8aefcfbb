/**
 * Demo data: areas, a school, staff accounts, citizens and applications.
 * Every identity is fake. Idempotent: each row is upserted by a natural key or
 * a fixed id, so running it again restores the demo state without duplicates.
 *
 * Run with `npm run db:seed` (prisma db seed → tsx prisma/seed.ts).
 */
import { formatReference } from "../lib/applications/reference";
import { isDemoMode, isProduction } from "../lib/config/env";
import { encryptField } from "../lib/crypto/field-encryption";
import { hashPhone } from "../lib/crypto/lookup-hash";
import { createPrismaClient } from "../lib/db/client";
import type { ApplicationStatus, StaffRole } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/staff";

/** The password of every demo staff account (README.md, docs/database.md). */
const DEMO_PASSWORD = "demo-password";
// Demo accounts only: a low bcrypt cost keeps seeding fast; real accounts use BCRYPT_COST.
const DEMO_BCRYPT_COST = 10;

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

const STAFF: { username: string; role: StaffRole; areaCode?: string; school?: true; displayName: string }[] = [
  { username: "desk01", role: "desk", areaCode: "450223", displayName: "演示窗口人员" },
  { username: "case01", role: "caseworker", areaCode: "450223", displayName: "演示经办人甲" },
  { username: "case02", role: "caseworker", areaCode: "210100", displayName: "演示经办人乙" },
  { username: "approver01", role: "approver", areaCode: "450223", displayName: "演示审批人" },
  { username: "school01", role: "school_admin", school: true, displayName: "演示学校管理员" },
  { username: "admin01", role: "admin", displayName: "演示系统管理员" },
];

const CITIZENS = [
  { phone: "13800000001", displayName: "演示用户甲" },
  { phone: "13800000002", displayName: "演示用户乙" },
  { phone: "13800000003", displayName: "演示用户丙" },
];

type Step = { status: ApplicationStatus; at: string; note?: string };

// Sequences follow submission dates; LZ 000001 is left out (its check character is "*", awkward to type in a demo).
const APPLICATIONS: { areaCode: string; sequence: number; phone: string; status: ApplicationStatus; steps: Step[] }[] = [
  {
    areaCode: "450223",
    sequence: 5,
    phone: "13800000001",
    status: "received",
    steps: [{ status: "received", at: "2026-11-16T09:12:00+08:00", note: "窗口受理" }],
  },
  {
    areaCode: "450223",
    sequence: 3,
    phone: "13800000002",
    status: "reviewing",
    steps: [
      { status: "received", at: "2026-11-03T10:05:00+08:00", note: "网上申请" },
      { status: "reviewing", at: "2026-11-05T15:30:00+08:00", note: "经办人审核中" },
    ],
  },
  {
    areaCode: "450223",
    sequence: 2,
    phone: "13800000001",
    status: "publicity",
    steps: [
      { status: "received", at: "2026-10-20T08:45:00+08:00" },
      { status: "reviewing", at: "2026-10-22T11:00:00+08:00" },
      { status: "publicity", at: "2026-11-18T09:00:00+08:00", note: "村（社区）公示 5 个工作日" },
    ],
  },
  {
    areaCode: "210100",
    sequence: 1,
    phone: "13800000003",
    status: "paid",
    steps: [
      { status: "received", at: "2026-09-01T09:30:00+08:00" },
      { status: "reviewing", at: "2026-09-03T14:00:00+08:00" },
      { status: "publicity", at: "2026-09-10T09:00:00+08:00" },
      { status: "approving", at: "2026-09-18T10:00:00+08:00" },
      { status: "paid", at: "2026-09-25T16:20:00+08:00", note: "救助金已发放至社保卡" },
    ],
  },
  {
    areaCode: "450223",
    sequence: 4,
    phone: "13800000002",
    status: "correction",
    steps: [
      { status: "received", at: "2026-11-10T09:00:00+08:00" },
      { status: "reviewing", at: "2026-11-12T10:30:00+08:00" },
      { status: "correction", at: "2026-11-13T16:00:00+08:00", note: "请补充住院费用明细清单" },
    ],
  },
];

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

    const passwordHash = await hashPassword(DEMO_PASSWORD, DEMO_BCRYPT_COST);
    for (const person of STAFF) {
      const data = {
        role: person.role,
        areaCode: person.areaCode ?? null,
        schoolId: person.school ? school.id : null,
        displayName: person.displayName,
        passwordHash,
        active: true,
        failedLogins: 0,
        lockedUntil: null,
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

    for (const app of APPLICATIONS) {
      const reference = formatReference({ areaCode: app.areaCode, year: 2026, sequence: app.sequence });
      const citizenId = citizenIds.get(app.phone)!;
      const applicantName = CITIZENS.find((c) => c.phone === app.phone)!.displayName;
      const submittedAt = new Date(app.steps[0].at);
      const data = {
        kind: "temporary-relief",
        status: app.status,
        areaCode: app.areaCode,
        citizenId,
        applicantName,
        submittedAt,
        createdAt: submittedAt,
      };
      const application = await db.application.upsert({ where: { reference }, create: { reference, ...data }, update: data });
      for (const [index, step] of app.steps.entries()) {
        const id = `seed-${reference}-${index + 1}`;
        const event = { applicationId: application.id, status: step.status, at: new Date(step.at), note: step.note ?? null };
        await db.applicationEvent.upsert({ where: { id }, create: { id, ...event }, update: event });
      }
    }

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
