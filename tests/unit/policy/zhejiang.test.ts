import { describe, expect, it } from "vitest";
import { type Case, ep, fail, layer, ok, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * 浙江某区 2024 (seed 001_4944bcf01098943c.txt, 二(三) 保障标准). Pack values:
 * 居民医保 住院 起付 社区 300 / 二级 500 / 三级 800, 比例 80 / 75 / 70 % (杭州主城区 2020, B), 封顶 300,000 (ASSUMED);
 * 大病 起付 20,000, 超过部分 10万以内 60 % / 以上 70 % (ASSUMED), 特困/低保 起付 ×50 %、+5 pts、不封顶 (RECALLED);
 * 医疗救助 特困 100 %、低保 70 %、低边 60 % (无起付)、因病致困 50 % (起付 15,957.50), 限额 80,000 (浙江 2014/2019, A);
 * 兜底: 特困 全额; 低保 > 低保年标准 15,108 (1,259 × 12); 低边 > 30,216 (2 × 低保); 因病致困 > 74,997 (城镇居民人均可支配收入).
 * 兜底 counts the in-policy personal part only (ASSUMED: 自费 not in 合理医疗费用).
 */
const D = "2024-07-01";
const slip = (basic: string) => ({ basic, critical: "0.00", assistance: "0.00" });

const cases: Case[] = [
  {
    name: "浙江: 特困 — 合理医疗费用全额兜底 after 医疗救助 reaches its 80,000 limit (二(三))",
    // 三级 900000: 基本 (900000 − 800) × 70% = 629440 → 封顶 300000; B1 600000;
    // 大病 (特困): 起付 10000, excess 590000 = 100000 × 65% + 490000 × 75% = 432500; B2 167500;
    // 救助 100% → limit 80000; B3 87500; 兜底 全额 87500; personal 0
    request: req("zhejiang-district-2024", D, ["tekun"], [ep({ facility: "city", total: "900000.00" })]),
    paid: { basic: "300000.00", critical: "432500.00", assistance: "80000.00", backstop: "87500.00" },
    personal: "0.00",
    check: (r) => {
      expect(layer(r, "basic").explanation).toContain("受年度最高支付限额 300,000.00 元限制");
      expect(layer(r, "critical").cap).toBeUndefined();
    },
  },
  {
    name: "浙江: 低保 below the 低保年标准 gets no 兜底 (二(三))",
    // 三级 100000: 基本 99200 × 70% = 69440; B1 30560; 大病 (30560 − 10000) × 65% = 13364; B2 17196;
    // 救助 17196 × 70% = 12037.20; B3 5158.80 < 15108 → 0
    request: req("zhejiang-district-2024", D, ["dibao"], [ep({ facility: "city", total: "100000.00" })]),
    paid: { basic: "69440.00", critical: "13364.00", assistance: "12037.20", backstop: "0.00" },
    personal: "5158.80",
    ratio: "0.0516",
  },
  {
    name: "浙江: 低保 — 兜底 of the part above 低保年标准 15,108, the standard counted once across two stays (二(三))",
    // each stay: settled 基本 10000, 大病 0, 救助 0 → in-policy personal 20000 each;
    // stay 1: 20000 − 15108 = 4892; stay 2: 40000 − 15108 = 24892 → 20000 more; personal 60000 − 20000 − 24892 = 15108
    request: req("zhejiang-district-2024", D, ["dibao"], [
      ep({ total: "30000.00", settled: slip("10000.00") }),
      ep({ total: "30000.00", settled: slip("10000.00") }),
    ]),
    paid: { basic: "20000.00", critical: "0.00", assistance: "0.00", backstop: "24892.00" },
    personal: "15108.00",
    check: (r) => expect(layer(r, "backstop").deductible).toBe("15108.00"),
  },
  {
    name: "浙江: 低保边缘 — part above the 低边年标准 30,216 (2 × 低保) (二(三))",
    // in-policy personal 100000 − 40000 = 60000; 60000 − 30216 = 29784
    request: req("zhejiang-district-2024", D, ["dibao-edge"], [ep({ total: "100000.00", settled: slip("40000.00") })]),
    paid: { basic: "40000.00", critical: "0.00", assistance: "0.00", backstop: "29784.00" },
    personal: "30216.00",
  },
  {
    name: "浙江: 因病致困 — part above the prior-year urban per-capita disposable income 74,997 (二(三)); 惠民医院 referral (三(五))",
    // 200000 − 50000 = 150000; 150000 − 74997 = 75003
    request: req("zhejiang-district-2024", D, ["medical-poverty"], [ep({ total: "200000.00", settled: slip("50000.00") })]),
    paid: { basic: "50000.00", critical: "0.00", assistance: "0.00", backstop: "75003.00" },
    personal: "74997.00",
    check: (r) => {
      expect(r.referrals.map((x) => x.programme)).toContain("hospital-waiver");
      expect(r.assumptions.some((a) => a.text.includes("申请认定"))).toBe(true);
    },
  },
  {
    name: "浙江: 自费 outside the 合理医疗费用 base — 特困 still pays the 目录外 part (assumption, 二(二))",
    // in-policy 7000 − settled 5000 = 2000 → 全额兜底 2000; personal = 自费 3000
    request: req("zhejiang-district-2024", D, ["tekun"], [ep({ total: "10000.00", selfFunded: "3000.00", settled: slip("5000.00") })]),
    paid: { basic: "5000.00", critical: "0.00", assistance: "0.00", backstop: "2000.00" },
    personal: "3000.00",
    check: (r) => expect(r.assumptions.some((a) => a.text.includes("不含目录外自费"))).toBe(true),
  },
  {
    name: "浙江: 兜底 only at 定点医药机构 — an emergency at a non-designated hospital gets none, and is not told it was no emergency (二(二))",
    request: req("zhejiang-district-2024", D, ["dibao"], [ep({ designated: false, emergency: true, total: "60000.00", settled: slip("20000.00") })]),
    paid: { basic: "20000.00", critical: "0.00", assistance: "0.00", backstop: "0.00" },
    personal: "40000.00",
    excluded: [[0, "non-designated-emergency"]],
    check: (r) => {
      expect(r.excluded[0].explanation).toBe("第 1 次就医在非定点医疗机构急诊抢救（兜底只计在定点医药机构发生的费用），按规定不纳入兜底保障。");
      expect(r.excluded[0].explanation).not.toContain("不是急诊抢救");
      expect(layer(r, "backstop").explanation).not.toContain("不是急诊抢救");
    },
  },
  {
    name: "浙江: an ordinary resident gets 基本医保 only, and is told about 因病致困 recognition",
    // 二级: (10000 − 500) × 75% = 7125; B1 2875 < 20000
    request: req("zhejiang-district-2024", D, [], [ep({ total: "10000.00" })]),
    paid: { basic: "7125.00", critical: "0.00", assistance: "0.00", backstop: "0.00" },
    personal: "2875.00",
    check: (r) => expect(r.referrals.map((x) => x.programme)).toEqual(["supplementary-insurance", "temporary-relief", "charity", "assistance-recognition"]),
  },
  {
    name: "浙江: from 2025-01-23 the 低保 standard is 1,301/month → 低保年标准 15,612",
    request: req("zhejiang-district-2024", "2025-02-01", ["dibao"], [ep({ total: "60000.00", settled: slip("20000.00") })]),
    paid: { basic: "20000.00", critical: "0.00", assistance: "0.00", backstop: "24388.00" },
    personal: "15612.00",
  },
  {
    name: "浙江: 大病保险 rounds half a fen up once (0.10 × 65% = 0.065 → 0.07)",
    // in-policy 15000.10 − 5000 = 10000.10; 大病 (10000.10 − 10000) × 65% = 0.065 → 0.07; B2 10000.03;
    // 救助 70% = 7000.021 → 7000.02; B3 3000.01 < 15108
    request: req("zhejiang-district-2024", D, ["dibao"], [ep({ facility: "city", total: "15000.10", settled: { basic: "5000.00" } })]),
    paid: { basic: "5000.00", critical: "0.07", assistance: "7000.02", backstop: "0.00" },
    personal: "3000.01",
  },
  {
    name: "浙江: 普通门诊 counts for 医疗救助 but not for 大病保险",
    // 三级 普通门诊 3000: 起付 300 (yearly), 50% → 1350 (< 2000 limit); B1 1650; 大病 excluded; 特困 救助 100% → 1650
    request: req("zhejiang-district-2024", D, ["tekun"], [ep({ kind: "outpatient", facility: "city", total: "3000.00" })]),
    paid: { basic: "1350.00", critical: "0.00", assistance: "1650.00", backstop: "0.00" },
    personal: "0.00",
    excluded: [[0, "outpatient"]],
  },
];

describe("浙江某区 2024 (zhejiang-district-2024)", () => {
  runCases(cases, it, expect);

  it("浙江: zh-Hant explanation of the 低保 兜底", () => {
    const r = ok(req("zhejiang-district-2024", D, ["dibao"], [ep({ total: "60000.00", settled: slip("20000.00") })], { locale: "zh-Hant" }));
    expect(layer(r, "backstop").explanation).toBe(
      "按低保對象標準，本年度個人承擔的合理醫療費用 40,000.00 元，超過低保年標準 15,108.00 元的部分兜底，支付 24,892.00 元。",
    );
  });

  it("浙江: the plan starts on 2024-06-10 — an earlier date has no version in force", () => {
    const e = fail(req("zhejiang-district-2024", "2024-06-09", ["dibao"], [ep()]));
    expect(e.code).toBe("no-version-in-force");
    expect(e.message).toContain("2024-06-10 起");
  });
});
