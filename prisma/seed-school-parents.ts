import type { PrismaClient } from "@/lib/generated/prisma/client";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { importFundingList } from "@/lib/schools/funding";
import { hashParentToken, parentLinkExpiry, parentLinkPath } from "@/lib/schools/parent-links";
import { seasonFor } from "@/lib/schools/season";

/**
 * The demo school's 资助参保 list and a parent's link (README): case02 (沈阳's caseworker) has imported a list
 * with two of the school's pupils (one in the demo teacher's class 一年级 1班); one unpaid pupil of that
 * class has a fixed link, /zh-Hans/school/p/demo-parent-link-yinian1, so the demo can be opened without
 * printing the QR sheet. Idempotent: the list is imported once, the link is rewritten with the season's end.
 */
export const DEMO_PARENT_TOKEN = "demo-parent-link-yinian1";

export async function seedSchoolParents(db: PrismaClient, schoolCode: string, now: Date = new Date()): Promise<{ parentPath: string | null; funded: number }> {
  const school = await db.school.findUniqueOrThrow({ where: { code: schoolCode }, select: { id: true, areaCode: true, area: { select: { policyPackId: true } } } });
  const pupils = await db.schoolPupil.findMany({
    where: { schoolId: school.id, current: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, grade: true, className: true, status: true, person: { select: { idNumberEncrypted: true } } },
  });
  const today = calendarDateInChina(now);
  const season = seasonFor(school.area.policyPackId, today);
  if (!season || pupils.length === 0) return { parentPath: null, funded: 0 };
  const teachersClass = pupils.filter((p) => p.grade === "一年级" && p.className === "1班");
  const caseworker = await db.staffUser.findUnique({ where: { username: "case02" }, select: { id: true } });
  if (caseworker && (await db.schoolFundingEntry.count({ where: { areaCode: school.areaCode } })) === 0) {
    const listed = [teachersClass.find((p) => p.status === "funded") ?? teachersClass[0], pupils.find((p) => p.grade === "二年级" && p.status === "unpaid")].filter((p) => p !== undefined);
    const csv = [
      "身份证号,资助类别,有效期起,有效期止",
      ...listed.map((p, i) => `${decryptField(p.person.idNumberEncrypted!)},${i === 0 ? "特困供养" : "低保"},${season.coverYear}-01-01,${season.coverYear}-12-31`),
    ].join("\r\n");
    await importFundingList(db, { areaCode: school.areaCode, fileName: "资助参保名单（演示）.csv", bytes: new TextEncoder().encode(csv) }, { actorId: caseworker.id, now, today });
  }
  const linked = teachersClass.find((p) => p.status === "unpaid");
  if (!linked) return { parentPath: null, funded: await db.schoolPupil.count({ where: { schoolId: school.id, status: "funded" } }) };
  const data = { tokenHash: hashParentToken(DEMO_PARENT_TOKEN), tokenEncrypted: encryptField(DEMO_PARENT_TOKEN), expiresAt: parentLinkExpiry(season), createdAt: now };
  // The fixed token may sit on another pupil after a re-seed of a changed roster: free it first.
  await db.schoolParentLink.deleteMany({ where: { tokenHash: data.tokenHash, NOT: { pupilId: linked.id } } });
  await db.schoolParentLink.upsert({ where: { pupilId: linked.id }, create: { pupilId: linked.id, ...data }, update: data });
  return { parentPath: parentLinkPath("zh-Hans", DEMO_PARENT_TOKEN), funded: await db.schoolPupil.count({ where: { schoolId: school.id, status: "funded" } }) };
}
