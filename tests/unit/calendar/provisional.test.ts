import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import chineseDays from "chinese-days/dist/chinese-days.json";
import { statutoryHolidays, statutoryVersionOn } from "@/lib/calendar/statutory-holidays";
import {
  addCalendarDays,
  addWorkingDays,
  type CalendarDate,
  CalendarYearUnknownError,
  countCalendarDays,
  countWorkingDays,
  isWorkingDay,
  laterOf,
  useHolidayNotices,
  workingDayStatus,
} from "@/lib/calendar/working-days";
import shipped from "@/lib/calendar/holiday-notices.json";

afterEach(() => {
  useHolidayNotices(shipped);
});

/** chinese-days names its holidays "English,中文,legal days" (e.g. "Spring Festival,春节,4"). */
const CHINESE_DAYS_NAME: Record<string, string> = {
  "new-year": "元旦",
  "spring-festival": "春节",
  qingming: "清明",
  "labour-day": "劳动节",
  "dragon-boat": "端午",
  "mid-autumn": "中秋",
  "national-day": "国庆节",
};
const theirHolidays = chineseDays.holidays as Record<string, string>;

describe("the statutory rule (全国年节及纪念日放假办法 第二条) reproduces the legal days off of the published years", () => {
  // 2020–2024 under 国务院令第644号, 2025–2026 under 第795号; 2008–2019 check the older versions too.
  test.each(Array.from({ length: 2026 - 2008 + 1 }, (_, i) => 2008 + i))("%i", (year) => {
    const ours = statutoryHolidays(year);
    const wrong: string[] = [];
    const perHoliday = new Map<string, number>();
    for (const [date, holidays] of ours) {
      for (const h of holidays) perHoliday.set(h.id, (perHoliday.get(h.id) ?? 0) + 1);
      // Every legal day is a day off in that year's notice…
      if (isWorkingDay(date as CalendarDate)) wrong.push(`${date} is a working day in the notice`);
      // …and, where chinese-days names the day (it leaves out a few weekend days, e.g. 2012-06-23), it is the same holiday.
      const theirs = theirHolidays[date]?.split(",")[1];
      if (theirs && !holidays.some((h) => CHINESE_DAYS_NAME[h.id] === theirs)) wrong.push(`${date}: ours ${holidays.map((h) => h.name)}, theirs ${theirs}`);
    }
    expect(wrong).toEqual([]);
    // The number of legal days per holiday is the one the notice states (春节 3 → 4 and 劳动节 1 → 2 from 2025).
    const theirCounts = new Map<string, number>();
    for (const [date, value] of Object.entries(theirHolidays)) {
      if (date.startsWith(`${year}-`)) theirCounts.set(value.split(",")[1], Number(value.split(",")[2]));
    }
    for (const [id, name] of Object.entries(CHINESE_DAYS_NAME)) {
      if (theirCounts.has(name)) expect([id, perHoliday.get(id)]).toEqual([id, theirCounts.get(name)]);
    }
    expect(perHoliday.size).toBe(7);
  });

  test("2026 under 国务院令第795号: 除夕 02-16 and 初一–初三, 清明 04-05, 劳动节 05-01–02, 端午 06-19, 中秋 09-25, 国庆 10-01–03", () => {
    expect([...statutoryHolidays(2026).keys()]).toEqual([
      "2026-01-01",
      "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
      "2026-04-05",
      "2026-05-01", "2026-05-02",
      "2026-06-19",
      "2026-09-25",
      "2026-10-01", "2026-10-02", "2026-10-03",
    ]);
    expect(statutoryVersionOn(2026)?.document).toMatch(/国务院令第795号/);
    expect(statutoryVersionOn(2024)?.document).toMatch(/国务院令第644号/);
  });

  test("2027 (no notice yet): 元旦 Fri 01-01, 春节 02-05–08, 清明 04-05, 劳动节 05-01–02, 端午 06-09, 中秋 09-15, 国庆 10-01–03", () => {
    expect([...statutoryHolidays(2027).keys()]).toEqual([
      "2027-01-01",
      "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
      "2027-04-05",
      "2027-05-01", "2027-05-02",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01", "2027-10-02", "2027-10-03",
    ]);
  });

  test("the same dates whatever the host's time zone (lunar-javascript works on plain year/month/day numbers)", { timeout: 60_000 }, () => {
    const here = [2020, 2025, 2027, 2028].map((y) => [...statutoryHolidays(y).keys()]);
    for (const tz of ["America/Los_Angeles", "Pacific/Kiritimati"]) {
      const script = `import("${path.resolve(__dirname, "../../../lib/calendar/statutory-holidays.ts")}").then((m) =>
        process.stdout.write(JSON.stringify([2020, 2025, 2027, 2028].map((y) => [...(m.statutoryHolidays ?? m.default.statutoryHolidays)(y).keys()]))))`;
      const out = execFileSync(process.execPath, ["--import", "tsx", "-e", script], { env: { ...process.env, TZ: tz }, encoding: "utf8" });
      expect(JSON.parse(out)).toEqual(here);
    }
  });

  test("no rule before the data starts", () => {
    expect(() => statutoryHolidays(2007)).toThrow(RangeError);
  });
});

