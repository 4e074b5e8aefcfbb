import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import { familyRuleCategories, hasFamilyRule } from "@/lib/estimate/family-rule";
import { editAnchor, fieldForPath, fieldId, formQuery, isFormEdit, readForm, runEstimate, type BuildOutcome, type SearchParams } from "@/lib/estimate/form";
import { estimate, getPack, PACK_IDS } from "@/lib/policy";

/**
 * 浙江 001 二(三): a 低保 family's 兜底 is on the family's reasonable personal costs together, above the annual 低保
 * standard. Two members, each below the standard alone (12,000 and 10,000 left after the settled layers), above it
 * together (22,000): the family gets 22,000 − standard, where one person alone gets nothing.
 */
const family: SearchParams = {
  mode: "bill",
  policy: "zhejiang-district-2024",
  date: "2025-06-01",
  insurance: "resident",
  cat: "dibao",
  kind: "inpatient",
  facility: "county",
  total: "40000",
  basic: "20000",
  critical: "0",
  assistance: "8000",
  members: "2",
  "m2.insurance": "resident",
  "m2.cat": "dibao",
  "m2.age": "62",
  "m2.s1.kind": "inpatient",
  "m2.s1.facility": "city",
  "m2.s1.total": "30000",
  "m2.s1.basic": "15000",
  "m2.s1.critical": "0",
  "m2.s1.assistance": "5000",
};

function householdOutcome(outcome: BuildOutcome) {
  expect(outcome.ok && outcome.household).toBe(true);
  if (!outcome.ok || !outcome.household) throw new Error(`expected a household result: ${JSON.stringify(outcome)}`);
  return outcome;
}

function dibaoStandard(date: string): Decimal {
  const p = getPack("zhejiang-district-2024", date)!.parameters.find((x) => x.id === "dibao-annual")!;
  return new Decimal(p.value as string);
}

describe("which packs offer the family option", () => {
  test("浙江 marks its 低保 / 低边 兜底 as family-level (001 二(三)); no other pack has a family-level rule", () => {
    expect(familyRuleCategories("zhejiang-district-2024").sort()).toEqual(["dibao", "dibao-edge"]);
    expect(PACK_IDS.filter(hasFamilyRule)).toEqual(["zhejiang-district-2024"]);
    expect(hasFamilyRule("no-such-pack")).toBe(false);
  });
});

