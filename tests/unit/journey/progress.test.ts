import { describe, expect, test } from "vitest";
import { documentsOwed, type MaskedData } from "@/lib/applications/service";
import { nextStep } from "@/lib/applications/next-step";
import { type ApplicationState, type ApplicationStatus, newApplication } from "@/lib/applications/state-machine";

const data: MaskedData = {
  documentsToFollow: ["household-register", "diagnosis"],
  bank: { accountName: "王某", bankName: "中国农业银行", accountMasked: "6228 **** **** 1234" },
};

function view(status: ApplicationStatus, state: Partial<ApplicationState> = {}, currentDueOn: `${number}-${number}-${number}` | null = "2026-12-18") {
  return {
    status,
    state: { ...newApplication({ applicantId: "c1", areaCode: "210100", reliefType: "expense" }), status, ...state },
    data,
    requiredDocuments: [],
    currentDueOn,
    currentDueProvisional: false,
  };
}

describe("documents declared to follow are owed from 进度 at every step, with the date", () => {
  test.each(["submitted", "received", "reviewing", "proposed", "publicity", "approving", "approved"] as const)("%s: both still owed, due with the current step", (status) => {
    expect(documentsOwed(view(status))).toEqual({ action: "hand-in-documents", documents: ["household-register", "diagnosis"], dueOn: "2026-12-18", provisional: false });
  });

  test("a case that reached 发放 without them still lists them (no date: the file must be completed)", () => {
    expect(documentsOwed(view("paid", { payment: { amount: "7930.00", paidOn: "2026-12-01", recordedBy: "s" } }, null))).toEqual({
      action: "hand-in-documents",
      documents: ["household-register", "diagnosis"],
      dueOn: null,
      provisional: false,
    });
  });

  test("what was handed in is no longer owed; once all are in, nothing is", () => {
    expect(documentsOwed(view("reviewing", { documentsHandedIn: ["diagnosis"] }))?.documents).toEqual(["household-register"]);
    expect(documentsOwed(view("reviewing", { documentsHandedIn: ["diagnosis", "household-register"] }))).toBeNull();
  });

  test("a 补正 request and 先行救助 keep their own dates; closed cases owe nothing", () => {
    const correction = { documents: ["hukou"], dueOn: "2026-12-10" as const, requestedOn: "2026-12-01" as const, requestedBy: "s" };
    expect(documentsOwed(view("correction", { correction }))?.action).toBe("submit-correction");
    expect(documentsOwed(view("refused"))).toBeNull();
    expect(documentsOwed(view("not-accepted"))).toBeNull();
  });
});

describe("进度's 'what happens now' follows the status", () => {
  test("after 已发放: how much, on which day, to which account (masked) — never 请等待经办机构办理", () => {
    const step = nextStep(view("paid", { payment: { amount: "7930.00", paidOn: "2026-12-01", recordedBy: "s" } }, null));
    expect(step).toEqual({ key: "paid", values: { amount: "7930.00", date: "2026-12-01", bank: "中国农业银行", account: "6228 **** **** 1234" } });
  });

  test("each status has its own sentence; 公示 says when it ends", () => {
    const publicity = { startedOn: "2026-12-01" as const, endsOn: "2026-12-05" as const, days: 5, dayUnit: "working" as const, objections: 0, endedOn: null };
    expect(nextStep(view("publicity", { publicity }))).toEqual({ key: "publicity", values: { date: "2026-12-05" } });
    expect(nextStep(view("submitted")).key).toBe("submitted");
    expect(nextStep(view("correction")).key).toBe("reviewing");
    expect(nextStep(view("approving")).key).toBe("approving");
    expect(nextStep(view("refused")).key).toBe("refused");
    const decision = { outcome: "approved" as const, amount: "7930.00", reason: null, decidedBy: "a", decidedOn: "2026-12-01" as const };
    expect(nextStep(view("approved", { decision })).values).toMatchObject({ amount: "7930.00", account: "6228 **** **** 1234" });
  });
});
