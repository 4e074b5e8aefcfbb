import { describe, expect, test } from "vitest";
import { parsePrefill, prefillQuery } from "@/lib/applications/draft-schema";
import { parseScreenerPrefill, screenerPrefillQuery, sectionPrefill } from "@/lib/applications/prefill";
import { headlineCaveat } from "@/lib/estimate/assumptions";
import { readForm, runEstimate, settledReimbursed } from "@/lib/estimate/form";
import { formatApproxMoney } from "@/lib/i18n/format";

/** Issue 14's parent: a 9-year-old in 沈阳, a 低保 family, a leukaemia stay; the slip shows 基本医保 ¥40,000 + 大病保险 ¥14,000. */
function shenyangSlip() {
  const values = readForm({ mode: "bill", policy: "shenyang-2023", insurance: "resident", cat: ["dibao", "student"], age: "9", total: "80000", basic: "40000", critical: "14000" });
  const outcome = runEstimate(values, "zh-Hans");
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome;
}

describe("money carried forward is money received (算报销 → 申请)", () => {
  test("沈阳 低保 child: the module estimates 医疗救助 ¥18,200 on top of the slip, but only the slip's ¥54,000 goes to the application", () => {
    const { request, result } = shenyangSlip();
    expect(result.reimbursed).toBe("72200.00"); // includes the estimated, unpaid 医疗救助
    expect(settledReimbursed(request)).toBe("54000.00");
    const prefill = parsePrefill(Object.fromEntries(prefillQuery({ policy: "shenyang-2023", total: result.total, reimbursed: settledReimbursed(request) })));
    expect(prefill).toEqual({ policy: "shenyang-2023", total: "80000.00", reimbursed: "54000.00" });
  });

  test("several bills: every settled amount typed on every slip is summed, to the fen", () => {
    const values = readForm({ mode: "bill", policy: "luzhai-2018", date: "2018-09-01", cat: ["poverty-registered"], stays: "2", total: "20000", basic: "12000.10", critical: "2000", "s2.total": "10000", "s2.basic": "6000.25" });
    const outcome = runEstimate(values, "zh-Hans");
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(settledReimbursed(outcome.request)).toBe("20000.35");
  });

  test("no settled amount typed (典型情况 or an empty slip): nothing is carried, the field stays empty", () => {
    const values = readForm({ mode: "typical", policy: "shenyang-2023", insurance: "resident", cat: ["dibao"], age: "9", total: "80000" });
    const outcome = runEstimate(values, "zh-Hans");
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(settledReimbursed(outcome.request)).toBeUndefined();
  });

  test("the illness section shows the carried amounts and says, per field, where they came from; nothing once saved", () => {
    const data = { prefill: { policy: "shenyang-2023", total: "80000.00", reimbursed: "54000.00" } };
    expect(sectionPrefill("illness", data)).toEqual({
      values: { totalCost: "80000.00", reimbursed: "54000.00" },
      from: { totalCost: "estimate", reimbursed: "estimate" },
    });
    const saved = { ...data, illness: { diagnosis: "白血病", hospital: "医院", totalCost: "80000.00", reimbursed: "", ongoingMonthly: "", estimatePolicy: "shenyang-2023" } };
    expect(sectionPrefill("illness", saved)).toEqual({ values: {}, from: {} });
  });
});

