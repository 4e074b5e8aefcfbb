import { reachOf, type Actor } from "@/lib/auth/access";
import { calendarDateInChina, type CalendarDate } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";
import { getDb, type Db } from "@/lib/db/client";

/**
 * What a school page or route needs: the school the actor reaches (lib/auth/access.ts decides; a
 * school admin reaches exactly one), the database and the request's date in China.
 */
export type SchoolContext = { db: Db; schoolId: string; areaCode: string; policyPackId: string; now: Date; today: CalendarDate };

export async function schoolContextFor(actor: Actor): Promise<SchoolContext | null> {
  const reach = reachOf(actor);
  if (reach.scope !== "school") return null;
  const db = getDb();
  const school = await db.school.findUnique({ where: { id: reach.schoolId }, select: { id: true, areaCode: true, area: { select: { policyPackId: true } } } });
  if (!school) return null;
  const now = await requestNow();
  return { db, schoolId: school.id, areaCode: school.areaCode, policyPackId: school.area.policyPackId, now, today: calendarDateInChina(now) };
}
