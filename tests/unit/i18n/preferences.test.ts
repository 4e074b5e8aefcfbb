import { describe, expect, test } from "vitest";
import { safeReturnPath } from "@/lib/preferences";

describe("safeReturnPath", () => {
  test.each([
    ["/zh-Hans/services", "/zh-Hans/services"],
    ["/zh-Hant", "/zh-Hant"],
    ["/zh-Hans/eligibility/check?a=1&b=%E4%BD%A0", "/zh-Hans/eligibility/check?a=1&b=%E4%BD%A0"],
    ["/zh-Hans/progress/abc#documents", "/zh-Hans/progress/abc#documents"],
    // Encoded text in the query (a newline typed into an answer) is the page's business, not a redirect trick.
    ["/zh-Hans/eligibility/check?note=a%0Ab%2F%2Fc", "/zh-Hans/eligibility/check?note=a%0Ab%2F%2Fc"],
    ["//evil.example/x", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    [null, "/"],
    [42, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input, "/")).toBe(expected);
  });

  // Browsers strip tabs and newlines from a Location, so "/\t/evil.example" lands on evil.example; a newline in a
  // header made Node throw (500).
  test.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/zh-Hans\nSet-Cookie: a=b",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/%E4%BD",
    "/\u2028/evil.example",
  ])("refuses %j", (input) => {
    expect(safeReturnPath(input, "/zh-Hans")).toBe("/zh-Hans");
  });
});
