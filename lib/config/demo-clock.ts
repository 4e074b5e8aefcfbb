import { cookies } from "next/headers";
import { calendarDateInChina, isCalendarDate } from "@/lib/calendar/working-days";
import { isDemoMode } from "@/lib/config/env";

/**
 * "Now" for a request. In demo mode only (YIZHAN_DEMO=1), a `yz_demo_today` cookie ("YYYY-MM-DD") moves
 * the day the server acts on to that date in China, keeping the time of day: the end-to-end tests use it
 * to start a 公示 in late December and see a deadline in a year without a holiday notice, without
 * changing the clock for other browsers. Outside demo mode the cookie is ignored.
 */
export const DEMO_TODAY_COOKIE = "yz_demo_today";

const MS_PER_DAY = 86_400_000;

export function shiftedNow(real: Date, today: string | undefined): Date {
  if (!today || !isCalendarDate(today)) return real;
  // Whole days between the two China dates (plain dates: no zone arithmetic; China keeps UTC+8 all year).
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${calendarDateInChina(real)}T00:00:00Z`)) / MS_PER_DAY);
  return new Date(real.getTime() + days * MS_PER_DAY);
}

export async function requestNow(): Promise<Date> {
  const real = new Date();
  if (!isDemoMode()) return real;
  return shiftedNow(real, (await cookies()).get(DEMO_TODAY_COOKIE)?.value);
}
