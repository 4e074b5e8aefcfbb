/**
 * China's calendar date at an instant (UTC+8, no daylight saving), as YYYY-MM-DD: the one
 * computation, dependency-free so browser-safe modules (lib/identity) can use it without the
 * holiday tables. lib/calendar/working-days.ts `calendarDateInChina` adds its checks on top.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

export function chinaDateOf(instant: Date): `${number}-${number}-${number}` {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10) as `${number}-${number}-${number}`;
}
