/**
 * 专班 demo data (沈阳 000 六): the area education account edu01 (沈阳市, the 专班 office) and one case in the
 * demo school, opened by school01 with a paper consent, 教育资助 recorded and 三重保障 referred. The parent is
 * not invited here (the e2e spec and a demo do it). Idempotent: a pupil with an open case keeps it.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorFor } from "@/lib/auth/access";
import { toStaffSession } from "@/lib/auth/staff";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";
import { itemUpdateSchema, openCase, openCaseSchema, updateCaseItem } from "@/lib/schools/zhuanban/cases";

export const EDUCATION_STAFF = { username: "edu01", role: "education" as const, areaCode: "210100", displayName: "演示教育局专班" };

/** The demo roster's third pupil (lib/schools/demo-seed.ts, 一年级 2班): the e2e spec opens cases for others. */
const DEMO_CASE_PUPIL_ID = "21010220200312902" + idNumberCheckCharacter("21010220200312902");

export async function seedZhuanban(db: PrismaClient, passwordHash: string): Promise<{ caseId: string | null }> {
  const { username, ...rest } = EDUCATION_STAFF;
  const data = { ...rest, schoolId: null, passwordHash, active: true };
  await db.staffUser.upsert({ where: { username }, create: { username, ...data }, update: data });

  const admin = await db.staffUser.findUnique({ where: { username: "school01" } });
  if (!admin) return { caseId: null };
  const actor = actorFor(toStaffSession(admin));
  const now = new Date("2026-11-20T10:00:00+08:00");
  const consent = openCaseSchema.parse({
    idNumber: DEMO_CASE_PUPIL_ID,
    giverName: "演示家长（虚构）",
    relation: "mother",
    method: "paper",
    givenOn: "2026-11-19",
    consentConfirmed: "on",
    shareIllness: "",
    illness: "演示病情（虚构）",
  });
  const opened = await openCase(db, actor, consent, now);
  if (!opened.ok) return { caseId: null };
  if (!opened.existing) {
    await updateCaseItem(db, actor, { caseId: opened.caseId, itemId: "triple-guarantee", update: itemUpdateSchema.parse({ state: "referred" }) }, now);
    await updateCaseItem(db, actor, { caseId: opened.caseId, itemId: "education-aid", update: itemUpdateSchema.parse({ state: "granted", amount: "800" }) }, now);
  }
  return { caseId: opened.caseId };
}
