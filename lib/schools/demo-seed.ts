import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/staff";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashPhone } from "@/lib/crypto/lookup-hash";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { seasonFor } from "@/lib/schools/season";

/**
 * Demo data for the school side (prisma/seed.ts): a roster of 24 fictional pupils (valid-looking ID numbers,
 * 沈阳 region 210102, sequence numbers 9xx), a few statuses already moved, and a class teacher (一年级 1班,
 * phone 13900000009, signs in at /zh-Hans/school/teacher-login with a code from the demo SMS outbox).
 * Idempotent: a school that already has pupils is left as it is.
 */
export const DEMO_TEACHER_PHONE = "13900000009";

const NAMES = "张子涵 李欣怡 王梓萱 刘浩宇 陈雨桐 杨宇轩 赵一诺 黄思远 周嘉怡 吴俊杰 徐子墨 孙诗涵 胡梓豪 朱雨萱 高浩然 林欣妍 何子轩 郭一涵 马思彤 罗宇航 梁欣然 宋子豪 郑雨涵 谢浩轩".split(" ");

export async function seedDemoSchool(db: PrismaClient, school: { id: string; areaCode: string; policyPackId: string }, now = new Date()): Promise<void> {
  if ((await db.schoolPupil.count({ where: { schoolId: school.id } })) > 0) return;
  const rows = NAMES.map((name, i) => {
    const grade = (i % 2) + 1;
    const first17 = `210102${2021 - grade}0${(i % 9) + 1}1${i % 10}9${String(i).padStart(2, "0")}`;
    const idNumber = first17 + idNumberCheckCharacter(first17);
    return [name, idNumber, Number(idNumber[16]) % 2 === 1 ? "男" : "女", grade === 1 ? "一年级" : "二年级", `${(Math.floor(i / 2) % 2) + 1}班`, `1390000${String(1000 + i).slice(-4)}`];
  });
  const today = calendarDateInChina(now);
  const coverYear = seasonFor(school.policyPackId, today)?.coverYear ?? Number(today.slice(0, 4)) + 1;
  await commitRosterImport(
    db,
    { schoolId: school.id, rows: [["姓名", "身份证号", "性别", "年级", "班级", "监护人电话"], ...rows], mapping: { headerRow: 0, columns: { name: 0, idNumber: 1, gender: 2, grade: 3, className: 4, guardianPhone: 5 } }, mode: "full", today },
    { actorId: "seed", coverYear, now },
  );
  // A few statuses already moved, so the dashboard shows every kind; the teacher's class has a funded pupil.
  const pupils = await db.schoolPupil.findMany({ where: { schoolId: school.id }, select: { id: true, grade: true, className: true } });
  const teachersClass = pupils.filter((p) => p.grade === "一年级" && p.className === "1班");
  const others = pupils.filter((p) => !teachersClass.includes(p));
  const set = (id: string, status: string) => db.schoolPupil.update({ where: { id }, data: { status, statusChangedAt: now } });
  await set(teachersClass[0].id, "funded");
  await set(teachersClass[1].id, "paid-unverified");
  for (const p of others.slice(0, 7)) await set(p.id, "enrolled");
  const phoneHash = hashPhone(DEMO_TEACHER_PHONE);
  if (!(await db.staffUser.findUnique({ where: { phoneHash } }))) {
    await db.staffUser.create({
      data: {
        username: "teacher-demo-1",
        // No password anyone knows: teachers sign in with a code (lib/schools/teachers.ts).
        passwordHash: await hashPassword(randomBytes(24).toString("base64")),
        role: "teacher",
        schoolId: school.id,
        phoneHash,
        phoneEncrypted: encryptField(DEMO_TEACHER_PHONE),
        teacherGrade: "一年级",
        teacherClass: "1班",
        displayName: "演示班主任",
      },
    });
  }
}
