import { describe, expect, test } from "vitest";
import { activeSteps, certOptions, checkStep, firstIncomplete, nextStep, readState, stateQuery, toAnswers } from "@/lib/eligibility/screener";

const full = { policy: "shenyang-2023", who: "pupil", age: "9", insurance: "resident", enrolled: "yes", cert: "dibao", costs: "no", union: "no", urgent: "no" };

describe("screener state in the query string", () => {
  test("round-trips through the query", () => {
    const s = readState(full);
    expect(readState(Object.fromEntries(new URLSearchParams(stateQuery(s))))).toEqual(s);
  });
  test("a complete state has no incomplete step and converts to answers", () => {
    const s = readState(full);
    expect(firstIncomplete(s)).toBeNull();
    expect(toAnswers(s)).toMatchObject({ policy: "shenyang-2023", who: "pupil", age: 9, certifications: ["dibao"], enrolled: true });
  });
  test("the enrolled question is skipped for the uninsured", () => {
    const s = readState({ ...full, insurance: "none", enrolled: undefined });
    expect(activeSteps(s)).not.toContain("enrolled");
    expect(nextStep("insurance", s)).toBe("certs");
    expect(firstIncomplete(s)).toBeNull();
  });
  test("an unanswered age is incomplete, an empty one is an answer", () => {
    expect(firstIncomplete(readState({ ...full, age: undefined }))).toBe("age");
    expect(firstIncomplete(readState({ ...full, age: "" }))).toBeNull();
    expect(checkStep("age", readState({ ...full, age: "abc" }))).toBe("age");
  });
  test("建档立卡 is offered only for historic packs", () => {
    expect(certOptions("shenyang-2023")).not.toContain("poverty-registered");
    expect(certOptions("luzhai-2018")).toContain("poverty-registered");
  });
  test("'none' together with a certificate is an error", () => {
    expect(checkStep("certs", readState({ ...full, cert: ["none", "dibao"] }))).toBe("noneAndOthers");
    expect(checkStep("certs", readState({ ...full, cert: [] }))).toBe("required");
  });
});
