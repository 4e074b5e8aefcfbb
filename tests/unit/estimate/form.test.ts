import { describe, expect, test } from "vitest";
import { fieldForPath, formQuery, normaliseMoney, readForm, runEstimate } from "@/lib/estimate/form";

const luzhai = {
  mode: "bill",
  policy: "luzhai-2018",
  date: "2018-09-01",
  insurance: "resident",
  cat: "poverty-registered",
  kind: "inpatient",
  facility: "county",
  inRegion: "1",
  designated: "1",
  total: "20000",
  basic: "12000",
  critical: "2000",
  assistance: "1000",
};

describe("estimate form ↔ query string", () => {
  test("鹿寨 worked example 1 from the query: 兜底 3,000.00, family 2,000.00 (重病兜底保障一批 五(一))", () => {
    const outcome = runEstimate(readForm(luzhai), "zh-Hans");
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.layers.find((l) => l.id === "backstop")?.paid).toBe("3000.00");
    expect(outcome.result.personal).toBe("2000.00");
    expect(outcome.request.episodes).toHaveLength(1);
  });

  test("the share query round-trips to the same request", () => {
    const v = readForm(luzhai);
    const again = readForm(Object.fromEntries(new URLSearchParams(formQuery(v))));
    expect(again).toEqual(v);
  });

  test("自费 above the total is an error on the 自费 field, in the page's script", () => {
    const outcome = runEstimate(readForm({ ...luzhai, total: "100", basic: "", critical: "", assistance: "", selfFunded: "500" }), "zh-Hant");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.field)).toEqual(["selfFunded"]);
    expect(outcome.errors[0].message).toMatch(/自費/);
  });

  test("malformed amounts and ages get codes on their own fields, nothing else", () => {
    const outcome = runEstimate(readForm({ ...luzhai, total: "12abc", age: "300" }), "zh-Hans");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      { field: "age", code: "age" },
      { field: "total", code: "money" },
    ]);
  });

  test("an empty total is 'required'", () => {
    const outcome = runEstimate(readForm({ ...luzhai, total: "" }), "zh-Hans");
    expect(!outcome.ok && outcome.errors[0]).toEqual({ field: "total", code: "required" });
  });

  test("typical mode ignores settled amounts left in the query", () => {
    const outcome = runEstimate(readForm({ ...luzhai, mode: "typical" }), "zh-Hans");
    expect(outcome.ok && outcome.request.episodes[0].settled).toBeUndefined();
  });

  test("earlier stays go first as their own episode", () => {
    const outcome = runEstimate(readForm({ ...luzhai, earlierTotal: "5000" }), "zh-Hans");
    expect(outcome.ok && outcome.request.episodes.map((e) => e.total)).toEqual(["5000", "20000"]);
  });

  test("people type money with ¥, commas, full-width digits and 元", () => {
    expect(normaliseMoney("¥１２,０００.５ 元")).toBe("12000.5");
  });

  test.each([
    ["policy", "policy"],
    ["serviceDate", "date"],
    ["person.age", "age"],
    ["person.categories.0", "cat"],
    ["episodes.0.selfFunded", "selfFunded"],
    ["episodes.0.settled.critical", "critical"],
    ["episodes.1.total", "total"],
  ] as const)("module path %s maps to field %s", (path, field) => {
    expect(fieldForPath(path, false)).toBe(field);
  });

  test("with earlier stays, episode 0's amounts belong to the earlier-stays field", () => {
    expect(fieldForPath("episodes.0.total", true)).toBe("earlierTotal");
    expect(fieldForPath("episodes.1.total", true)).toBe("total");
  });
});
