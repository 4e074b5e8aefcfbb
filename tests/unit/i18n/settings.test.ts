import { describe, expect, test } from "vitest";
import { localeFromAcceptLanguage, switchLocalePath } from "@/lib/i18n/settings";

describe("localeFromAcceptLanguage", () => {
  test.each([
    ["zh-TW,zh;q=0.9", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO,en;q=0.5", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-CN,zh;q=0.9", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["en-US,en;q=0.9", "zh-Hans"],
    ["", "zh-Hans"],
    [null, "zh-Hans"],
    ["en;q=0.9,zh-TW;q=0.8", "zh-Hant"],
    ["zh-CN;q=0.5,zh-HK;q=0.9", "zh-Hant"],
    ["zh-TW;q=0,zh-CN", "zh-Hans"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("switchLocalePath", () => {
  test("keeps the page when switching script", () => {
    expect(switchLocalePath("/zh-Hans/me", "zh-Hant")).toBe("/zh-Hant/me");
    expect(switchLocalePath("/zh-Hant/staff/login", "zh-Hans")).toBe("/zh-Hans/staff/login");
    expect(switchLocalePath("/zh-Hans", "zh-Hant")).toBe("/zh-Hant");
  });
  test("adds a prefix to an unprefixed path", () => {
    expect(switchLocalePath("/", "zh-Hant")).toBe("/zh-Hant");
    expect(switchLocalePath("/me", "zh-Hans")).toBe("/zh-Hans/me");
  });
});