describe("查资格 answers pre-fill the application", () => {
  test("place, who is ill and 低保 travel in the link and come back parsed; unknown values are dropped", () => {
    const query = screenerPrefillQuery({ policy: "shenyang-2023", who: "pupil", certifications: ["dibao"] });
    expect(parseScreenerPrefill(Object.fromEntries([...query.keys()].map((k) => [k, query.getAll(k)])))).toEqual({ policy: "shenyang-2023", who: "pupil", certifications: ["dibao"] });
    expect(parseScreenerPrefill({ from: "eligibility", policy: "shenyang-2023", who: "dog", cert: ["dibao", "<script>"] })).toEqual({ policy: "shenyang-2023", certifications: ["dibao"] });
    expect(parseScreenerPrefill({ from: "estimate", policy: "shenyang-2023" })).toBeNull();
    expect(parseScreenerPrefill({ from: "eligibility", policy: "../etc" })).toBeNull();
  });

  test("沈阳 pupil in a 低保 family: area 沈阳 (the only area on that pack), patient is the applicant's child, 低保 ticked", () => {
    const data = { screener: { policy: "shenyang-2023", who: "pupil" as const, certifications: ["dibao" as const] } };
    expect(sectionPrefill("applicant", data, ["210100"])).toEqual({ values: { areaCode: "210100" }, from: { areaCode: "eligibility" } });
    expect(sectionPrefill("patient", data).values).toEqual({ relationship: "child" });
    expect(sectionPrefill("household", data)).toEqual({ values: { certifications: ["dibao"] }, from: { certifications: "eligibility" } });
  });

  test("nothing is guessed: two areas on one pack, an adult patient, certificates the form has no box for", () => {
    const data = { screener: { policy: "national-2021", who: "adult" as const, certifications: ["orphan" as const] } };
    expect(sectionPrefill("applicant", data, ["1", "2"]).values).toEqual({});
    expect(sectionPrefill("patient", data).values).toEqual({});
    expect(sectionPrefill("household", data).values).toEqual({});
    expect(sectionPrefill("household", { screener: { policy: "x", certifications: [] } }).values).toEqual({ certifications: ["none"] });
    expect(sectionPrefill("household", { screener: { policy: "x", certifications: ["dibao-edge" as const] } }).values).toEqual({ certifications: ["low-income"] });
  });
});

describe("the estimate headline never reads as a promise when it rests on assumed values", () => {
  test("沈阳: 医疗救助 rests on assumed 70 % / ¥20,000 values, so the headline is 约 ¥7,800 and names 医疗救助", () => {
    const { result } = shenyangSlip();
    const caveat = headlineCaveat(result.assumptions, result.layers);
    expect(caveat?.layers).toEqual(["assistance"]);
    expect(caveat?.texts.some((t) => t.includes("70%"))).toBe(true);
    expect(formatApproxMoney(result.personal, "zh-Hans")).toBe("¥7,800");
  });

  test("an assumed value that moves no layer (affects = []) leaves the figure exact", () => {
    expect(headlineCaveat([{ id: "param:x", text: "起付线：按假设值 0 元计算。", affects: [] }, { id: "firstThisYear", text: "假设这是本年度第一次就医。", affects: ["basic"] }], [{ id: "basic" }])).toBeNull();
  });

  test("approximate amounts round half up to the yuan, for display only", () => {
    expect(formatApproxMoney("7799.50", "zh-Hant")).toBe("¥7,800");
    expect(formatApproxMoney("0.49", "zh-Hans")).toBe("¥0");
  });
});

describe("what to prepare follows the answers known so far", () => {
  test("a pupil patient in a 低保 family (from 查资格, nothing saved yet): the child's ID, the relationship proof and the 低保 certificate are on the list", async () => {
    const { requiredDocuments } = await import("@/lib/applications/documents");
    const { answersSoFar } = await import("@/lib/applications/prefill");
    const docs = requiredDocuments(answersSoFar({ screener: { policy: "shenyang-2023", who: "pupil", certifications: ["dibao"] } }));
    expect(docs).toEqual(expect.arrayContaining(["applicant-id", "household-register", "diagnosis", "patient-id", "relationship-proof", "certification"]));
    expect(requiredDocuments(answersSoFar({}))).not.toContain("patient-id");
  });

  test("the staff queue masks the applicant's name (lib/crypto/mask maskName)", async () => {
    const { maskName } = await import("@/lib/crypto/mask");
    expect(maskName("测试家长")).toBe("测**长");
  });
});
