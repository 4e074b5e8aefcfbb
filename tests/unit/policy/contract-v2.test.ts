import { describe, expect, it } from "vitest";
import { type Case, ep, fail, layer, ok, req, runCases } from "@/tests/unit/policy/helpers";

/**
 * Contract v2's readings of the seeds, each with a hand-computed case:
 * an excluded stay never shrinks another stay's 兜底 / 医疗救助 base, 鹿寨's
 * +5 points are for 住院 only, assumptions as data, the per-episode
 * breakdown. Pack values as in the per-pack test files' headers.
 */
const slip = (basic: string, critical = "0.00", assistance = "0.00") => ({ basic, critical, assistance });

const cases: Case[] = [
  {
    name: "浙江: a non-designated emergency stay gets no 兜底 and does not shrink the 特困 全额兜底 of the designated stay (二(二), 二(三); contract v2)",
    // stay 1 designated, in-policy personal 30000 − 10000 = 20000 → 全额兜底 20000;
    // stay 2 non-designated emergency: settled 5000 + 0 + 6000, left 9000, excluded from 兜底 → personal 9000.
    // (v1 deducted stay 2's 6000 of 救助 from stay 1's base: 兜底 14000.)
    request: req("zhejiang-district-2024", "2024-07-01", ["tekun"], [
      ep({ total: "30000.00", settled: slip("10000.00") }),
      ep({ designated: false, emergency: true, total: "20000.00", settled: slip("5000.00", "0.00", "6000.00") }),
    ]),
    paid: { basic: "15000.00", critical: "0.00", assistance: "6000.00", backstop: "20000.00" },
    personal: "9000.00",
    excluded: [[1, "non-designated-emergency"]],
    check: (r) => {
      expect(r.episodes.map((e) => e.paid.backstop)).toEqual(["20000.00", "0.00"]);
      expect(r.episodes.map((e) => e.personal)).toEqual(["0.00", "9000.00"]);
      expect(r.episodes.map((e) => e.excluded)).toEqual([null, "non-designated-emergency"]);
    },
  },
  {
    name: "乌鲁木齐: an unreferred out-of-region stay does not shrink the 低保 医疗救助 / 倾斜救助 base of the other stay (三(二), 三(三); contract v2)",
    // stay 1 out of region, unreferred: settled 20000 + 10000, left 20000, excluded from 救助 and 倾斜;
    // stay 2 in region: settled 40000 + 10000 → B2 70000; 救助 75% = 52500 (limit 60000); B3 17500;
    // 倾斜 (17500 − 15000) × 65% = 1625; personal 20000 + 15875 = 35875.
    // (v1 deducted stay 1's 10000 of 大病 from the base: 救助 45000.)
    request: req("urumqi-2023", "2024-03-01", ["dibao"], [
      ep({ facility: "city", inRegion: false, referred: false, total: "50000.00", settled: { basic: "20000.00", critical: "10000.00" } }),
      ep({ facility: "city", total: "120000.00", settled: { basic: "40000.00", critical: "10000.00" } }),
    ]),
    paid: { basic: "60000.00", critical: "20000.00", assistance: "52500.00", tilted: "1625.00" },
    personal: "35875.00",
    excluded: [[0, "out-of-region-unreferred"]],
    check: (r) => expect(r.episodes.map((e) => e.personal)).toEqual(["20000.00", "15875.00"]),
  },
  {
    name: "鹿寨: 建档立卡 +5 pts of 基本医保 for 住院 (大病集中救治一批 三(四)2)",
    // county 10000: (10000 − 300) × (75% + 5%) = 7760
    request: req("luzhai-2018", "2018-09-01", ["poverty-registered"], [ep({ total: "10000.00" })]),
    paid: { basic: "7760.00", critical: "0.00", assistance: "1568.00", waiver: "0.00", backstop: "0.00" },
    personal: "672.00",
  },
];

