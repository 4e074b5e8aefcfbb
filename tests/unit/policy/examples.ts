import { ep, req } from "@/tests/unit/policy/helpers";

/** The public worked examples of CALC-CONTRACT.md (v2), as requests. */

export const EXAMPLE_1 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });

export const EXAMPLE_2 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ kind: "outpatient", facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });

export const EXAMPLE_3 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "16000.00", critical: "2000.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });

/** Two stays in one year, each with its own 90 % (v2). */
export const EXAMPLE_4 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "17000.00", critical: "1000.00", assistance: "1000.00" } }),
  ep({ facility: "county", referred: true, total: "10000.00", selfFunded: undefined, settled: { basic: "6000.00", critical: "0.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });

/** A 浙江 低保 family of two (v2 household): the family's reasonable personal costs together above 低保年标准. */
export const HOUSEHOLD_ZHEJIANG = {
  policy: "zhejiang-district-2024",
  serviceDate: "2024-07-01",
  locale: "zh-Hans",
  household: {
    members: [
      { person: { insurance: "resident", categories: ["dibao"] }, episodes: [ep({ date: "2024-07-10", total: "30000.00", settled: { basic: "10000.00", critical: "0.00", assistance: "0.00" } })] },
      { person: { insurance: "resident", categories: ["dibao", "student"], age: 9 }, episodes: [ep({ date: "2024-08-01", total: "10000.00", settled: { basic: "4000.00", critical: "0.00", assistance: "0.00" } })] },
    ],
  },
};
