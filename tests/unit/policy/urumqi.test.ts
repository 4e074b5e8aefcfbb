import { describe, expect, it } from "vitest";
import { type Case, ep, layer, ok, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * 乌鲁木齐 2023 (seed 002_ba69b2bb2d4c1a9e.txt): four categories, cost-based (no disease list), 倾斜救助.
 * Pack values: 居民医保 比例 一级 90 / 二级 80 / 三级 65 % (C), 起付 三级 800 (ASSUMED), 封顶 200,000 (ASSUMED);
 * 大病 起付 15,000, cumulative bands 1.5–5万 60 / 5–10万 65 / 10–20万 70 / 20万+ 75 % (C), 不设封顶 (B),
 *   特困/低保 起付 ×50 % +5 pts (RECALLED);
 * 医疗救助 一类 0 / 80 % / 60,000; 二类 0 / 75 % / 60,000; 三类 4,480.50 / 60 % / 40,000; 四类 11,201.25 / 50 % / 30,000;
 * 倾斜救助 above 15,000: 70 / 65 / 60 / 50 %, 年度限额 30,000 (ASSUMED, seed: +5–10 pts).
 */
const D = "2024-03-01";
const city = (total: string, over: Record<string, unknown> = {}) => ep({ facility: "city", total, ...over });

const cases: Case[] = [
  {
    name: "乌鲁木齐: ordinary resident — 大病保险 on the cumulative band 1.5–5万 at 60%",
    // 基本 (100000 − 800) × 65% = 64480; B1 35520; 大病 (35520 − 15000) × 60% = 12312; personal 23208
    request: req("urumqi-2023", D, [], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "12312.00", assistance: "0.00", tilted: "0.00" },
    personal: "23208.00",
  },
  {
    name: "乌鲁木齐: 大病保险 crosses three cumulative bands, no cap (不设最高支付限额)",
    // 基本 299200 × 65% = 194480; B1 105520; 大病 35000 × 60% + 50000 × 65% + 5520 × 70% = 21000 + 32500 + 3864 = 57364
    request: req("urumqi-2023", D, [], [city("300000.00")]),
    paid: { basic: "194480.00", critical: "57364.00", assistance: "0.00", tilted: "0.00" },
    personal: "48156.00",
    check: (r) => expect(layer(r, "critical").cap).toBeUndefined(),
  },
  {
    name: "乌鲁木齐: 第二类 低保 — 大病 tilt and 医疗救助 75% (三(一))",
    // B1 35520; 大病 (35520 − 7500) × 65% = 18213; B2 17307; 救助 × 75% = 12980.25; B3 4326.75 < 15000 → 倾斜 0
    request: req("urumqi-2023", D, ["dibao"], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "18213.00", assistance: "12980.25", tilted: "0.00" },
    personal: "4326.75",
  },
  {
    name: "乌鲁木齐: 第一类 特困 — 救助 limit 60,000, then 倾斜救助 70% above 15,000 (三(三))",
    // 省级 600000: 基本 → cap 200000; B1 400000; 大病 (tilt) 42500 × 65% + 50000 × 70% + 100000 × 75% + 200000 × 80%
    // = 27625 + 35000 + 75000 + 160000 = 297625; B2 102375; 救助 80% = 81900 → 60000; B3 42375;
    // 倾斜 (42375 − 15000) × 70% = 19162.50; personal 23212.50
    request: req("urumqi-2023", D, ["tekun"], [ep({ facility: "provincial", total: "600000.00" })]),
    paid: { basic: "200000.00", critical: "297625.00", assistance: "60000.00", tilted: "19162.50" },
    personal: "23212.50",
  },
  {
    name: "乌鲁木齐: 第三类 低保边缘 — 救助 起付 4,480.50 (10% of income), 60% (三(一))",
    // B2 = 35520 − 12312 = 23208; 救助 (23208 − 4480.50) × 60% = 11236.50; B3 11971.50
    request: req("urumqi-2023", D, ["dibao-edge"], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "12312.00", assistance: "11236.50", tilted: "0.00" },
    personal: "11971.50",
  },
  {
    name: "乌鲁木齐: 农村易返贫致贫人口 is in the third category with 低保边缘 (三(一))",
    request: req("urumqi-2023", D, ["at-risk"], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "12312.00", assistance: "11236.50", tilted: "0.00" },
    personal: "11971.50",
  },
  {
    name: "乌鲁木齐: 第四类 因病致贫重病患者 — 救助 rounds half a fen up, then 倾斜救助 50% (三(一), 三(三))",
    // 救助 (23208 − 11201.25) × 50% = 6003.375 → 6003.38; B3 17204.62; 倾斜 (17204.62 − 15000) × 50% = 1102.31
    request: req("urumqi-2023", D, ["medical-poverty"], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "12312.00", assistance: "6003.38", tilted: "1102.31" },
    personal: "16102.31",
  },
  {
    name: "乌鲁木齐: out of region without referral — rate −20 pts, no 医疗救助 or 倾斜救助 (三(五) 按规定转诊)",
    // 基本 99200 × 45% = 44640; B1 55360; 大病 (tilt) 42500 × 65% + 5360 × 70% = 27625 + 3752 = 31377
    request: req("urumqi-2023", D, ["dibao"], [city("100000.00", { inRegion: false, referred: false })]),
    paid: { basic: "44640.00", critical: "31377.00", assistance: "0.00", tilted: "0.00" },
    personal: "23983.00",
    excluded: [[0, "out-of-region-unreferred"]],
    check: (r) => expect(r.excluded[0].explanation).toBe("第 1 次就医在参保地以外就医且没有办理转诊，按规定不纳入医疗救助、倾斜救助。"),
  },
  {
    name: "乌鲁木齐: out of region with referral — rate −5 pts, 救助 applies",
    // 基本 99200 × 60% = 59520; B1 40480; 大病 (40480 − 7500) × 65% = 21437; B2 19043; 救助 75% = 14282.25
    request: req("urumqi-2023", D, ["dibao"], [city("100000.00", { inRegion: false, referred: true })]),
    paid: { basic: "59520.00", critical: "21437.00", assistance: "14282.25", tilted: "0.00" },
    personal: "4760.75",
  },
  {
    name: "乌鲁木齐: two stays share the year's 基本 cap, 大病 bands, 救助 limit and 倾斜 limit",
    // stay 1: 基本 194480; stay 2: cap left 5520; B1 105520 + 294480 = 400000;
    // 大病 cumulative to 400000: 21000 + 32500 + 70000 + 150000 = 273500; B2 126500;
    // 救助 (126500 − 11201.25) × 50% = 57649.375 → limit 30000; B3 96500; 倾斜 (96500 − 15000) × 50% = 40750 → 30000
    request: req("urumqi-2023", D, ["medical-poverty"], [city("300000.00"), city("300000.00")]),
    paid: { basic: "200000.00", critical: "273500.00", assistance: "30000.00", tilted: "30000.00" },
    personal: "66500.00",
  },
];

describe("乌鲁木齐 2023 (urumqi-2023)", () => {
  runCases(cases, it, expect);

  it("乌鲁木齐: zh-Hant explanation (the seed itself is in Traditional script)", () => {
    const r = ok(req("urumqi-2023", D, [], [city("100000.00")], { locale: "zh-Hant" }));
    expect(layer(r, "basic").explanation).toBe("醫保按政策範圍內費用 100,000.00 元，扣除起付線 800.00 元後報銷 65%，支付 64,480.00 元。");
    expect(layer(r, "tilted").name).toBe("傾斜救助");
  });

  it("乌鲁木齐: 特困 / 低保 referred after 基层首诊 to a designated hospital in 乌鲁木齐 are offered 先诊疗后付费 (三(五))", () => {
    const r = ok(req("urumqi-2023", D, ["dibao"], [city("100000.00", { referred: true })]));
    expect(r.referrals[0].programme).toBe("pay-after-treatment");
    expect(r.referrals[0].explanation).toContain("先诊疗后付费");
  });

  it.each([
    ["without a referral after 基层首诊", ["dibao"], { referred: false }],
    ["outside 乌鲁木齐", ["dibao"], { referred: true, inRegion: false }],
    ["at a non-designated hospital (even in an emergency)", ["tekun"], { referred: true, designated: false, emergency: true }],
    ["for a 低保边缘 family", ["dibao-edge"], { referred: true }],
  ])("乌鲁木齐: 先诊疗后付费 is not offered %s (三(五))", (_label, categories, over) => {
    const r = ok(req("urumqi-2023", D, categories, [city("100000.00", over)]));
    expect(r.referrals.map((x) => x.programme)).not.toContain("pay-after-treatment");
  });
});