describe("provisional counting in a year without a notice (weekends and the legal days only; 调休 not guessed)", () => {
  test.each<[CalendarDate, boolean, string]>([
    ["2027-01-01", false, "元旦 (Friday)"],
    ["2027-01-02", false, "Saturday"],
    ["2027-01-04", true, "Monday"],
    ["2027-02-05", false, "除夕 (Friday)"],
    ["2027-02-08", false, "初三 (Monday)"],
    ["2027-02-09", true, "Tuesday after 春节"],
    ["2027-02-20", false, "a Saturday: no 调休 working day is guessed"],
  ])("%s working: %s (%s), provisionally", (date, working) => {
    expect(workingDayStatus(date)).toEqual({ working, provisional: true });
  });

  test("a day of a year with a notice is not provisional", () => {
    expect(workingDayStatus("2026-02-14")).toEqual({ working: true, provisional: false }); // 春节 补班 Saturday
  });

  test("a 7-working-day period from Thu 2026-12-24 ends Tue 2027-01-05, provisionally (元旦 skipped)", () => {
    // Fri 25, Mon 28, Tue 29, Wed 30, Thu 31, (Fri 01-01 元旦, weekend), Mon 01-04, Tue 01-05.
    expect(countWorkingDays("2026-12-24", 7)).toEqual({ date: "2027-01-05", provisional: true });
    // The strict count still refuses rather than guess.
    expect(() => addWorkingDays("2026-12-24", 7)).toThrow(CalendarYearUnknownError);
  });

  test("a count that stays within 2026 is not provisional, even late in December", () => {
    expect(countWorkingDays("2026-12-03", 7)).toEqual({ date: "2026-12-14", provisional: false });
    expect(countWorkingDays("2026-12-30", 1)).toEqual({ date: "2026-12-31", provisional: false });
    expect(countWorkingDays("2026-12-30", 0)).toEqual({ date: "2026-12-30", provisional: false });
  });

  test("a period in calendar days ending on a provisional rest day runs to the next working day (民法典 第二百零三条)", () => {
    // 2026-12-25 + 7 = Fri 2027-01-01 (元旦) → Mon 01-04.
    expect(countCalendarDays("2026-12-25", 7)).toEqual({ date: "2027-01-04", provisional: true });
    expect(countCalendarDays("2026-12-01", 7)).toEqual({ date: "2026-12-08", provisional: false });
  });

  test("starting inside the unknown year", () => {
    // Thu 2027-02-04 → (02-05…02-08 春节 and the weekend) Tue 02-09.
    expect(countWorkingDays("2027-02-04", 1)).toEqual({ date: "2027-02-09", provisional: true });
  });

  test("with a (fictional, test-only) 2027 notice the same counts are certain and follow the notice", () => {
    useHolidayNotices({
      notices: [
        {
          year: 2027,
          document: "国办发明电〔2026〕0号（测试用，虚构）",
          published: "2026-12-20",
          holidays: { "2027-01-01": "元旦" },
          workdays: { "2027-01-02": "元旦" }, // a made-up 调休 Saturday
        },
      ],
    });
    expect(countWorkingDays("2026-12-24", 7)).toEqual({ date: "2027-01-04", provisional: false });
    expect(addWorkingDays("2026-12-24", 7)).toBe("2027-01-04");
    expect(workingDayStatus("2027-01-02")).toEqual({ working: true, provisional: false });
  });

  test("properties: a provisional count is never before the strict count of a known stretch, and always lands on a working day", () => {
    let start: CalendarDate = "2026-11-01";
    while (start <= "2026-12-31") {
      for (const n of [1, 3, 5, 7, 10, 20]) {
        const c = countWorkingDays(start, n);
        expect(workingDayStatus(c.date).working).toBe(true);
        expect(c.date > start).toBe(true);
        if (!c.provisional) expect(c.date).toBe(addWorkingDays(start, n));
      }
      start = addCalendarDays(start, 1);
    }
  });

  test("laterOf keeps the later date", () => {
    expect(laterOf("2027-01-05", "2027-01-04")).toBe("2027-01-05");
    expect(laterOf("2027-01-04", "2027-01-06")).toBe("2027-01-06");
  });
});
