import { describe, expect, it } from "vitest";
import { type Case, ep, fail, layer, ok, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * 内蒙古 2018 (seed 003_ef55cf217fa7e5d6.txt, 五、扎实做好医疗救助工作): 医疗救助 ≥ 70 % for 低保 / 建档立卡,
 * ≥ 50 % for 低收入 / 因病致贫 (estimated at the floor). Other values ASSUMED: 居民医保 起付 县 500 / 省 1,200,
 * 比例 75 / 60 %, 封顶 150,000; 大病 起付 14,000 (2020 value), 60 %, 特困/低保/建档立卡 起付 ×50 % +5 pts;
 * 救助 无起付, 限额 30,000.
 */
const D = "2018-06-01";

const cases: Case[] = [
  {
    name: "内蒙古: 低保 — 医疗救助 70% of the personal compliant cost, rounded half up (五)",
    // 县级 30000: 基本 29500 × 75% = 22125; B1 7875; 大病 (7875 − 7000) × 65% = 568.75; B2 7306.25;
    // 救助 7306.25 × 70% = 5114.375 → 5114.38; personal 2191.87
    request: req("inner-mongolia-2018", D, ["dibao"], [ep({ total: "30000.00" })]),
    paid: { basic: "22125.00", critical: "568.75", assistance: "5114.38" },
    personal: "2191.87",
    ratio: "0.0731",
  },
  {
    name: "内蒙古: 建档立卡贫困人口 — same 70% as 低保 (五)",
    request: req("inner-mongolia-2018", D, ["poverty-registered"], [ep({ total: "30000.00" })]),
    paid: { basic: "22125.00", critical: "568.75", assistance: "5114.38" },
    personal: "2191.87",
  },
  {
    name: "内蒙古: 低收入救助对象 — 50% (五)",
    // B1 7875 < 14000 → 大病 0; 救助 7875 × 50% = 3937.50
    request: req("inner-mongolia-2018", D, ["low-income"], [ep({ total: "30000.00" })]),
    paid: { basic: "22125.00", critical: "0.00", assistance: "3937.50" },
    personal: "3937.50",
  },
  {
    name: "内蒙古: 因病致贫救助对象 — 50%, recognition assumed (五)",
    request: req("inner-mongolia-2018", D, ["medical-poverty"], [ep({ total: "30000.00" })]),
    paid: { basic: "22125.00", critical: "0.00", assistance: "3937.50" },
    personal: "3937.50",
    check: (r) => expect(r.assumptions.some((a) => a.text.includes("申请认定"))).toBe(true),
  },
  {
    name: "内蒙古: 特困 — at least the 低保 rate (国办发〔2015〕30号 70% floor)",
    request: req("inner-mongolia-2018", D, ["tekun"], [ep({ total: "30000.00" })]),
    paid: { basic: "22125.00", critical: "568.75", assistance: "5114.38" },
    personal: "2191.87",
  },
  {
    name: "内蒙古: 基本医保 cap and the yearly 医疗救助 limit both bind",
    // 省级 300000: 基本 (300000 − 1200) × 60% = 179280 → 150000; B1 150000;
    // 大病 (150000 − 7000) × 65% = 92950; B2 57050; 救助 39935 → limit 30000; personal 27050
    request: req("inner-mongolia-2018", D, ["dibao"], [ep({ facility: "provincial", total: "300000.00" })]),
    paid: { basic: "150000.00", critical: "92950.00", assistance: "30000.00" },
    personal: "27050.00",
    check: (r) => {
      expect(layer(r, "assistance").cap).toBe("30000.00");
      expect(layer(r, "assistance").explanation).toContain("已达到年度救助限额 30,000.00 元");
    },
  },
  {
    name: "内蒙古: no category — 基本医保 only, 医疗救助 'not eligible' (distinct from ¥0)",
    request: req("inner-mongolia-2018", D, [], [ep({ total: "30000.00" })]),
    paid: { basic: "22125.00", critical: "0.00", assistance: "0.00" },
    personal: "7875.00",
    check: (r) => expect(layer(r, "assistance").explanation).toContain("只适用于"),
  },
  {
    name: "内蒙古: 职工医保 — 大病 layer not estimated, 救助 on what is left",
    // 职工 县级 (30000 − 400) × 88% = 26048; B1 3952; 救助 3952 × 70% = 2766.40
    request: req("inner-mongolia-2018", D, ["dibao"], [ep({ total: "30000.00" })], { insurance: "employee" }),
    paid: { basic: "26048.00", critical: "0.00", assistance: "2766.40" },
    personal: "1185.60",
    check: (r) => expect(r.assumptions.some((a) => a.text.includes("大额医疗费用补助"))).toBe(true),
  },
  {
    name: "内蒙古: 普通门诊 — 大病 excluded, 救助 still applies",
    // 门诊 500: 50% → 250; B1 250; 救助 175
    request: req("inner-mongolia-2018", D, ["dibao"], [ep({ kind: "outpatient", total: "500.00" })]),
    paid: { basic: "250.00", critical: "0.00", assistance: "175.00" },
    personal: "75.00",
    excluded: [[0, "outpatient"]],
  },
  {
    name: "内蒙古: 未参保 — no 医保, 医疗救助 on the whole in-policy cost; referral to 资助参保",
    request: req("inner-mongolia-2018", D, ["dibao"], [ep({ total: "10000.00" })], { insurance: "none" }),
    paid: { basic: "0.00", critical: "0.00", assistance: "7000.00" },
    personal: "3000.00",
    excluded: [[0, "uninsured"]],
    check: (r) => expect(r.referrals.map((x) => x.programme)).toContain("resident-insurance-subsidy"),
  },
];

describe("内蒙古 2018 (inner-mongolia-2018)", () => {
  runCases(cases, it, expect);

  it("内蒙古: 低保 family with a seriously ill member — referral to the +30% 低保 top-up (二)", () => {
    const r = ok(req("inner-mongolia-2018", D, ["dibao"], [ep({ total: "30000.00" })]));
    const top = r.referrals.find((x) => x.programme === "dibao-top-up");
    expect(top?.explanation).toBe("低保家庭中的重病患者，可申请按不超过当地低保标准 30% 的比例提高低保补助（通知 二）。");
  });

  it("内蒙古: the 2018 standards do not cover 2019", () => {
    expect(fail(req("inner-mongolia-2018", "2019-01-01", ["dibao"], [ep()])).code).toBe("no-version-in-force");
  });
});
