import { Lunar } from "lunar-javascript";
import { z } from "zod";
import lawFile from "@/lib/calendar/statutory-holidays.json";

/**
 * The days off that the law itself fixes (全国年节及纪念日放假办法 第二条), year by year, for counting
 * working days provisionally in a year whose State Council holiday notice is not published yet.
 *
 * Only the legal days: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, from the version of the law in
 * force on each date (statutory-holidays.json, one entry per revision with its 国务院令 number). Lunar
 * dates and the 清明 solar term come from lunar-javascript, which computes them from astronomical
 * algorithms with plain year/month/day numbers (no host time zone involved). What the yearly notice adds
 * (the 补假 for a holiday on a weekend, bridged days, 调休 working days) is not guessed.
 */

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30|31)$/);

const holidaySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The law's words for this holiday. */
  text: z.string().min(1),
  anchor: z.union([
    z.strictObject({ gregorian: monthDay }),
    z.strictObject({ lunar: monthDay }),
    z.strictObject({ solarTerm: z.literal("清明") }),
  ]),
  /** Days off, as offsets from the anchor (春节: −1 is 除夕). */
  offsets: z.array(z.number().int().min(-1).max(6)).min(1),
});

const lawSchema = z.strictObject({
  law: z.string().min(1),
  article: z.string().min(1),
  note: z.string(),
  versions: z
    .array(
      z.strictObject({
        effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        document: z.string().min(1),
        holidays: z.array(holidaySchema).min(1),
      }),
    )
    .min(1)
    .refine((vs) => vs.every((v, i) => i === 0 || vs[i - 1].effective < v.effective), { error: "versions in order of their effective date" }),
});

export type StatutoryHoliday = z.infer<typeof holidaySchema>;
export type LawVersion = z.infer<typeof lawSchema>["versions"][number];

const law = lawSchema.parse(lawFile);

/** The first year the statutory rule can answer for (the first version's year). */
export const FIRST_STATUTORY_YEAR = Number(law.versions[0].effective.slice(0, 4));

const pad = (n: number) => String(n).padStart(2, "0");

function utcDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function anchorDate(anchor: StatutoryHoliday["anchor"], year: number): { y: number; m: number; d: number } {
  if ("gregorian" in anchor) {
    const [m, d] = anchor.gregorian.split("-").map(Number);
    return { y: year, m, d };
  }
  // Lunar year `year` starts in January/February of Gregorian `year`; its 端午 and 中秋, and its 清明, fall in that year too.
  const lunar = "lunar" in anchor ? anchor.lunar.split("-").map(Number) : [1, 1];
  const l = Lunar.fromYmd(year, lunar[0], lunar[1]);
  const solar = "solarTerm" in anchor ? l.getJieQiTable()[anchor.solarTerm] : l.getSolar();
  return { y: solar.getYear(), m: solar.getMonth(), d: solar.getDay() };
}

function versionInForce(date: string): LawVersion | null {
  let found: LawVersion | null = null;
  for (const v of law.versions) if (v.effective <= date) found = v;
  return found;
}

const cache = new Map<number, ReadonlyMap<string, readonly StatutoryHoliday[]>>();

/**
 * The statutory days off of a Gregorian year ("YYYY-MM-DD" → the holidays on it, usually one; 2020-10-01 was
 * both 国庆节 and 中秋节), each from the version of the law in force on that day. Throws RangeError before
 * the first version in the data.
 */
export function statutoryHolidays(year: number): ReadonlyMap<string, readonly StatutoryHoliday[]> {
  const cached = cache.get(year);
  if (cached) return cached;
  if (!Number.isSafeInteger(year) || year < FIRST_STATUTORY_YEAR || year > 2100) {
    throw new RangeError(`No statutory holiday rule for ${year} (the data starts in ${FIRST_STATUTORY_YEAR})`);
  }
  const days = new Map<string, StatutoryHoliday[]>();
  for (const version of law.versions) {
    if (version.effective > `${year}-12-31`) continue;
    for (const holiday of version.holidays) {
      const a = anchorDate(holiday.anchor, year);
      for (const offset of holiday.offsets) {
        const date = utcDate(a.y, a.m, a.d + offset);
        // A day belongs to the version in force on it; two holidays on one day are still one day off.
        if (date.startsWith(`${year}-`) && versionInForce(date) === version) days.set(date, [...(days.get(date) ?? []), holiday]);
      }
    }
  }
  const sorted = new Map([...days].sort(([a], [b]) => (a < b ? -1 : 1)));
  cache.set(year, sorted);
  return sorted;
}

/** The law's version in force on a date, for citing it ("国务院令第795号"). */
export function statutoryVersionOn(year: number, month = 1, day = 1): LawVersion | null {
  return versionInForce(`${year}-${pad(month)}-${pad(day)}`);
}
