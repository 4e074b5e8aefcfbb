import { expect, test } from "vitest";
import { formPostLocale, seeOther } from "@/lib/http/form-post";

test("a form post's script comes from ?lng=, anything else is Simplified", () => {
  expect(formPostLocale(new Request("http://x/api/v1/school/roster?lng=zh-Hant"))).toBe("zh-Hant");
  expect(formPostLocale(new URL("http://x/api?lng=zh-Hans"))).toBe("zh-Hans");
  for (const bad of ["", "?lng=en", "?lng=zh-hant", "?lng=../evil"]) expect(formPostLocale(new URL(`http://x/api${bad}`))).toBe("zh-Hans");
});

test("seeOther answers 303 to a path on this site, and to the fallback for one that would leave it", () => {
  const ok = seeOther("/zh-Hans/school/import?error=no-file", "/zh-Hans/school");
  expect(ok.status).toBe(303);
  expect(ok.headers.get("Location")).toBe("/zh-Hans/school/import?error=no-file");
  for (const away of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) {
    expect(seeOther(away, "/zh-Hans/school").headers.get("Location")).toBe("/zh-Hans/school");
  }
});
