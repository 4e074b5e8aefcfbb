import { ep, req } from "@/tests/unit/policy/helpers";

/** The three public worked examples of CALC-CONTRACT.md, as requests. */

export const EXAMPLE_1 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });

export const EXAMPLE_2 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ kind: "outpatient", facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "12000.00", critical: "2000.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });

export const EXAMPLE_3 = req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
  ep({ facility: "county", referred: true, total: "20000.00", selfFunded: undefined, settled: { basic: "16000.00", critical: "2000.00", assistance: "1000.00" } }),
], { locale: "zh-Hans" });
