import { describe, expect, it } from "vitest";
import { type Case, ep, fail, layer, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * 国办发〔2021〕42号 national framework. Thresholds follow the prior-year national per-capita disposable income
 * (2023: 39,218 [A] → used from 2024-01-01; 2024: 41,314 [A] → from 2025-01-01):
 * 大病 起付 50 % = 19,609 (2024), 60 %, 封顶 300,000 (ASSUMED); 特困/低保 起付 ×50 %, +5 pts, 不封顶;
 * 医疗救助 特困/低保 无起付 70 %; 低边 10 % = 3,921.80, 60 %; 因病致贫 25 % = 9,804.50, 50 %; 限额 50,000 (ASSUMED);
 * 倾斜救助 above 15,000 at 50 %, 限额 20,000 (ASSUMED). 居民医保 三级 800 / 65 %, 省级 1,000 / 60 %, 封顶 150,000 (ASSUMED).
 */
const D = "2024-03-01";
const city = (total: string, over: Record<string, unknown> = {}) => ep({ facility: "city", total, ...over });

const cases: Case[] = [
  {
    name: "国家: 大病保险 起付线 = 50% of the prior-year income (19,609), 60% above it",
    // 基本 99200 × 65% = 64480; B1 35520; 大病 (35520 − 19609) × 60% = 9546.60
    request: req("national-2021", D, [], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "9546.60", assistance: "0.00", tilted: "0.00" },
    personal: "25973.40",
  },
  {
    name: "国家: 低保 — 大病 起付 −50%, +5 pts (half a fen up), 医疗救助 70% without 起付",
    // 大病 (35520 − 9804.50) × 65% = 16715.075 → 16715.08; B2 18804.92; 救助 × 70% = 13163.444 → 13163.44
    request: req("national-2021", D, ["dibao"], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "16715.08", assistance: "13163.44", tilted: "0.00" },
    personal: "5641.48",
  },
  {
    name: "国家: the 2025 thresholds follow the 2024 income 41,314 (大病 起付 20,657)",
    // (35520 − 20657) × 60% = 8917.80
    request: req("national-2021", "2025-03-01", [], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "8917.80", assistance: "0.00", tilted: "0.00" },
    personal: "26602.20",
    check: (r) => expect(layer(r, "critical").deductible).toBe("20657.00"),
  },
  {
    name: "国家: 低保边缘 — 救助 起付 10% of income (3,921.80), 60%",
    // B2 25973.40; (25973.40 − 3921.80) × 60% = 13230.96
    request: req("national-2021", D, ["dibao-edge"], [city("100000.00")]),
    paid: { basic: "64480.00", critical: "9546.60", assistance: "13230.96", tilted: "0.00" },
    personal: "12742.44",
  },
  {
    name: "国家: 因病致贫重病患者 — 起付 25% (9,804.50), 50%, then 倾斜救助 (规范转诊且在省域内就医)",
    // 省级: 基本 (300000 − 1000) × 60% = 179400 → 150000; B1 150000; 大病 (150000 − 19609) × 60% = 78234.60;
    // B2 71765.40; 救助 (71765.40 − 9804.50) × 50% = 30980.45; B3 40784.95; 倾斜 (40784.95 − 15000) × 50% = 12892.475 → 12892.48
    request: req("national-2021", D, ["medical-poverty"], [ep({ facility: "provincial", total: "300000.00" })]),
    paid: { basic: "150000.00", critical: "78234.60", assistance: "30980.45", tilted: "12892.48" },
    personal: "27892.47",
  },
  {
    name: "国家: out of region without referral — no 倾斜救助",
    // 基本 299000 × 40% = 119600; B1 180400; 大病 (180400 − 19609) × 60% = 96474.60; B2 83925.40;
    // 救助 (83925.40 − 9804.50) × 50% = 37060.45; 倾斜 excluded
    request: req("national-2021", D, ["medical-poverty"], [ep({ facility: "provincial", inRegion: false, referred: false, total: "300000.00" })]),
    paid: { basic: "119600.00", critical: "96474.60", assistance: "37060.45", tilted: "0.00" },
    personal: "46864.95",
    excluded: [[0, "out-of-region-unreferred"]],
  },
  {
    name: "国家: 境外就医 — nothing is paid (社会保险法 第三十条)",
    request: req("national-2021", D, ["dibao"], [ep({ cause: "abroad", total: "10000.00" })]),
    paid: { basic: "0.00", critical: "0.00", assistance: "0.00", tilted: "0.00" },
    personal: "10000.00",
    excluded: [[0, "abroad"]],
    check: (r) => expect(r.excluded[0].explanation).toBe("第 1 次就医在境外（含港澳台地区）就医，按规定不纳入基本医保统筹支付、大病保险、医疗救助、倾斜救助。"),
  },
  {
    name: "国家: 整形美容 — not covered; only layers the person could get are listed",
    request: req("national-2021", D, [], [ep({ cause: "cosmetic", total: "10000.00" })]),
    paid: { basic: "0.00", critical: "0.00", assistance: "0.00", tilted: "0.00" },
    personal: "10000.00",
    excluded: [[0, "cosmetic"]],
    check: (r) => expect(r.excluded[0].explanation).toContain("不纳入基本医保统筹支付、大病保险。"),
  },
  {
    name: "国家: two stays share the 基本医保 cap (150,000) and the 大病 threshold",
    // stay 1: 199000 × 60% = 119400; stay 2: capped at 150000 − 119400 = 30600; B1 80600 + 169400 = 250000;
    // 大病 (250000 − 19609) × 60% = 138234.60; personal 400000 − 150000 − 138234.60 = 111765.40
    request: req("national-2021", D, [], [ep({ facility: "provincial", total: "200000.00" }), ep({ facility: "provincial", total: "200000.00" })]),
    paid: { basic: "150000.00", critical: "138234.60", assistance: "0.00", tilted: "0.00" },
    personal: "111765.40",
  },
  {
    name: "国家: a stay left out of 倾斜救助 adds nothing to its base and takes nothing from the other stay (contract v2)",
    // stay 1 三级 100000: 基本 64480, B1 35520; stay 2 三级 50000 unreferred: 基本 49200 × 45% = 22140, B1 27860;
    // 大病 cum 63380: stay 1 (35520 − 19609) × 60% = 9546.60, stay 2 (63380 − 19609) × 60% − 9546.60 = 16716;
    // 救助: stay 1 (25973.40 − 9804.50) × 50% = 8084.45; stay 2 13656.45 − 8084.45 = 5572;
    // 倾斜 base = stay 1's 17888.95 only: (17888.95 − 15000) × 50% = 1444.475 → 1444.48; personal 22016.47
    request: req("national-2021", D, ["medical-poverty"], [city("100000.00"), city("50000.00", { inRegion: false, referred: false })]),
    paid: { basic: "86620.00", critical: "26262.60", assistance: "13656.45", tilted: "1444.48" },
    personal: "22016.47",
    excluded: [[1, "out-of-region-unreferred"]],
    check: (r) => {
      expect(layer(r, "tilted").explanation).toContain("第 2 次就医不计入倾斜救助");
      expect(r.episodes.map((e) => e.paid.tilted)).toEqual(["1444.48", "0.00"]);
    },
  },
];

describe("国家框架 (national-2021)", () => {
  runCases(cases, it, expect);

  it("国家: a settled layer the pack does not have is an error", () => {
    const e = fail(req("national-2021", D, [], [ep({ settled: { waiver: "10.00" } })]));
    expect(e.code).toBe("invalid-request");
    expect(e.issues).toEqual([
      { path: "episodes.0.settled.waiver", message: "本政策没有“医疗机构减免”（waiver）这一层，不能填写 settled.waiver。本政策的层有：basic, critical, assistance, tilted。" },
    ]);
  });

  it("国家: 自费 above the total is an error, in Traditional script when asked", () => {
    const e = fail(req("national-2021", D, [], [ep({ total: "100.00", selfFunded: "200.00" })], { locale: "zh-Hant" }));
    expect(e.issues[0]).toEqual({
      path: "episodes.0.selfFunded",
      message: "自費金額 200.00 元大於醫療總費用 100.00 元。自費是總費用的一部分，請核對這兩項金額。",
    });
    expect(e.message).toBe("請求有 1 處問題，請按下面的說明修改後重新提交。");
  });
});
