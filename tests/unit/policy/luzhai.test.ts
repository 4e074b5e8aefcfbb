import { describe, expect, it } from "vitest";
import { type Case, ep, fail, layer, ok, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * 鹿寨县 2018 (seed 004_e10591e9d58431be.txt). Pack values used below:
 * 居民医保 住院 起付 乡镇 100 / 县 300 / 市 600 (ASSUMED), 比例 90 / 75 / 60 % (C),
 *   建档立卡 +5 pts (大病集中救治一批 三(四)2);
 * 大病 起付 12,000 (建档立卡 ×50 % = 6,000), 超过部分 0–4万 60 % / 4–6万 70 % / 6万+ 80 %
 *   (建档立卡 +10 pts), 封顶 300,000 (ASSUMED, proxy 桂林 2020);
 * 医疗救助 建档立卡 / 低保 / 特困 无起付 70 %, 限额 30,000 (ASSUMED / 国办发〔2015〕30号);
 * 兜底 = 住院总费用 × 90 % − 已报销 (五(一)); 乡镇卫生院 50 % + 50 % (五(二)).
 */
const D = "2018-09-01";
const P = ["poverty-registered"];

const cases: Case[] = [
  {
    name: "鹿寨: 住院总费用 × 90% − 已报销 = 兜底, with 自费 counted in the total (重病兜底保障一批 五(一))",
    // I = 20000 − 5000 = 15000; 基本 (15000 − 300) × (75% + 5%) = 11760; B1 = 3240 < 大病起付 6000 → 0;
    // 救助 3240 × 70% = 2268; 已报销 14028; 兜底 20000 × 90% − 14028 = 3972; personal 20000 − 18000 = 2000
    request: req("luzhai-2018", D, P, [ep({ total: "20000.00", selfFunded: "5000.00" })]),
    paid: { basic: "11760.00", critical: "0.00", assistance: "2268.00", waiver: "0.00", backstop: "3972.00" },
    personal: "2000.00",
    ratio: "0.1000",
  },
  {
    name: "鹿寨: 已报销 above 90% → 兜底 0, never negative (重病兜底保障一批 五(一))",
    // 基本 (20000 − 300) × 80% = 15760; B1 4240 < 6000; 救助 4240 × 70% = 2968; 已报销 18728 > 18000 → 0
    request: req("luzhai-2018", D, P, [ep({ total: "20000.00" })]),
    paid: { basic: "15760.00", critical: "0.00", assistance: "2968.00", waiver: "0.00", backstop: "0.00" },
    personal: "1272.00",
    ratio: "0.0636",
  },
  {
    name: "鹿寨: 乡镇卫生院 — remaining personal part paid 50% by the centre, 50% by the county (重病兜底保障一批 五(二))",
    // I = 9000; 基本 (9000 − 100) × 95% = 8455; B1 545; 救助 545 × 70% = 381.50;
    // left 10000 − 8455 − 381.50 = 1163.50; waiver 581.75; backstop 581.75; personal 0
    request: req("luzhai-2018", D, P, [ep({ facility: "township", total: "10000.00", selfFunded: "1000.00" })]),
    paid: { basic: "8455.00", critical: "0.00", assistance: "381.50", waiver: "581.75", backstop: "581.75" },
    personal: "0.00",
    ratio: "0.0000",
  },
  {
    name: "鹿寨: 乡镇卫生院 split rounds half a fen up once, the county share takes only what is left (五(二), ROUND_HALF_UP)",
    // left 2000 − 999.97 = 1000.03; waiver 1000.03 × 50% = 500.015 → 500.02; backstop min(500.02, 500.01) = 500.01
    request: req("luzhai-2018", D, P, [
      ep({ facility: "township", total: "2000.00", settled: { basic: "999.97", critical: "0.00", assistance: "0.00" } }),
    ]),
    paid: { basic: "999.97", critical: "0.00", assistance: "0.00", waiver: "500.02", backstop: "500.01" },
    personal: "0.00",
  },
  {
    name: "鹿寨: 基本医保 rounds once at half a fen (1000.02 × 75% = 750.015 → 750.02)",
    // ordinary resident, no category: I = 1300.02; (1300.02 − 300) × 75% = 750.015 → 750.02; personal 550.00
    request: req("luzhai-2018", D, [], [ep({ total: "1300.02" })]),
    paid: { basic: "750.02", critical: "0.00", assistance: "0.00", waiver: "0.00", backstop: "0.00" },
    personal: "550.00",
    ratio: "0.4231",
  },
  {
    name: "鹿寨: 交通事故 is outside 兜底 (重病兜底保障一批 三(二)2)",
    // settled 12000 + 2000 + 1000; 兜底 excluded → personal 20000 − 15000 = 5000
    request: req("luzhai-2018", D, P, [
      ep({ cause: "traffic-accident", total: "20000.00", settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
    ]),
    paid: { basic: "12000.00", critical: "2000.00", assistance: "1000.00", waiver: "0.00", backstop: "0.00" },
    personal: "5000.00",
    excluded: [[0, "traffic-accident"]],
    check: (r) => expect(r.excluded[0].explanation).toBe("第 1 次就医属于交通事故，按规定不纳入兜底保障。"),
  },
  {
    name: "鹿寨: 非定点医疗机构 (not an emergency) — nothing is paid (三(二)5)",
    request: req("luzhai-2018", D, P, [ep({ designated: false, emergency: false, total: "10000.00" })]),
    paid: { basic: "0.00", critical: "0.00", assistance: "0.00", waiver: "0.00", backstop: "0.00" },
    personal: "10000.00",
    excluded: [[0, "non-designated"]],
    check: (r) => expect(r.excluded[0].explanation).toBe("第 1 次就医在非定点医疗机构就医且不是急诊抢救，按规定不纳入基本医保统筹支付、大病保险、医疗救助、兜底保障。"),
  },
  {
    name: "鹿寨: 非定点 but 急救、抢救 is covered like a designated stay (三(二)5 除外)",
    // 基本 (10000 − 300) × 80% = 7760; B1 2240; 救助 1568; 已报销 9328 > 9000 → 兜底 0; personal 672
    request: req("luzhai-2018", D, P, [ep({ designated: false, emergency: true, total: "10000.00" })]),
    paid: { basic: "7760.00", critical: "0.00", assistance: "1568.00", waiver: "0.00", backstop: "0.00" },
    personal: "672.00",
  },
  {
    name: "鹿寨: 县外 stay without 转诊 — no +5 pts, rate −20 pts, and no 兜底 (三(二)6); 大病 tilt still applies (三(四)2)",
    // 市级: (30000 − 600) × (60% − 20%) = 11760; B1 18240; 大病 (18240 − 6000) × 70% = 8568; B2 9672;
    // 救助 9672 × 70% = 6770.40; 兜底 excluded; personal 30000 − 27098.40 = 2901.60
    request: req("luzhai-2018", D, P, [ep({ facility: "city", inRegion: false, referred: false, total: "30000.00" })]),
    paid: { basic: "11760.00", critical: "8568.00", assistance: "6770.40", waiver: "0.00", backstop: "0.00" },
    personal: "2901.60",
    ratio: "0.0967",
    excluded: [[0, "out-of-region-unreferred"]],
  },
  {
    name: "鹿寨: 大病保险 bands with the 建档立卡 tilt: 起付 −50%, each band +10 pts (大病集中救治一批 三(四)2)",
    // 市级 150000: 基本 (150000 − 600) × 65% = 97110; B1 52890; 大病 excess 46890 = 40000 × 70% + 6890 × 80% = 33512;
    // B2 19378; 救助 13564.60; 已报销 144186.60 > 135000 → 兜底 0; personal 5813.40
    request: req("luzhai-2018", D, P, [ep({ facility: "city", total: "150000.00" })]),
    paid: { basic: "97110.00", critical: "33512.00", assistance: "13564.60", waiver: "0.00", backstop: "0.00" },
    personal: "5813.40",
    ratio: "0.0388",
    check: (r) => {
      expect(layer(r, "critical").deductible).toBe("6000.00");
      expect(layer(r, "critical").explanation).toContain("40,000.00 元 × 70% + 6,890.00 元 × 80%");
    },
  },
  {
    name: "鹿寨: two stays in one year — the 大病 threshold is met once across both (年度累计)",
    // no category, county 40000 each: 基本 (40000 − 300) × 75% = 29775 each; B1 10225 each;
    // 大病: after stay 1 cum 10225 < 12000 → 0; after stay 2 cum 20450 → (20450 − 12000) × 60% = 5070;
    // personal 80000 − 59550 − 5070 = 15380; ratio 0.19225 → 0.1923 (half up)
    request: req("luzhai-2018", D, [], [ep({ total: "40000.00" }), ep({ total: "40000.00" })]),
    paid: { basic: "59550.00", critical: "5070.00", assistance: "0.00", waiver: "0.00", backstop: "0.00" },
    personal: "15380.00",
    ratio: "0.1923",
  },
  {
    name: "鹿寨: two 建档立卡 stays — each discharge gets its own 90% guarantee, no year-pooling (重病兜底保障一批 五(一))",
    // stay 1: I 15000, 基本 11760, B1 3240; stay 2: I 20000, 基本 15760, B1 4240;
    // 大病: cum 3240 → 0; cum 7480 → (7480 − 6000) × 70% = 1036 on stay 2;
    // 救助: 3240 × 70% = 2268; cum 6444 × 70% = 4510.80 → 2242.80 on stay 2;
    // 兜底 stay 1: 18000 − (11760 + 2268) = 3972; stay 2: 18000 − (15760 + 1036 + 2242.80) < 0 → 0;
    // personal 40000 − 37038.80 = 2961.20 (stay 1 2000.00, stay 2 961.20)
    request: req("luzhai-2018", D, P, [ep({ total: "20000.00", selfFunded: "5000.00" }), ep({ total: "20000.00" })]),
    paid: { basic: "27520.00", critical: "1036.00", assistance: "4510.80", waiver: "0.00", backstop: "3972.00" },
    personal: "2961.20",
    ratio: "0.0740",
    check: (r) => {
      expect(r.episodes.map((e) => e.paid.backstop)).toEqual(["3972.00", "0.00"]);
      expect(r.episodes.map((e) => e.personal)).toEqual(["2000.00", "961.20"]);
    },
  },
  {
    name: "鹿寨: 低保 gets 医疗救助 but 兜底 is only for 建档立卡 (三、保障对象)",
    // 基本 (20000 − 300) × 75% = 14775; B1 5225; 救助 5225 × 70% = 3657.50; personal 1567.50
    request: req("luzhai-2018", D, ["dibao"], [ep({ total: "20000.00" })]),
    paid: { basic: "14775.00", critical: "0.00", assistance: "3657.50", waiver: "0.00", backstop: "0.00" },
    personal: "1567.50",
    ratio: "0.0784",
    check: (r) => expect(layer(r, "backstop").explanation).toBe("兜底保障只适用于建档立卡贫困人口；请求中没有这些身份，不支付。"),
  },
  {
    name: "鹿寨: 门诊慢特病 gets 基本医保 (without the 住院 +5 pts, 大病集中救治一批 三(四)2) and 救助 but not 兜底 (三(二)1 各类门诊)",
    // 门慢: yearly 起付 0, 70% (the +5 pts are for 住院 only) → 700; B1 300; 救助 210; 兜底 excluded; personal 90
    request: req("luzhai-2018", D, P, [ep({ kind: "outpatient-chronic", total: "1000.00" })]),
    paid: { basic: "700.00", critical: "0.00", assistance: "210.00", waiver: "0.00", backstop: "0.00" },
    personal: "90.00",
    excluded: [[0, "outpatient"]],
  },
];

describe("鹿寨县 2018 (luzhai-2018)", () => {
  runCases(cases, it, expect);

  it("鹿寨: zh-Hant explanation of 五(一) in Traditional characters", () => {
    const r = ok(req("luzhai-2018", D, P, [
      ep({ total: "20000.00", settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
    ], { locale: "zh-Hant" }));
    expect(layer(r, "backstop").name).toBe("兜底保障");
    expect(layer(r, "backstop").explanation).toBe("住院總費用 20,000.00 元 × 90% = 18,000.00 元，減去已報銷的 15,000.00 元，兜底支付 3,000.00 元。");
    expect(r.policy.title).toBe("鹿寨縣健康扶貧“重病兜底保障一批”（2018）");
  });

  it("鹿寨: the pack ends with the poverty-alleviation period — 2021 has no version in force", () => {
    const e = fail(req("luzhai-2018", "2021-03-01", P, [ep()]));
    expect(e.code).toBe("no-version-in-force");
    expect(e.issues[0].path).toBe("serviceDate");
    expect(e.message).toContain("2018-01-01 至 2020-12-31");
  });

  it("鹿寨: bills are consumed in request order — a 乡镇卫生院 stay given first keeps its place (contract v2)", () => {
    // stay 1 township 5000: 基本 (5000 − 100) × 95% = 4655, B1 345; stay 2 county 30000: (30000 − 300) × 80% = 23760, B1 6240;
    // 大病: cum 345 → 0; cum 6585 → (6585 − 6000) × 70% = 409.50 on stay 2;
    // 救助: 345 × 70% = 241.50; cum (345 + 5830.50) × 70% = 4322.85 → 4081.35 on stay 2;
    // stay 1 left 103.50: 卫生院 51.75, 县 51.75; stay 2: 27000 − 28250.85 < 0 → 兜底 0; personal 1749.15
    const r = ok(req("luzhai-2018", D, P, [ep({ facility: "township", total: "5000.00" }), ep({ total: "30000.00" })]));
    expect(r.episodes.map((e) => e.paid)).toEqual([
      { basic: "4655.00", critical: "0.00", assistance: "241.50", waiver: "51.75", backstop: "51.75" },
      { basic: "23760.00", critical: "409.50", assistance: "4081.35", waiver: "0.00", backstop: "0.00" },
    ]);
    expect(r.personal).toBe("1749.15");
    expect(r.assumptions.map((a) => a.id)).not.toContain("accumulationOrder");
  });

  it("鹿寨: referrals — 先诊疗后付费 and 临时救助 with the months of 低保 standard", () => {
    const r = ok(req("luzhai-2018", D, P, [ep({ total: "20000.00" })]));
    expect(r.referrals.map((x) => x.programme)).toEqual(["pay-after-treatment", "temporary-relief", "charity"]);
    expect(r.referrals[1].explanation).toContain("5,600.00 元");
  });
});
