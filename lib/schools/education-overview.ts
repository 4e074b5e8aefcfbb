import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accessRefusal, type Actor } from "@/lib/auth/access";
import type { CalendarDate } from "@/lib/calendar/working-days";
import { recordAudit } from "@/lib/db/audit";
import { countStatuses, isPupilStatus, type ClassCounts, type PupilStatus } from "@/lib/schools/statuses";
import { daysLeft, seasonFor, seasonPhase, type EnrolmentSeason } from "@/lib/schools/season";

/**
 * What area education staff see of their schools: one row of counts per school (参保率, funded,
 * unpaid, waiting) and the season's days left from the area's pack. Counts only: no pupil row, no
 * class, no name ever leaves this function (the query groups in the database). Audited.
 */

export type SchoolAggregate = { schoolId: string; name: { "zh-Hans": string; "zh-Hant": string }; counts: ClassCounts };

export type AreaOverview = {
  areaName: { "zh-Hans": string; "zh-Hant": string };
  season: EnrolmentSeason | null;
  /** Days left in the season when it is open, else null. */
  daysLeft: number | null;
  schools: SchoolAggregate[];
  area: ClassCounts;
};

export async function areaOverview(db: PrismaClient, actor: Actor, today: CalendarDate, now: Date): Promise<AreaOverview | null> {
  if (actor.role !== "education" || !actor.areaCode) return null;
  const area = await db.area.findUnique({ where: { code: actor.areaCode }, select: { code: true, nameZhHans: true, nameZhHant: true, policyPackId: true } });
  if (!area) return null;
  const schools = (await db.school.findMany({ where: { areaCode: area.code }, select: { id: true, nameZhHans: true, nameZhHant: true, areaCode: true }, orderBy: { code: "asc" } })).filter(
    (s) => accessRefusal(actor, { schoolId: s.id, areaCode: s.areaCode }) === null,
  );
  const groups = await db.schoolPupil.groupBy({ by: ["schoolId", "status"], where: { current: true, schoolId: { in: schools.map((s) => s.id) } }, _count: { _all: true } });
  const statusesOf = (schoolId: string): PupilStatus[] =>
    groups.filter((g) => g.schoolId === schoolId).flatMap((g) => Array<PupilStatus>(g._count._all).fill(isPupilStatus(g.status) ? g.status : "unpaid"));
  const rows = schools.map((s) => ({ schoolId: s.id, name: { "zh-Hans": s.nameZhHans, "zh-Hant": s.nameZhHant }, counts: countStatuses(statusesOf(s.id)) }));
  const season = seasonFor(area.policyPackId, today);
  await recordAudit(db, { actorType: "staff", actorId: actor.id, action: "education.overview.view", target: area.code, at: now });
  return {
    areaName: { "zh-Hans": area.nameZhHans, "zh-Hant": area.nameZhHant },
    season,
    daysLeft: season && seasonPhase(season, today) === "open" ? daysLeft(season, today) : null,
    schools: rows,
    area: countStatuses(schools.flatMap((s) => statusesOf(s.id))),
  };
}