describe("the estimate form with household members", () => {
  test("浙江 低保 family: two members become one household request; 兜底 = pooled reasonable costs − 低保 standard (001 二(三))", () => {
    const outcome = householdOutcome(runEstimate(readForm(family), "zh-Hans"));
    const { members } = outcome.request.household;
    expect(members).toHaveLength(2);
    expect(members[0].person).toEqual({ insurance: "resident", categories: ["dibao"] });
    expect(members[1].person).toEqual({ insurance: "resident", categories: ["dibao"], age: 62 });
    expect(members[1].episodes).toEqual([
      {
        kind: "inpatient",
        facility: "city",
        inRegion: true,
        referred: true,
        designated: true,
        emergency: false,
        cause: "illness",
        total: "30000",
        settled: { basic: "15000", critical: "0", assistance: "5000" },
      },
    ]);
    // The page's figures are the module's, through the same request.
    const direct = estimate(outcome.request);
    expect(direct.status).toBe(200);
    expect(outcome.result).toEqual(direct.body);
    const expected = new Decimal(22000).minus(dibaoStandard("2025-06-01")).toFixed(2);
    expect(outcome.result.layers.find((l) => l.id === "backstop")?.paid).toBe(expected);
    // Each member alone stays below the standard: no 兜底 for either as one person.
    for (const m of members) {
      const alone = estimate({ policy: "zhejiang-district-2024", serviceDate: "2025-06-01", person: m.person, episodes: m.episodes });
      expect(alone.status === 200 && alone.body.layers.find((l) => l.id === "backstop")?.paid).toBe("0.00");
    }
  });

  test("the share query round-trips a household, and a one-person query has no member fields", () => {
    const v = readForm(family);
    expect(v.otherMembers).toHaveLength(1);
    const q = formQuery(v);
    expect(q).toContain("members=2");
    expect(q).toContain("m2.s1.total=30000");
    expect(readForm(Object.fromEntries(new URLSearchParams(q)))).toEqual(v);
    const single = { ...family };
    for (const k of Object.keys(single)) if (k === "members" || k.startsWith("m2.")) delete single[k];
    expect(readForm(single).otherMembers).toEqual([]);
    expect(formQuery(readForm(single))).not.toMatch(/(^|&)m\d|members=/);
  });

  test("再加一位家庭成员 copies the first member's insurance and categories and the care settings of their last bill, no amounts", () => {
    const sp = { ...family, members: undefined, addMember: "1" };
    expect(isFormEdit(sp)).toBe(true);
    const v = readForm(sp);
    expect(v.otherMembers).toHaveLength(1);
    expect(v.otherMembers[0]).toMatchObject({ insurance: "resident", cat: ["dibao"], age: "" });
    expect(v.otherMembers[0].stays).toHaveLength(1);
    expect(v.otherMembers[0].stays[0]).toMatchObject({ kind: "inpatient", facility: "county", total: "", basic: "", assistance: "" });
    expect(editAnchor(sp, v)).toBe("member-2");
    // The first member's figures are untouched.
    expect(v.stays[0]).toMatchObject({ total: "40000", basic: "20000" });
  });

  test("a member's own 再加一次住院 and 删除 act on that member's bills only; 删除 a member drops only them", () => {
    const added = readForm({ ...family, addStay: "m2" });
    expect(added.stays).toHaveLength(1);
    expect(added.otherMembers[0].stays.map((s) => [s.total, s.facility])).toEqual([
      ["30000", "city"],
      ["", "city"],
    ]);
    expect(editAnchor({ addStay: "m2" }, added)).toBe("m2-stay-2");
    const twoBills = { ...family, "m2.stays": "2", "m2.s2.total": "500" };
    const removed = readForm({ ...twoBills, removeStay: "m2.1" });
    expect(removed.otherMembers[0].stays.map((s) => s.total)).toEqual(["500"]);
    expect(removed.stays.map((s) => s.total)).toEqual(["40000"]);
    // A member's only bill cannot be removed; removing member 2 leaves the one-person form, whole.
    expect(readForm({ ...family, removeStay: "m2.1" }).otherMembers[0].stays).toHaveLength(1);
    const alone = readForm({ ...family, removeMember: "2" });
    expect(alone.otherMembers).toEqual([]);
    expect(alone.stays[0].total).toBe("40000");
    // Member 1 cannot be removed this way, and nonsense changes nothing.
    expect(readForm({ ...family, removeMember: "1" }).otherMembers).toHaveLength(1);
    expect(readForm({ ...family, removeMember: "x" }).otherMembers).toHaveLength(1);
  });

  test("bad input on the second member: codes on that member's own fields, every typed value kept", () => {
    const values = readForm({ ...family, "m2.insurance": "gold", "m2.age": "300", "m2.s1.total": "一万", "m2.s1.billDate": "2025-6-1" });
    const outcome = runEstimate(values, "zh-Hans");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      { field: "m2.insurance", code: "choice" },
      { field: "m2.age", code: "age" },
      { field: "m2.s1.billDate", code: "date" },
      { field: "m2.s1.total", code: "money" },
    ]);
    expect(values.otherMembers[0]).toMatchObject({ insurance: "gold", age: "300" });
    expect(values.otherMembers[0].stays[0]).toMatchObject({ total: "一万", billDate: "2025-6-1" });
    expect(values.stays[0].total).toBe("40000");
    // Ids for the error summary's links carry no dots.
    expect(fieldId("m2.s1.total")).toBe("f-m2-s1-total");
  });

  test("an empty bill for the second member is 'required' on its own total", () => {
    const outcome = runEstimate(readForm({ ...family, "m2.s1.total": "" }), "zh-Hans");
    expect(!outcome.ok && outcome.errors).toEqual([{ field: "m2.s1.total", code: "required" }]);
  });

  test("the module's translated message for a member's bill lands on that member's field, in the page's script", () => {
    const outcome = runEstimate(readForm({ ...family, "m2.s1.basic": "", "m2.s1.critical": "", "m2.s1.assistance": "", "m2.s1.selfFunded": "50000" }), "zh-Hant");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.field)).toEqual(["m2.s1.selfFunded"]);
    expect(outcome.errors[0].message).toMatch(/自費/);
  });

  test.each([
    ["household.members.0.episodes.0.total", "total"],
    ["household.members.0.episodes.1.settled.basic", "s2.basic"],
    ["household.members.0.person.age", "age"],
    ["household.members.1.person.categories.0", "m2.cat"],
    ["household.members.1.person.insurance", "m2.insurance"],
    ["household.members.1.episodes.0.selfFunded", "m2.s1.selfFunded"],
    ["household.members.2.episodes.1.date", "m3.s2.billDate"],
    ["household.members.1.episodes.0.settled.critical", "m2.s1.critical"],
  ] as const)("module path %s maps to field %s", (path, field) => {
    expect(fieldForPath(path)).toBe(field);
  });
});
