import { describe, expect, it } from "vitest";
import { getPack, listPolicies, PACK_IDS } from "@/lib/policy";
import { getPackDef, validatePackDefinition } from "@/lib/policy/registry";
import luzhai from "@/lib/policy/packs/luzhai-2018.json";
import { ep, ok, req } from "@/tests/unit/policy/helpers";

/** Policy packs as data: validated on load, every parameter dated, labelled, sourced and marked. */

const SEEDS: Record<string, string> = {
  "luzhai-2018": "004_e10591e9d58431be.txt",
  "zhejiang-district-2024": "001_4944bcf01098943c.txt",
  "inner-mongolia-2018": "003_ef55cf217fa7e5d6.txt",
  "urumqi-2023": "002_ba69b2bb2d4c1a9e.txt",
  "shenyang-2023": "000_0b303ede956130ee.txt",
};

describe("policy packs", () => {
  it("the six contract ids, in order", () => {
    expect(PACK_IDS).toEqual(["luzhai-2018", "zhejiang-district-2024", "inner-mongolia-2018", "urumqi-2023", "shenyang-2023", "national-2021"]);
  });

  for (const id of PACK_IDS) {
    it(`${id}: validates (schema, references, texts, monotone schemes on every date a value changes)`, () => {
      expect(validatePackDefinition(getPackDef(id))).toEqual([]);
    });

    it(`${id}: every parameter has a value, a unit, labels in both scripts, a source and a reliability mark`, () => {
      const view = getPack(id)!;
      expect(view.parameters.length).toBeGreaterThan(10);
      for (const p of view.parameters) {
        expect(p.label["zh-Hans"], p.id).not.toBe("");
        expect(p.label["zh-Hant"], p.id).not.toBe("");
        expect(p.unit).toBeTruthy();
        expect(["SEED", "A", "B", "C", "RECALLED", "INFERRED", "ASSUMED"]).toContain(p.reliability);
        expect(p.source["zh-Hans"].document, p.id).toBeTruthy();
        expect(p.source["zh-Hans"].clause, p.id).toBeTruthy();
        expect(p.value, p.id).not.toBeUndefined();
      }
    });
  }

  it("each seed pack cites its seed file, and the worked-example clause is quoted", () => {
    for (const p of listPolicies()) {
      if (SEEDS[p.id]) expect(p.documents.some((d) => d.file === SEEDS[p.id]), p.id).toBe(true);
    }
    const formula = getPack("luzhai-2018")!.parameters.find((x) => x.id === "backstop-guarantee-ratio")!;
    expect(formula.value).toBe("0.9");
    expect(formula.reliability).toBe("SEED");
    expect(formula.source["zh-Hans"]).toMatchObject({ document: "004_e10591e9d58431be.txt", clause: "重病兜底保障一批 五(一)" });
  });

  it("listPolicies: titles and regions in both scripts, versions and layers", () => {
    const list = listPolicies();
    const z = list.find((p) => p.id === "zhejiang-district-2024")!;
    expect(z.versions).toEqual([{ id: "2024-06-10", from: "2024-06-10", to: null }]);
    expect(z.layers).toEqual(["basic", "critical", "assistance", "backstop"]);
    expect(z.region["zh-Hant"]).toBe("浙江省杭州市富陽區（推斷）");
    expect(list.find((p) => p.id === "luzhai-2018")!.layers).toEqual(["basic", "critical", "assistance", "waiver", "backstop"]);
  });

  it("getPack: 鹿寨 procedure timings from the seed (公示 3, 审核 7, 签字 3, 拨付 5 个工作日)", () => {
    const v = getPack("luzhai-2018", "2018-09-01")!;
    expect(v.procedure.publicity).toEqual({ value: "3", unit: "working-days", reliability: "SEED", parameter: "proc-publicity-days" });
    expect(v.procedure.review?.value).toBe("7");
    expect(v.procedure.approval?.value).toBe("3");
    expect(v.procedure.payment?.value).toBe("5");
    expect(v.procedure.total).toBeNull();
  });

  it("getPack: 临时救助 sizing by date (杭州 低保 1,259 → 1,301 from 2025-01-23)", () => {
    expect(getPack("zhejiang-district-2024", "2024-07-01")!.temporaryRelief.dibaoMonthly).toMatchObject({ value: "1259", reliability: "A" });
    expect(getPack("zhejiang-district-2024", "2025-02-01")!.temporaryRelief.dibaoMonthly).toMatchObject({ value: "1301", reliability: "C" });
    expect(getPack("shenyang-2023")!.temporaryRelief).toMatchObject({
      dibaoMonthly: { value: "793" },
      monthsMax: { value: "10" },
      emergencyMonthsMin: { value: "2" },
    });
    expect(getPack("national-2021")!.temporaryRelief.dibaoMonthly).toBeNull();
  });

  it("getPack: unknown id or a date outside every version → null", () => {
    expect(getPack("beijing-2024")).toBeNull();
    expect(getPack("luzhai-2018", "2022-01-01")).toBeNull();
  });

  it("a pack whose schemes are not from most to least protective is rejected (monotone tilts)", () => {
    const bad = structuredClone(luzhai) as typeof luzhai;
    const schemes = bad.layers[2].schemes!;
    [schemes[0], schemes[4]] = [schemes[4], schemes[0]];
    expect(validatePackDefinition(bad).join(" ")).toMatch(/higher threshold|lower ratio|lower limit/);
  });

  it("a pack with an unknown field or a missing parameter is rejected", () => {
    expect(validatePackDefinition({ ...structuredClone(luzhai), colour: "red" }).length).toBeGreaterThan(0);
    const noParam = structuredClone(luzhai) as { parameters: Record<string, unknown> };
    delete noParam.parameters["critical-threshold"];
    expect(validatePackDefinition(noParam).join(" ")).toContain("unknown parameter critical-threshold");
  });

  it("assumed parameters the engine used are listed in the request's locale; unused ones are not", () => {
    const r = ok(req("urumqi-2023", "2024-03-01", ["dibao-edge"], [ep({ facility: "city", total: "100000.00" })]));
    expect(r.assumptions.map((a) => a.text)).toContain("居民医保住院起付线（每次住院）（市级医院）：按假设值 800.00 元计算（未找到可核实的公开来源，以当地规定为准）。");
    expect(r.assumptions.map((a) => a.text)).toContain("低保边缘等对象医疗救助起付线：按假设值 4,480.50 元计算（未找到可核实的公开来源，以当地规定为准）。");
    expect(r.assumptions.some((a) => a.text.includes("特困人员医疗救助比例"))).toBe(false);
    const hant = ok(req("urumqi-2023", "2024-03-01", ["dibao-edge"], [ep({ facility: "city", total: "100000.00" })], { locale: "zh-Hant" }));
    expect(hant.assumptions.map((a) => a.text)).toContain("低保邊緣等對象醫療救助起付線：按假設值 4,480.50 元計算（未找到可核實的公開來源，以當地規定為準）。");
  });

  it("request-level assumptions: first stay this year, and defaults for fields the request left out", () => {
    const r = ok({ policy: "national-2021", serviceDate: "2024-03-01", person: { insurance: "resident" }, episodes: [{ kind: "inpatient", facility: "county", total: "1000.00" }] });
    expect(r.assumptions.slice(0, 2).map((a) => a.text)).toEqual([
      "假设这是本年度第一次就医：本年此前的医保支付、年度起付线和救助限额的使用按 0 计算；如果今年已有就医，实际结果会不同。",
      "政策范围内费用按“总费用 − 自费”计算，乙类先行自付、超限价部分按 0 元计算。",
    ]);
    expect(r.assumptions.map((a) => a.text)).toContain("第 1 次就医没有说明自费金额，按“0.00”计算。");
    expect(r.assumptions.map((a) => a.text)).toContain("第 1 次就医没有说明是否在参保地就医，按“是”计算。");
    expect(r.assumptions.map((a) => a.text)).toContain("第 1 次就医没有说明病因，按“疾病”计算。");
  });

  it("a category the pack has no rule for is said so, not silently dropped", () => {
    const r = ok(req("national-2021", "2024-03-01", ["disabled"], [ep()]));
    expect(r.assumptions.map((a) => a.text)).toContain("“重度残疾人”在本政策中没有单独规定，按其他身份或普通参保人计算。");
  });

  it("layer objects: every layer of the pack in contract order, fields only when meaningful, key order fixed", () => {
    const r = ok(req("national-2021", "2024-03-01", ["dibao"], [ep({ facility: "city", total: "100000.00" })]));
    expect(Object.keys(r)).toEqual(["policy", "currency", "total", "layers", "reimbursed", "personal", "personalRatio", "episodes", "excluded", "assumptions", "referrals"]);
    expect(Object.keys(r.layers[0])).toEqual(["id", "name", "paid", "origin", "base", "deductible", "rate", "cap", "explanation", "sources"]);
    expect(r.layers[0]).toMatchObject({ base: "100000.00", deductible: "800.00", rate: "0.6500", cap: "150000.00" });
    const tilted = r.layers[3];
    expect(Object.keys(tilted)).toEqual(["id", "name", "paid", "origin", "base", "deductible", "rate", "cap", "explanation", "sources"]);
    const none = ok(req("national-2021", "2024-03-01", [], [ep()]));
    expect(Object.keys(none.layers[2])).toEqual(["id", "name", "paid", "origin", "explanation", "sources"]);
  });
});

describe("sources stay with their layer", () => {
  it("referral texts that show pack values do not add sources to the last layer", () => {
    const r = ok(req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
      ep({ referred: true, total: "20000.00", selfFunded: "0.00", settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
    ]));
    expect(r.layers[4].sources.map((s) => s.clause)).toEqual(["重病兜底保障一批 一、工作目标", "重病兜底保障一批 五(一)"]);
  });
});
