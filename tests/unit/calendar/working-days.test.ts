import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import {
  addCalendarDays,
  addWorkingDays,
  calendarDateInChina,
  calendarDayDeadline,
  type CalendarDate,
  CalendarYearUnknownError,
  InvalidCalendarDateError,
  isCalendarDate,
  isWorkingDay,
  knownYears,
  toCalendarDate,
  workingDaysBetween,
} from "@/lib/calendar/working-days";

// Expected dates below are worked out by hand from the State Council holiday notices as stored in
// chinese-days 1.5.7 (dist/years/2025.json, dist/years/2026.json):
//   2025 春节 休 01-28…02-04, 补班 01-26 (Sun) and 02-08 (Sat)
//   2025 国庆·中秋 休 10-01…10-08, 补班 09-28 (Sun) and 10-11 (Sat)
//   2026 元旦 休 01-01…01-03, 补班 01-04 (Sun)
//   2026 春节 休 02-15…02-23, 补班 02-14 (Sat) and 02-28 (Sat)
//   2026 中秋 休 09-25…09-27; 国庆 休 10-01…10-07, 补班 09-20 (Sun) and 10-10 (Sat)
// Weekdays: 2026-02-13 is a Friday, 2026-10-01 a Thursday, 2025-10-01 a Wednesday.

describe("knownYears: what the installed chinese-days has a holiday notice for", () => {
  test("2004 through 2026, nothing after", () => {
    const years = knownYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toHaveLength(2026 - 2004 + 1);
  });
});

