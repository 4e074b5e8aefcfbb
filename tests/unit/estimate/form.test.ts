import { describe, expect, test } from "vitest";
import { fieldForPath, formQuery, isFormEdit, normaliseMoney, readForm, runEstimate, type BuildOutcome } from "@/lib/estimate/form";

/** The one-person outcome, or a failed expectation: these forms have no other household members. */
function personOutcome(outcome: BuildOutcome) {
  expect(outcome.ok && !outcome.household).toBe(true);
  if (!outcome.ok || outcome.household) throw new Error("expected a one-person result");
  return outcome;
}

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
    const outcome = personOutcome(runEstimate(readForm(luzhai), "zh-Hans"));
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
    const outcome = personOutcome(runEstimate(readForm({ ...luzhai, mode: "typical" }), "zh-Hans"));
    expect(outcome.request.episodes[0].settled).toBeUndefined();
  });

  test("an old link's earlierTotal becomes a first bill with the same settings, and the result says so", () => {
    const values = readForm({ ...luzhai, earlierTotal: "5000" });
    expect(values.earlierMerged).toBe(true);
    const outcome = personOutcome(runEstimate(values, "zh-Hans"));
    expect(outcome.request.episodes.map((e) => [e.total, e.facility, e.settled])).toEqual([
      ["5000", "county", undefined],
      ["20000", "county", { basic: "12000", critical: "2000", assistance: "1000" }],
    ]);
    // The rebuilt link keeps the same two bills and the note, without earlierTotal.
    const again = readForm(Object.fromEntries(new URLSearchParams(formQuery(values))));
    expect(again).toEqual(values);
    expect(formQuery(values)).not.toContain("earlierTotal");
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
    ["episodes.1.total", "s2.total"],
    ["episodes.1.settled.basic", "s2.basic"],
    ["episodes.2.date", "s3.billDate"],
  ] as const)("module path %s maps to field %s", (path, field) => {
    expect(fieldForPath(path)).toBe(field);
  });
});

/** Contract worked example 4: two 鹿寨 stays, each with its own 90 % (重病兜底保障一批 五(一)). */
const twoStays = {
  ...luzhai,
  stays: "2",
  billDate: "2018-03-01",
  total: "20000",
  basic: "17000",
  critical: "1000",
  assistance: "1000",
  "s2.billDate": "2018-09-01",
  "s2.kind": "inpatient",
  "s2.facility": "county",
  "s2.total": "10000",
  "s2.basic": "6000",
  "s2.critical": "0",
  "s2.assistance": "1000",
};

describe("several bills: each stay its own episode", () => {
  test("鹿寨 example 4: two stays → two episodes in order, with their dates; 兜底 2,000.00 all on the second stay", () => {
    const outcome = personOutcome(runEstimate(readForm(twoStays), "zh-Hans"));
    expect(outcome.request.episodes.map((e) => [e.total, e.date, e.settled?.basic])).toEqual([
      ["20000", "2018-03-01", "17000"],
      ["10000", "2018-09-01", "6000"],
    ]);
    expect(outcome.result.layers.find((l) => l.id === "backstop")?.paid).toBe("2000.00");
    expect(outcome.result.personal).toBe("2000.00");
    expect(outcome.result.episodes.map((e) => [e.paid.backstop, e.personal])).toEqual([
      ["0.00", "1000.00"],
      ["2000.00", "1000.00"],
    ]);
  });

  test("the order given is kept: the same bills swapped give swapped episodes", () => {
    const swapped = readForm({ ...twoStays, billDate: "", "s2.billDate": "" });
    swapped.stays.reverse();
    const outcome = personOutcome(runEstimate(swapped, "zh-Hans"));
    expect(outcome.request.episodes.map((e) => e.total)).toEqual(["10000", "20000"]);
  });

  test("the share query round-trips several bills", () => {
    const v = readForm(twoStays);
    expect(readForm(Object.fromEntries(new URLSearchParams(formQuery(v))))).toEqual(v);
    expect(formQuery(v)).toContain("s2.total=10000");
  });

  test("再加一次住院 adds an empty bill with the settings of the one before; 删除 removes that bill only", () => {
    const sp = { ...twoStays, "s2.facility": "city", addStay: "1" };
    expect(isFormEdit(sp)).toBe(true);
    const added = readForm(sp);
    expect(added.stays).toHaveLength(3);
    expect(added.stays[2]).toMatchObject({ facility: "city", kind: "inpatient", total: "", basic: "", billDate: "" });
    expect(added.stays.slice(0, 2).map((s) => s.total)).toEqual(["20000", "10000"]);
    // Removing the first bill keeps the second one's amounts, now first.
    const removed = readForm({ ...twoStays, removeStay: "1" });
    expect(removed.stays.map((s) => [s.total, s.basic, s.billDate])).toEqual([["10000", "6000", "2018-09-01"]]);
    // The only bill cannot be removed; nonsense indexes change nothing.
    expect(readForm({ ...luzhai, removeStay: "1" }).stays).toHaveLength(1);
    expect(readForm({ ...twoStays, removeStay: "9" }).stays).toHaveLength(2);
    expect(isFormEdit(luzhai)).toBe(false);
  });

  test("bad input on the second bill: codes on that bill's own fields, the first bill's values untouched", () => {
    const values = readForm({ ...twoStays, "s2.total": "一万", "s2.billDate": "2018-13", "s2.kind": "spa" });
    const outcome = runEstimate(values, "zh-Hans");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      { field: "s2.billDate", code: "date" },
      { field: "s2.kind", code: "choice" },
      { field: "s2.total", code: "money" },
    ]);
    expect(values.stays[0].total).toBe("20000");
    expect(values.stays[1].total).toBe("一万");
  });

  test("an empty second bill is 'required' on its own total", () => {
    const outcome = runEstimate(readForm({ ...luzhai, stays: "2" }), "zh-Hans");
    expect(!outcome.ok && outcome.errors).toEqual([{ field: "s2.total", code: "required" }]);
  });

  test("dates out of order: the module's translated message lands on the later bill's date", () => {
    const outcome = runEstimate(readForm({ ...twoStays, billDate: "2018-10-01" }), "zh-Hant");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.field)).toEqual(["s2.billDate"]);
    expect(outcome.errors[0].message).toBeTruthy();
  });
});
