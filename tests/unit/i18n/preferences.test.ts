import { describe, expect, test } from "vitest";
import { safeReturnPath } from "@/lib/preferences";

describe("safeReturnPath", () => {
  test.each([
    ["/zh-Hans/services", "/zh-Hans/services"],
    ["/zh-Hant", "/zh-Hant"],
    ["//evil.example/x", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    [null, "/"],
    [42, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input, "/")).toBe(expected);
  });
});
