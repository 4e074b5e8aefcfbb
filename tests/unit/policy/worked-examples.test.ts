import { describe, expect, it } from "vitest";
import { EXAMPLE_1, EXAMPLE_2, EXAMPLE_3, EXAMPLE_4 } from "@/tests/unit/policy/examples";
import { ep, fail, layer, ok, req } from "@/tests/unit/policy/helpers";

/** CALC-CONTRACT.md, "Worked examples (public)", exactly. */

describe("contract worked examples (鹿寨 2018, seed 004)", () => {
  it("1. 建档立卡, county inpatient 20,000, settled 12,000 + 2,000 + 1,000 → 兜底 3,000, personal 2,000, ratio 0.1000 (重病兜底保障一批 五(一))", () => {
    const r = ok(EXAMPLE_1);
    // 20000 × 90% − (12000 + 2000 + 1000) = 18000 − 15000 = 3000
    expect(layer(r, "backstop").paid).toBe("3000.00");
    expect(layer(r, "backstop").origin).toBe("computed");
    expect(r.reimbursed).toBe("18000.00");
    expect(r.personal).toBe("2000.00");
    expect(r.personalRatio).toBe("0.1000");
    expect(r.policy).toEqual({ id: "luzhai-2018", version: "2018-07-20", title: "鹿寨县健康扶贫“重病兜底保障一批”（2018）" });
    expect(r.currency).toBe("CNY");
    expect(r.layers.map((l) => [l.id, l.paid, l.origin])).toEqual([
      ["basic", "12000.00", "settled"],
      ["critical", "2000.00", "settled"],
      ["assistance", "1000.00", "settled"],
      ["waiver", "0.00", "computed"],
      ["backstop", "3000.00", "computed"],
    ]);
    expect(layer(r, "backstop").explanation).toBe(
      "住院总费用 20,000.00 元 × 90% = 18,000.00 元，减去已报销的 15,000.00 元，兜底支付 3,000.00 元。",
    );
    expect(layer(r, "backstop").sources).toContainEqual({
      document: "004_e10591e9d58431be.txt",
      clause: "重病兜底保障一批 五(一)",
      quote: "救助报销金额=住院总费用×90%—已救助报销总额",
      reliability: "SEED",
    });
    expect(r.excluded).toEqual([]);
  });

  it("2. same bill as an outpatient visit → no 兜底 (paid 0.00), excluded names reason outpatient, personal 5,000 (重病兜底保障一批 三(二)1)", () => {
    const r = ok(EXAMPLE_2);
    // 20000 − (12000 + 2000 + 1000) = 5000; 门诊 is outside 兜底
    expect(layer(r, "backstop").paid).toBe("0.00");
    expect(r.personal).toBe("5000.00");
    expect(r.personalRatio).toBe("0.2500");
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0].episode).toBe(0);
    expect(r.excluded[0].reason).toBe("outpatient");
    expect(r.excluded[0].explanation).toContain("兜底保障");
    expect(r.excluded[0].sources[0]).toMatchObject({ document: "004_e10591e9d58431be.txt", clause: "重病兜底保障一批 三(二)1" });
  });

  it("3. settled 16,000 + 2,000 + 1,000 already above 90 % → 兜底 0.00, personal 1,000 (never negative)", () => {
    const r = ok(EXAMPLE_3);
    // 18000 − 19000 < 0 → 0
    expect(layer(r, "backstop").paid).toBe("0.00");
    expect(r.personal).toBe("1000.00");
    expect(r.personalRatio).toBe("0.0500");
    expect(layer(r, "backstop").explanation).toContain("已达到这一标准");
  });

  it("4. two stays, each discharge its own 90 % (v2): A 18,000 − 19,000 → 0.00, B 9,000 − 7,000 = 2,000.00; personal 2,000.00 (重病兜底保障一批 五(一))", () => {
    const r = ok(EXAMPLE_4);
    expect(layer(r, "backstop").paid).toBe("2000.00");
    expect(r.personal).toBe("2000.00");
    expect(r.episodes.map((e) => e.personal)).toEqual(["1000.00", "1000.00"]);
    expect(r.episodes[0].paid.backstop).toBe("0.00");
    expect(r.episodes[1].paid.backstop).toBe("2000.00");
    // Pooling the year (27,000 − 26,000 = 1,000) would let A's reimbursement above 90 % eat B's guarantee.
    expect(layer(r, "backstop").explanation).toContain("第 2 次");
    expect(r.episodes).toEqual([
      { index: 0, total: "20000.00", paid: { basic: "17000.00", critical: "1000.00", assistance: "1000.00", waiver: "0.00", backstop: "0.00" }, personal: "1000.00", excluded: null },
      { index: 1, total: "10000.00", paid: { basic: "6000.00", critical: "0.00", assistance: "1000.00", waiver: "0.00", backstop: "2000.00" }, personal: "1000.00", excluded: null },
    ]);
  });

  it("a settled amount above what is left is an error, not a negative 兜底", () => {
    const e = fail(req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
      ep({ total: "20000.00", settled: { basic: "12000.00", critical: "9000.00" } }),
    ]));
    expect(e.code).toBe("invalid-request");
    expect(e.issues.map((i) => i.path)).toEqual(["episodes.0.settled.critical"]);
  });
});