describe("isWorkingDay with 调休 (2026 notice)", () => {
  test.each<[CalendarDate, boolean, string]>([
    ["2026-02-13", true, "Friday before 春节"],
    ["2026-02-14", true, "Saturday 补班 for 春节"],
    ["2026-02-15", false, "春节 holiday (Sunday)"],
    ["2026-02-16", false, "春节 holiday (Monday)"],
    ["2026-02-23", false, "last 春节 holiday (Monday)"],
    ["2026-02-24", true, "first working day after 春节"],
    ["2026-02-28", true, "Saturday 补班 for 春节"],
    ["2026-03-01", false, "ordinary Sunday"],
    ["2026-01-04", true, "Sunday 补班 for 元旦"],
    ["2026-09-20", true, "Sunday 补班 for 国庆"],
    ["2026-09-25", false, "中秋 holiday (Friday)"],
    ["2026-10-07", false, "last 国庆 holiday (Wednesday)"],
    ["2026-10-10", true, "Saturday 补班 for 国庆"],
    ["2025-09-28", true, "Sunday 补班 for 2025 国庆"],
    ["2025-10-08", false, "last 2025 国庆 holiday (Wednesday)"],
    ["2025-10-11", true, "Saturday 补班 for 2025 国庆"],
  ])("%s → %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe("addWorkingDays: the start day never counts (行政许可法 第八十二条, 民法典 第二百零一条)", () => {
  test.each<[CalendarDate, number, CalendarDate, string]>([
    ["2026-02-13", 1, "2026-02-14", "2026 春节: day 1 is the 补班 Saturday 02-14"],
    ["2026-02-13", 2, "2026-02-24", "2026 春节: 02-15…02-23 are holidays, day 2 is Tue 02-24"],
    ["2026-02-13", 3, "2026-02-25", "2026 春节: 受理 on 02-13 + 3 working days = Wed 02-25"],
    ["2026-02-13", 6, "2026-02-28", "2026 春节: day 6 is the 补班 Saturday 02-28"],
    ["2026-02-13", 7, "2026-03-02", "2026 春节: day 7 skips Sunday 03-01 to Mon 03-02"],
    ["2026-02-15", 1, "2026-02-24", "2026 春节: counting from inside the holiday"],
    ["2026-09-18", 1, "2026-09-20", "2026 国庆: Sat 09-19 is rest, Sun 09-20 is 补班"],
    ["2026-09-18", 5, "2026-09-24", "2026 中秋: Mon 09-21 … Thu 09-24"],
    ["2026-09-18", 6, "2026-09-28", "2026 中秋: 09-25…09-27 are holidays"],
    ["2026-09-29", 3, "2026-10-09", "2026 国庆: Wed 09-30, then 10-01…10-07 off, Thu 10-08, Fri 10-09"],
    ["2026-09-29", 4, "2026-10-10", "2026 国庆: day 4 is the 补班 Saturday 10-10"],
    ["2026-09-29", 5, "2026-10-12", "2026 国庆: day 5 is Mon 10-12"],
    ["2025-09-26", 1, "2025-09-28", "2025 国庆: Sat 09-27 is rest, Sun 09-28 is 补班"],
    ["2025-09-26", 4, "2025-10-09", "2025 国庆·中秋: 10-01…10-08 are holidays"],
    ["2025-09-26", 6, "2025-10-11", "2025 国庆: day 6 is the 补班 Saturday 10-11"],
    ["2025-09-26", 7, "2025-10-13", "2025 国庆: day 7 is Mon 10-13"],
    ["2025-01-24", 1, "2025-01-26", "2025 春节: Sun 01-26 is 补班"],
    ["2025-01-27", 1, "2025-02-05", "2025 春节: 01-28…02-04 are holidays"],
    ["2025-12-31", 1, "2026-01-04", "across the year: 2026 元旦 01-01…01-03 off, Sun 01-04 is 补班"],
    ["2026-02-13", 0, "2026-02-13", "n = 0 is the start itself"],
  ])("%s + %i → %s (%s)", (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
  });

  test("a 15-working-day overall limit (喀什: 1 + 9 + 5) from 受理 on 2026-02-13 ends Thu 2026-03-12", () => {
    // 02-14, 02-24…02-28 (6), 03-02…03-06 (11), 03-09…03-12 (15)
    expect(addWorkingDays("2026-02-13", 15)).toBe("2026-03-12");
    expect(workingDaysBetween("2026-02-13", "2026-03-13")).toBe(16);
  });

  test("rejects negative and fractional counts", () => {
    expect(() => addWorkingDays("2026-02-13", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-13", 1.5)).toThrow(RangeError);
  });
});

describe("workingDaysBetween counts a < d ≤ b", () => {
  test.each<[CalendarDate, CalendarDate, number, string]>([
    ["2026-02-13", "2026-02-28", 6, "2026 春节: 02-14, 02-24…02-28"],
    ["2026-02-14", "2026-02-23", 0, "2026 春节: nothing between the 补班 Saturday and the end of the holiday"],
    ["2026-09-30", "2026-10-09", 2, "2026 国庆: only 10-08 and 10-09"],
    ["2025-09-26", "2025-10-11", 6, "2025 国庆: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11"],
    ["2026-02-13", "2026-02-13", 0, "same day"],
    ["2026-02-28", "2026-02-13", -6, "reversed gives the negative"],
  ])("%s → %s = %i (%s)", (a, b, expected) => {
    expect(workingDaysBetween(a, b)).toBe(expected);
  });
});

describe("calendarDayDeadline: a period in calendar days ends on a working day (民法典 第二百零三条)", () => {
  test("公示 7 天 from 2026-09-29 would end on 10-06 (国庆), so it runs to Thu 10-08", () => {
    expect(calendarDayDeadline("2026-09-29", 7)).toBe("2026-10-08");
  });
  test("公示 7 天 from 2026-02-02 ends on Mon 02-09 (a working day)", () => {
    expect(calendarDayDeadline("2026-02-02", 7)).toBe("2026-02-09");
  });
  test("a period ending on the 补班 Saturday 2026-02-14 ends there", () => {
    expect(calendarDayDeadline("2026-02-07", 7)).toBe("2026-02-14");
  });
});

describe("years chinese-days has no notice for are refused, never guessed", () => {
  test("2027-01-01 (the package itself would call it a workday)", () => {
    expect(workdaysPerChineseDaysApi("2027-01-01", "2027-01-01").has("2027-01-01")).toBe(true); // the silent guess we guard against
    expect(() => isWorkingDay("2027-01-01")).toThrow(CalendarYearUnknownError);
  });
  test("the error names the year and what is known", () => {
    try {
      isWorkingDay("2027-03-15");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarYearUnknownError);
      const err = e as CalendarYearUnknownError;
      expect(err.code).toBe("calendar-year-unknown");
      expect(err.year).toBe(2027);
      expect([err.knownFrom, err.knownTo]).toEqual([2004, 2026]);
    }
  });
  test("years before 2004 too", () => {
    expect(() => isWorkingDay("2003-12-31")).toThrow(CalendarYearUnknownError);
  });
  test("a count that runs into 2027 throws instead of guessing", () => {
    expect(addWorkingDays("2026-12-30", 1)).toBe("2026-12-31");
    expect(() => addWorkingDays("2026-12-30", 2)).toThrow(CalendarYearUnknownError);
    expect(() => workingDaysBetween("2026-12-01", "2027-01-10")).toThrow(CalendarYearUnknownError);
    expect(() => calendarDayDeadline("2026-12-28", 7)).toThrow(CalendarYearUnknownError);
  });
  test("a start in an unknown year throws even for n = 0", () => {
    expect(() => addWorkingDays("2027-02-01", 0)).toThrow(CalendarYearUnknownError);
  });
});

describe("calendar dates", () => {
  test.each(["2026-02-30", "2026-2-3", "26-02-03", "2026-13-01", "0099-01-01", "", "2026-02-03T00:00"])(
    "%j is not a calendar date",
    (s) => {
      expect(isCalendarDate(s)).toBe(false);
      expect(() => toCalendarDate(s)).toThrow(InvalidCalendarDateError);
      expect(() => isWorkingDay(s as CalendarDate)).toThrow(InvalidCalendarDateError);
    },
  );
  test("2024-02-29 is one, 2026-02-29 is not", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
  });
  test("an instant becomes the date in Beijing, whatever the host zone", () => {
    expect(calendarDateInChina(new Date("2026-02-13T15:59:59Z"))).toBe("2026-02-13");
    expect(calendarDateInChina(new Date("2026-02-13T16:00:00Z"))).toBe("2026-02-14");
    expect(() => calendarDateInChina(new Date("nope"))).toThrow(InvalidCalendarDateError);
  });
  test("addCalendarDays crosses months and years", () => {
    expect(addCalendarDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addCalendarDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addCalendarDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

/**
 * chinese-days' API evaluated in a separate Node process whose zone is Beijing: the package builds its
 * tables with local-time arithmetic at import, so in a process west of UTC its answers are for the
 * wrong days (the reason this module reads the JSON table instead).
 */
function workdaysPerChineseDaysApi(from: CalendarDate, to: CalendarDate): Set<string> {
  const script = `
    const { getWorkdaysInRange } = require("chinese-days");
    process.stdout.write(JSON.stringify(getWorkdaysInRange(${JSON.stringify(from)}, ${JSON.stringify(to)}, true)));
  `;
  const out = execFileSync(process.execPath, ["-e", script], {
    env: { ...process.env, TZ: "Asia/Shanghai" },
    encoding: "utf8",
  });
  return new Set(JSON.parse(out) as string[]);
}

describe("agrees with chinese-days' own API on every day it knows", () => {
  test("2004-01-01 … 2026-12-31, whatever the host's zone", () => {
    const theirs = workdaysPerChineseDaysApi("2004-01-01", "2026-12-31");
    let date: CalendarDate = "2004-01-01";
    let checked = 0;
    const disagreements: string[] = [];
    while (date <= "2026-12-31") {
      if (isWorkingDay(date) !== theirs.has(date)) disagreements.push(date);
      date = addCalendarDays(date, 1);
      checked++;
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBe(8401);
    expect(theirs.size).toBeGreaterThan(5000);
  });
});

describe("properties", () => {
  const firstDay = Date.UTC(2004, 0, 1) / 86_400_000;
  // Starts leave room for n ≤ 60 working days before the end of 2026.
  const lastStart = Date.UTC(2026, 8, 30) / 86_400_000;
  const knownDate = fc
    .integer({ min: firstDay, max: lastStart })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10) as CalendarDate);
  const count = fc.integer({ min: 0, max: 60 });

  test("addWorkingDays(start, n ≥ 1) is always a working day, strictly after start", () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(end > start).toBe(true);
      }),
    );
  });

  test("addWorkingDays is strictly increasing in n", () => {
    fc.assert(
      fc.property(knownDate, count, count, (start, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(start, lo) < addWorkingDays(start, hi)).toBe(true);
      }),
    );
  });

  test("workingDaysBetween(start, addWorkingDays(start, n)) === n", () => {
    fc.assert(
      fc.property(knownDate, count, (start, n) => {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }),
    );
  });

  test("no working day is skipped: the day before the n-th working day is within n − 1", () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, addCalendarDays(end, -1))).toBe(n - 1);
      }),
    );
  });
});
