import { describe, expect, it } from "vitest";
import { type Case, ep, fail, layer, ok, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * 沈阳 2023 (seed 000_0b303ede956130ee.txt): pupils and young children, three layers, one-time 因病致贫 assistance,
 * referrals. Pack values: 居民医保 起付 基层 200 / 二级 600 / 三级 800 / 特三级 1,200, 比例 90 / 80 / 75 / 70 % (C),
 *   学生 起付 ×50 % (C), 封顶 150,000 (C);
 * 大病 起付 12,000, excess bands 5万以内 60 / 5–10万 65 / 10万+ 70 %, 不封顶; 特困/低保 起付 ×50 %, 比例 ≥ 70 % (ASSUMED, 辽宁 proxy);
 * 医疗救助 特困/低保 0 / 70 % / 20,000; 低边 2,000 / 60 % / 15,000; 因病致贫 (一次性) 7,000 / 50 % / 15,000 (ASSUMED, 盘锦 proxy).
 */
const D = "2024-03-01";
const S = ["student"];
const city = (total: string, over: Record<string, unknown> = {}) => ep({ facility: "city", total, ...over });

const cases: Case[] = [
  {
    name: "沈阳: 在读中小学生 — 起付线减半, then 大病 60% (六、1 三重制度)",
    // 三级 起付 800 × 50% = 400; (50000 − 400) × 75% = 37200; B1 12800; 大病 (12800 − 12000) × 60% = 480
    request: req("shenyang-2023", D, S, [city("50000.00")]),
    paid: { basic: "37200.00", critical: "480.00", assistance: "0.00" },
    personal: "12320.00",
  },
  {
    name: "沈阳: outside the target group — general rules, with a note (三、救助对象)",
    // (50000 − 800) × 75% = 36900; B1 13100; 大病 1100 × 60% = 660
    request: req("shenyang-2023", D, [], [city("50000.00")]),
    paid: { basic: "36900.00", critical: "660.00", assistance: "0.00" },
    personal: "12440.00",
    check: (r) => expect(r.assumptions.some((a) => a.text.includes("面向沈阳市在读中小学生和幼儿"))).toBe(true),
  },
  {
    name: "沈阳: 低保 pupil — 大病 起付 halved at 70%, 医疗救助 70% (六、1)",
    // 大病 (12800 − 6000) × 70% = 4760; B2 8040; 救助 5628; personal 2412
    request: req("shenyang-2023", D, ["student", "dibao"], [city("50000.00")]),
    paid: { basic: "37200.00", critical: "4760.00", assistance: "5628.00" },
    personal: "2412.00",
  },
  {
    name: "沈阳: 一次性因病致贫重病患者医疗救助 for a pupil who is not 特困/低保 (六、1)",
    // B2 12320; (12320 − 7000) × 50% = 2660
    request: req("shenyang-2023", D, ["student", "medical-poverty"], [city("50000.00")]),
    paid: { basic: "37200.00", critical: "480.00", assistance: "2660.00" },
    personal: "9660.00",
    check: (r) => expect(layer(r, "assistance").explanation).toContain("按一次性因病致贫重病患者医疗救助标准"),
  },
  {
    name: "沈阳: 低保边缘 pupil — 救助 起付 2,000 at 60% (六、4 低保边缘)",
    // (12320 − 2000) × 60% = 6192
    request: req("shenyang-2023", D, ["student", "dibao-edge"], [city("50000.00")]),
    paid: { basic: "37200.00", critical: "480.00", assistance: "6192.00" },
    personal: "6128.00",
  },
  {
    name: "沈阳: the 医疗救助 yearly limit (20,000) binds on a large bill",
    // 特三级 起付 1200 × 50% = 600; (300000 − 600) × 70% = 209580 → 150000; B1 150000;
    // 大病 (tilt) (150000 − 6000) × 70% = 100800; B2 49200; 救助 34440 → 20000
    request: req("shenyang-2023", D, ["student", "dibao"], [ep({ facility: "provincial", total: "300000.00" })]),
    paid: { basic: "150000.00", critical: "100800.00", assistance: "20000.00" },
    personal: "29200.00",
  },
  {
    name: "沈阳: emergency after a traffic accident — referrals to 疾病应急救助 and 意外伤害保险 (六、6; 六、2)",
    // 二级 起付 600 × 50% = 300; (5000 − 300) × 80% = 3760
    request: req("shenyang-2023", D, S, [ep({ emergency: true, cause: "traffic-accident", total: "5000.00" })]),
    paid: { basic: "3760.00", critical: "0.00", assistance: "0.00" },
    personal: "1240.00",
    check: (r) => {
      const p = r.referrals.map((x) => x.programme);
      expect(p).toContain("emergency-fund");
      expect(p).toContain("accident-insurance");
      expect(p).toContain("education-aid");
      expect(p).toContain("union-aid");
    },
  },
  {
    name: "沈阳: 普通门诊 — 大病 excluded",
    // 50% → 500 (= the 500 yearly limit); B1 500
    request: req("shenyang-2023", D, S, [city("1000.00", { kind: "outpatient" })]),
    paid: { basic: "500.00", critical: "0.00", assistance: "0.00" },
    personal: "500.00",
    excluded: [[0, "outpatient"]],
  },
  {
    name: "沈阳: a pupil not enrolled in 居民医保 — 救助 on the whole in-policy cost, referral to 资助参保 (六、2)",
    request: req("shenyang-2023", D, ["student", "dibao"], [city("10000.00")], { insurance: "none" }),
    paid: { basic: "0.00", critical: "0.00", assistance: "7000.00" },
    personal: "3000.00",
    excluded: [[0, "uninsured"]],
    check: (r) => expect(r.referrals.find((x) => x.programme === "resident-insurance-subsidy")?.explanation).toContain("没有参保"),
  },
  {
    name: "沈阳: two stays — 大病 threshold once, 救助 threshold once (年度累计)",
    // each 37200 / B1 12800; 大病 cum 25600 − 12000 = 13600 × 60% = 8160; B2 total 17440;
    // 救助 (17440 − 7000) × 50% = 5220; personal 100000 − 74400 − 8160 − 5220 = 12220
    request: req("shenyang-2023", D, ["student", "medical-poverty"], [city("50000.00"), city("50000.00")]),
    paid: { basic: "74400.00", critical: "8160.00", assistance: "5220.00" },
    personal: "12220.00",
  },
];

describe("沈阳 2023 (shenyang-2023)", () => {
  runCases(cases, it, expect);

  it("沈阳: the referral list of seed 000 for a pupil whose family still pays", () => {
    const r = ok(req("shenyang-2023", D, S, [city("50000.00")]));
    expect(r.referrals.map((x) => x.programme)).toEqual([
      "one-time-medical-poverty",
      "temporary-relief",
      "dibao-application",
      "education-aid",
      "union-aid",
      "charity",
    ]);
    expect(r.referrals[1].explanation).toContain("沈阳低保 793.00 元/月，最多约 10 个月，约 7,930.00 元");
  });

  it("沈阳: zh-Hant referral text", () => {
    const r = ok(req("shenyang-2023", D, S, [city("50000.00")], { locale: "zh-Hant" }));
    expect(r.referrals.find((x) => x.programme === "education-aid")?.explanation).toBe("在校期間可按學生資助政策申請補助資金、減免學雜費（方案 六、5）。");
  });

  it("沈阳: an unknown category is an error naming the valid ones", () => {
    const e = fail(req("shenyang-2023", D, ["pupil"], [city("50000.00")]));
    expect(e.code).toBe("invalid-request");
    expect(e.issues[0].path).toBe("person.categories.0");
    expect(e.issues[0].message).toContain("student");
  });
});
