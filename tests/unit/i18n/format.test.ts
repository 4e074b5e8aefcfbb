import { describe, expect, test } from "vitest";
import { formatCalendarDate, formatDate, formatMoney, formatNumber } from "@/lib/i18n/format";

describe("formatMoney", () => {
  test.each([
    ["0", "¥0.00"],
    ["12250", "¥12,250.00"],
    ["1234567.5", "¥1,234,567.50"],
    ["0.005", "¥0.01"],
    ["-3000.1", "¥-3,000.10"],
    ["99999999999999999.99", "¥99,999,999,999,999,999.99"],
  ])("%s → %s in both scripts", (amount, expected) => {
    expect(formatMoney(amount, "zh-Hans")).toBe(expected);
    expect(formatMoney(amount, "zh-Hant")).toBe(expected);
  });
  test("yuan style puts 元 after the amount", () => {
    expect(formatMoney("18000", "zh-Hant", "yuan")).toBe("18,000.00 元");
  });
});

describe("formatDate / formatNumber", () => {
  test("dates read 年月日 in both scripts, in China time", () => {
    const lateUtc = new Date("2026-11-22T20:00:00Z"); // already 23 Nov in Beijing
    expect(formatDate(lateUtc, "zh-Hans")).toBe("2026年11月23日");
    expect(formatDate(lateUtc, "zh-Hant")).toBe("2026年11月23日");
  });
  test("numbers are grouped", () => {
    expect(formatNumber(1234567, "zh-Hans")).toBe("1,234,567");
    expect(formatNumber(1234567, "zh-Hant")).toBe("1,234,567");
  });
});

describe("formatCalendarDate", () => {
  test("a policy date stays the same day whatever the server's time zone", () => {
    expect(formatCalendarDate("2018-07-20", "zh-Hans")).toBe("2018年7月20日");
    expect(formatCalendarDate("2024-06-10", "zh-Hant")).toBe("2024年6月10日");
  });
});
