import { describe, expect, test } from "vitest";
import { parsePrefill, parseSection, prefillQuery } from "@/lib/applications/draft-schema";
import { requiredDocuments } from "@/lib/applications/documents";
import { formValues } from "@/lib/validation/form-values";
import { outOfPocket } from "@/lib/applications/service";
import { staffActionSchema, withPackTimings } from "@/lib/applications/staff-forms";
import { fieldErrorCodes } from "@/lib/validation/issues";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("estimate prefill from query params", () => {
  test("a pack id and an amount are accepted; unknown params are ignored", () => {
    expect(parsePrefill({ from: "estimate", policy: "luzhai-2018", total: "12345.6", utm: "x" })).toEqual({ policy: "luzhai-2018", total: "12345.60" });
  });
  test("what the layers reimbursed comes along when it does not exceed the bill", () => {
    expect(parsePrefill({ from: "estimate", policy: "luzhai-2018", total: "20000.00", reimbursed: "18000" })).toEqual({
      policy: "luzhai-2018",
      total: "20000.00",
      reimbursed: "18000.00",
    });
    expect(parsePrefill({ from: "estimate", policy: "luzhai-2018", total: "100", reimbursed: "100.01" })).toEqual({ policy: "luzhai-2018", total: "100.00" });
    expect(parsePrefill({ from: "estimate", policy: "luzhai-2018", total: "100", reimbursed: "-1" })).toEqual({ policy: "luzhai-2018", total: "100.00" });
  });
  test("prefillQuery is the inverse of parsePrefill", () => {
    const prefill = { policy: "shenyang-2023", total: "86000.00", reimbursed: "61234.56" };
    expect(parsePrefill(Object.fromEntries(prefillQuery(prefill)))).toEqual(prefill);
  });
  test.each([
    ["not from an estimate", { policy: "luzhai-2018", total: "100" }],
    ["script in the pack id", { from: "estimate", policy: "<script>", total: "100" }],
    ["a negative total", { from: "estimate", policy: "luzhai-2018", total: "-5" }],
    ["a float with three decimals", { from: "estimate", policy: "luzhai-2018", total: "1.005" }],
    ["an exponent", { from: "estimate", policy: "luzhai-2018", total: "1e9" }],
  ])("%s → ignored", (_label, params) => {
    expect(parsePrefill(params)).toBeNull();
  });
});

describe("section validation at the boundary", () => {
  test("money is kept as a decimal string (commas, ¥ and spaces accepted), never a float", () => {
    const r = parseSection("illness", { diagnosis: "d", hospital: "h", totalCost: "¥86,000", reimbursed: "0.1" });
    expect(r).toMatchObject({ ok: true, data: { totalCost: "86000.00", reimbursed: "0.10", ongoingMonthly: "" } });
  });
  test("a child patient needs a name and a valid ID number; 'self' needs neither", () => {
    expect(parseSection("patient", { relationship: "self" })).toMatchObject({ ok: true });
    expect(parseSection("patient", { relationship: "child", name: "", idNumber: "123" })).toEqual({
      ok: false,
      errors: { name: "required", idNumber: "id-number-length" },
    });
  });
  test("both consents are separate and each is required", () => {
    expect(parseSection("declarations", { truthful: "on", consentSensitive: "on" })).toEqual({ ok: false, errors: { consentCheck: "consent-required" } });
  });
});

describe("required documents follow the answers", () => {
  test("a parent applying for a child in a 低保 family: the child's ID and the relationship proof and the certificate", () => {
    expect(
      requiredDocuments({
        patient: { relationship: "child", name: "c", idNumber: "x" },
        household: { size: 3, monthlyIncome: "0.00", certifications: ["dibao"] },
      }),
    ).toEqual(["applicant-id", "household-register", "diagnosis", "patient-id", "relationship-proof", "bills", "certification"]);
  });
});

describe("staff forms", () => {
  const parse = (type: string, entries: [string, string][]) => staffActionSchema(type).safeParse(formValues(form(entries)));
  test("公示 length comes from the area's pack, never from the form", () => {
    const input = parse("start-publicity", [["days", "1"]]);
    expect(input).toMatchObject({ success: true, data: { type: "start-publicity" } });
    if (!input.success) return;
    expect(withPackTimings(input.data, "luzhai-2018")).toEqual({ type: "start-publicity", days: 3, dayUnit: "working" });
    expect(withPackTimings(input.data, "zhejiang-district-2024")).toEqual({ type: "start-publicity", days: 7, dayUnit: "calendar" });
    // No place value: the national framework's 5 working days.
    expect(withPackTimings(input.data, "shenyang-2023")).toEqual({ type: "start-publicity", days: 5, dayUnit: "working" });
  });
  test("unknown document types are dropped and unknown actions refused", () => {
    expect(parse("request-correction", [["documents", "bills"], ["documents", "../etc"], ["dueOn", "2026-12-01"]])).toMatchObject({
      success: true,
      data: { type: "request-correction", documents: ["bills"], dueOn: "2026-12-01", note: "" },
    });
    for (const type of ["delete-everything", "submit"]) {
      const r = parse(type, []);
      expect(r.success).toBe(false);
      if (!r.success) expect(fieldErrorCodes(r.error.issues)).toEqual({ _form: "unknown-action" });
    }
  });
  // Before the action wrapper, a bad date became the string "invalid" and an unknown 核对 kind became "other".
  test("a malformed date or 核对 kind is refused with its code, not passed on", () => {
    const bad = parse("pay", [["paidOn", "2026-13-45"]]);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(fieldErrorCodes(bad.error.issues)).toEqual({ paidOn: "invalid-date" });
    const kind = parse("record-check", [["note", "n"], ["kind", "gossip"]]);
    expect(kind.success).toBe(false);
    if (!kind.success) expect(fieldErrorCodes(kind.error.issues)).toEqual({ kind: "invalid" });
    expect(parse("record-check", [["note", "n"]])).toMatchObject({ success: true, data: { kind: "other" } });
  });
  test("an empty optional date means none; amounts lose their grouping", () => {
    expect(parse("emergency-approve-and-pay", [["amount", "1,500"], ["reason", "r"], ["paidOn", "2026-11-23"], ["documentsDueOn", ""]])).toMatchObject({
      success: true,
      data: { amount: "1500", paidOn: "2026-11-23", documentsDueOn: null },
    });
  });
});

describe("what the family paid itself (shown to the caseworker beside the 临时救助 standard)", () => {
  test.each([
    ["80000.00", "50000.50", "29999.50"],
    ["1000.00", "", "1000.00"],
    ["1000.00", "1200.00", "0.00"],
  ])("bill %s, reimbursed %s → %s", (totalCost, reimbursed, expected) => {
    expect(outOfPocket({ totalCost, reimbursed })).toBe(expected);
  });
});