describe("contract v2: the seeds' rules exactly", () => {
  runCases(cases, it, expect);

  it("鹿寨: no +5 pts for 普通门诊 (大病集中救治一批 三(四)2: 住院医疗费用 only)", () => {
    const episode = [ep({ kind: "outpatient", total: "1000.00" })];
    const poor = ok(req("luzhai-2018", "2018-09-01", ["poverty-registered"], episode));
    const ordinary = ok(req("luzhai-2018", "2018-09-01", [], episode));
    expect(layer(poor, "basic").paid).toBe(layer(ordinary, "basic").paid);
    expect(layer(poor, "basic").explanation).not.toContain("提高");
  });

  it("assumptions are data {id, text, affects}: a request-level one moves every computed layer, a pack note none", () => {
    const r = ok(req("luzhai-2018", "2018-09-01", ["poverty-registered"], [ep({ facility: "city", total: "30000.00" })]));
    const byId = new Map(r.assumptions.map((a) => [a.id, a]));
    expect(byId.get("firstThisYear")!.affects).toEqual(["basic", "critical", "assistance", "backstop"]);
    expect(byId.get("historic")!.affects).toEqual([]);
    // 居民医保住院起付线 (市级医院) is assumed: it moves 基本医保 and every later layer that computes.
    const deductible = r.assumptions.find((a) => a.id.startsWith("basic-res-ip-deductible"))!;
    expect(deductible.affects).toEqual(["basic", "critical", "assistance", "backstop"]);
    expect(deductible.text).toContain("居民医保住院起付线");
  });

  it("assumptions: an assumed value read only for a referral's text (鹿寨 低保 standard, for 临时救助) moves no layer", () => {
    const r = ok(req("luzhai-2018", "2018-09-01", ["poverty-registered"], [ep({ total: "20000.00" })]));
    const dibao = r.assumptions.find((a) => a.id === "dibao-monthly")!;
    expect(dibao.text).toContain("低保");
    expect(dibao.affects).toEqual([]);
  });

  it("per-episode breakdown: one entry per bill in request order, keys in contract order", () => {
    const r = ok(req("national-2021", "2024-03-01", ["dibao"], [ep({ total: "5000.00" }), ep({ cause: "abroad", total: "800.00" })]));
    expect(r.episodes).toHaveLength(2);
    expect(Object.keys(r.episodes[0])).toEqual(["index", "total", "paid", "personal", "excluded"]);
    expect(Object.keys(r.episodes[0].paid)).toEqual(r.layers.map((l) => l.id));
    expect(r.episodes[1]).toMatchObject({ index: 1, total: "800.00", personal: "800.00", excluded: "abroad" });
  });
});

describe("浙江: newly certified households count from the certification date (001 二(三): 上年度新增的持证…自持证之日起计算)", () => {
  const D = "2024-07-01";
  const stay = (date: string | undefined) => ep({ total: "30000.00", settled: slip("10000.00"), ...(date ? { date } : {}) });
  const dibao = (certifiedOn: Record<string, string> | undefined, episodes: Record<string, unknown>[]) => {
    const r = req("zhejiang-district-2024", D, ["dibao"], episodes) as { person: Record<string, unknown> };
    if (certifiedOn) r.person.certifiedOn = certifiedOn;
    return r;
  };

  it("浙江: a 低保 family certified on 2024-09-01 — the July stay is left out, the October stay counts above 低保年标准 15,108 (二(三))", () => {
    // in-policy personal 20000 per stay; stay 1 (07-10) before certification → no 兜底;
    // stay 2 (10-05): 20000 − 15108 = 4892; personal 20000 + 15108 = 35108
    const r = ok(dibao({ dibao: "2024-09-01" }, [stay("2024-07-10"), stay("2024-10-05")]));
    expect(layer(r, "backstop").paid).toBe("4892.00");
    expect(r.personal).toBe("35108.00");
    expect(r.episodes.map((e) => e.excluded)).toEqual(["before-certification", null]);
    expect(r.excluded[0].explanation).toBe("第 1 次就医在取得认定（持证）之前就医，按规定不纳入兜底保障。");
    expect(r.excluded[0].sources[0]).toMatchObject({ clause: "二(三) 保障标准", reliability: "SEED" });
  });

  it("浙江: without person.certifiedOn the whole year counts, and the result says so (affects 兜底)", () => {
    // both stays: 40000 − 15108 = 24892
    const r = ok(dibao(undefined, [stay("2024-07-10"), stay("2024-10-05")]));
    expect(layer(r, "backstop").paid).toBe("24892.00");
    const a = r.assumptions.find((x) => x.id === "certifiedOn:backstop")!;
    expect(a.text).toContain("低保对象");
    expect(a.affects).toEqual(["backstop"]);
  });

  it("浙江: a bill without a date counts as after the certification, and the result says so", () => {
    const r = ok(dibao({ dibao: "2024-09-01" }, [stay(undefined), stay("2024-10-05")]));
    expect(layer(r, "backstop").paid).toBe("24892.00");
    expect(r.assumptions.find((x) => x.id === "certifiedOn:backstop:undated")!.text).toBe("第 1 次就医没有日期，按持证（2024-09-01）之后的就医计算。");
  });

  it("浙江: 因病致困 is an individual standard, not a certification — its bills are never cut by a date", () => {
    const r = req("zhejiang-district-2024", D, ["medical-poverty"], [ep({ date: "2024-07-10", total: "200000.00", settled: slip("50000.00") })]) as { person: Record<string, unknown> };
    r.person.certifiedOn = { "medical-poverty": "2024-09-01" };
    expect(layer(ok(r), "backstop").paid).toBe("75003.00");
  });

  it("dates that decrease along the list are an invalid request (bills in the order given)", () => {
    const e = fail(dibao(undefined, [stay("2024-10-05"), stay("2024-07-10")]));
    expect(e.code).toBe("invalid-request");
    expect(e.issues).toEqual([
      { path: "episodes.1.date", message: "第 2 次就医的入院或结算日期（date） \"2024-07-10\" 早于前一次就医的日期。请按就医先后顺序列出就医记录（episodes）。" },
    ]);
  });
});
