import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  ACTION_TYPES,
  type ActionType,
  type Actor,
  type ApplicationAction,
  type ApplicationState,
  type ApplicationStatus,
  APPLICATION_STATUSES,
  applyAction,
  availableActions,
  newApplication,
  type Role,
  ROLES,
  timelineSteps,
  TRANSITIONS,
} from "@/lib/applications/state-machine";

// ---------------------------------------------------------------------------------------------
// The expected legal moves, written by hand from DOMAIN-BRIEF §7.3 and issue 6, independently of
// the implementation's table: [from, action, to, roles].
const EXPECTED: [ApplicationStatus, ActionType, ApplicationStatus, Role[]][] = [
  ["draft", "submit", "submitted", ["citizen", "desk"]],
  ["submitted", "accept", "received", ["desk", "caseworker"]],
  ["submitted", "reject-acceptance", "not-accepted", ["desk", "caseworker"]],
  ["submitted", "emergency-approve-and-pay", "paid", ["approver"]],
  ["received", "request-correction", "correction", ["desk", "caseworker"]],
  ["received", "record-check", "reviewing", ["caseworker"]],
  ["received", "emergency-approve-and-pay", "paid", ["approver"]],
  ["correction", "request-correction", "correction", ["desk", "caseworker"]],
  ["correction", "submit-correction", "reviewing", ["citizen", "desk", "caseworker"]],
  ["correction", "refuse", "refused", ["approver"]],
  ["correction", "emergency-approve-and-pay", "paid", ["approver"]],
  ["reviewing", "request-correction", "correction", ["desk", "caseworker"]],
  ["reviewing", "record-check", "reviewing", ["caseworker"]],
  ["reviewing", "propose-amount", "proposed", ["caseworker"]],
  ["reviewing", "refuse", "refused", ["approver"]],
  ["reviewing", "emergency-approve-and-pay", "paid", ["approver"]],
  ["proposed", "start-publicity", "publicity", ["caseworker"]],
  ["proposed", "return-for-review", "reviewing", ["caseworker"]],
  ["publicity", "record-objection", "publicity", ["desk", "caseworker"]],
  ["publicity", "end-publicity", "approving", ["caseworker"]],
  ["publicity", "return-for-review", "reviewing", ["caseworker"]],
  ["approving", "approve", "approved", ["approver"]],
  ["approving", "refuse", "refused", ["approver"]],
  ["approving", "return-for-review", "reviewing", ["approver"]],
  ["approved", "pay", "paid", ["caseworker", "approver"]],
  ["paid", "complete-documents", "paid", ["citizen", "desk", "caseworker"]],
  // Documents declared "to follow" are handed in by the applicant whenever ready, in every open status and after 发放.
  ...(["submitted", "received", "reviewing", "proposed", "publicity", "approving", "approved", "paid"] as const).map(
    (s): [ApplicationStatus, ActionType, ApplicationStatus, Role[]] => [s, "hand-in-documents", s, ["citizen"]],
  ),
];
const expectedMove = (from: ApplicationStatus, action: ActionType) =>
  EXPECTED.find(([f, a]) => f === from && a === action);

// ---------------------------------------------------------------------------------------------
// Actors and clock. Area 450223 (鹿寨). Instants are UTC; Beijing is 8 hours ahead.
const AREA = "450223";
const citizen: Actor = { id: "citizen-1", role: "citizen" };
const otherCitizen: Actor = { id: "citizen-2", role: "citizen" };
const desk: Actor = { id: "desk-1", role: "desk", areaCode: AREA };
const caseworker: Actor = { id: "cw-1", role: "caseworker", areaCode: AREA };
const approver: Actor = { id: "ap-1", role: "approver", areaCode: AREA };
const countyApprover: Actor = { id: "ap-county", role: "approver", areaCode: null };
const admin: Actor = { id: "admin-1", role: "admin", areaCode: null };
const ACTOR_BY_ROLE: Record<Role, Actor> = { citizen, desk, caseworker, approver, admin };

/** 10:00 in Beijing on a 2026 date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

function run(state: ApplicationState, action: ApplicationAction, actor: Actor, when: Date): ApplicationState {
  const r = applyAction(state, action, actor, when);
  if (!r.ok) throw new Error(`${action.type} from ${state.status} refused: ${r.code}`);
  return r.state;
}

// Fixtures in every status, built by driving the machine (an 急难型 application so that 先行救助 is legal).
// 2026-09-16 is a Wednesday; 5 working days of 公示 count 09-17, 09-18, 09-20 (Sunday 补班 for 国庆),
// 09-21, 09-22, so 公示 ends 2026-09-22 and may be closed from 09-23.
const DUE = "2026-10-30" as const;
function fixtures(): Record<ApplicationStatus, ApplicationState> {
  const draft = newApplication({ applicantId: citizen.id, areaCode: AREA, reliefType: "urgent" });
  const submitted = run(draft, { type: "submit" }, citizen, at("2026-09-14"));
  const received = run(submitted, { type: "accept" }, desk, at("2026-09-14"));
  const correction = run(received, { type: "request-correction", documents: ["diagnosis"], dueOn: DUE }, caseworker, at("2026-09-14"));
  const reviewing = run(received, { type: "record-check", note: "核对: 家庭收入低于标准", kind: "economic-check" }, caseworker, at("2026-09-15"));
  const proposed = run(reviewing, { type: "propose-amount", amount: "3000", reason: "3 × 低保月标准 1000 元" }, caseworker, at("2026-09-15"));
  const publicity = run(proposed, { type: "start-publicity", days: 5, dayUnit: "working" }, caseworker, at("2026-09-16"));
  const approving = run(publicity, { type: "end-publicity" }, caseworker, at("2026-09-23"));
  const approved = run(approving, { type: "approve", amount: "3000.00" }, approver, at("2026-09-23"));
  const refused = run(approving, { type: "refuse", reason: "家庭财产超过标准" }, approver, at("2026-09-23"));
  const notAccepted = run(submitted, { type: "reject-acceptance", reason: "不属于本辖区, 已告知向户籍地申请" }, desk, at("2026-09-14"));
  const paid = run(
    received,
    { type: "emergency-approve-and-pay", amount: "2000", reason: "突发重病, 急需住院押金", paidOn: "2026-09-14", documentsDueOn: DUE },
    approver,
    at("2026-09-14"),
  );
  return { draft, submitted, received, "not-accepted": notAccepted, correction, reviewing, proposed, publicity, approving, approved, refused, paid };
}
const FIX = fixtures();

/** A valid payload for each action (valid against the fixtures, on 2026-09-24). */
const PAYLOAD: Record<ActionType, ApplicationAction> = {
  submit: { type: "submit" },
  accept: { type: "accept" },
  "reject-acceptance": { type: "reject-acceptance", reason: "材料不属实" },
  "request-correction": { type: "request-correction", documents: ["hukou", "bank-card"], dueOn: DUE },
  "submit-correction": { type: "submit-correction", documents: ["hukou"] },
  "record-check": { type: "record-check", note: "入户调查: 情况属实", kind: "home-visit" },
  "propose-amount": { type: "propose-amount", amount: "3000", reason: "3 个月低保标准" },
  "start-publicity": { type: "start-publicity", days: 5, dayUnit: "working" },
  "record-objection": { type: "record-objection", note: "邻居反映家中有车辆" },
  "end-publicity": { type: "end-publicity" },
  "return-for-review": { type: "return-for-review", reason: "需核实车辆情况" },
  approve: { type: "approve", amount: "3000" },
  refuse: { type: "refuse", reason: "不符合条件" },
  pay: { type: "pay", paidOn: "2026-09-24" },
  "emergency-approve-and-pay": {
    type: "emergency-approve-and-pay",
    amount: "2000",
    reason: "突发重病",
    paidOn: "2026-09-24",
    documentsDueOn: DUE,
  },
  "complete-documents": { type: "complete-documents", documents: ["diagnosis"] },
  "hand-in-documents": { type: "hand-in-documents", documents: ["hukou"] },
};
const ON_0924 = at("2026-09-24");

// ---------------------------------------------------------------------------------------------

describe("the transition table", () => {
  test("matches the hand-written table exactly", () => {
    const norm = (from: string, action: string, to: string, roles: readonly string[]) =>
      `${from} --${action}--> ${to} [${[...roles].sort().join(",")}]`;
    expect(TRANSITIONS.map((t) => norm(t.from, t.action, t.to, t.roles)).sort()).toEqual(
      EXPECTED.map(([f, a, t, r]) => norm(f, a, t, r)).sort(),
    );
  });

  // Replaces a check of this file's own table: the machine itself must refuse every move by an
  // administrator (or a school's staff), whatever the status and the action.
  test.each(APPLICATION_STATUSES)("admin and school staff may do nothing in the workflow (%s)", (status) => {
    const schoolAdmin: Actor = { id: "school-1", role: "school_admin", areaCode: null, schoolId: "s1" };
    for (const actor of [admin, schoolAdmin]) {
      expect(availableActions(FIX[status], actor)).toEqual([]);
      for (const action of ACTION_TYPES) {
        const r = applyAction(FIX[status], PAYLOAD[action], actor, ON_0924);
        expect(r.ok, `${actor.role} ${action} from ${status}`).toBe(false);
      }
    }
  });
});

describe("every (status, action) pair not in the table is refused", () => {
  const illegal = APPLICATION_STATUSES.flatMap((status) =>
    ACTION_TYPES.filter((action) => !expectedMove(status, action)).map((action) => [status, action] as const),
  );
  // Replaces a count that was true by construction: every action is reachable from some status, and
  // every status but draft is entered by some move, so no name in the lists is dead.
  test("every action is legal somewhere and every status but draft is reached by a move", () => {
    expect(ACTION_TYPES.filter((a) => !TRANSITIONS.some((t) => t.action === a))).toEqual([]);
    expect(APPLICATION_STATUSES.filter((s) => s !== "draft" && !TRANSITIONS.some((t) => t.to === s))).toEqual([]);
    expect(illegal.length).toBeGreaterThan(0);
  });
  test.each(illegal)("%s × %s → illegal-transition, whoever asks", (status, action) => {
    for (const role of ROLES) {
      const r = applyAction(FIX[status], PAYLOAD[action], ACTOR_BY_ROLE[role], ON_0924);
      expect(r).toEqual({ ok: false, code: "illegal-transition" });
    }
  });
});

describe("every legal pair succeeds for each allowed role and is refused for every other role", () => {
  test.each(EXPECTED)("%s × %s → %s", (from, action, to, roles) => {
    for (const role of ROLES) {
      const r = applyAction(FIX[from], PAYLOAD[action], ACTOR_BY_ROLE[role], ON_0924);
      if (roles.includes(role)) {
        expect(r.ok, `${role}: ${JSON.stringify(r)}`).toBe(true);
        if (r.ok) {
          expect(r.state.status).toBe(to);
          expect(r.event).toMatchObject({ action, from, to, actorId: ACTOR_BY_ROLE[role].id, actorRole: role });
        }
      } else {
        expect(r, role).toEqual({ ok: false, code: "role-not-allowed" });
      }
    }
  });
});

describe("who may act on whose application", () => {
  test("a citizen cannot act on another citizen's application", () => {
    expect(applyAction(FIX.draft, { type: "submit" }, otherCitizen, ON_0924)).toEqual({ ok: false, code: "not-owner" });
    expect(applyAction(FIX.correction, PAYLOAD["submit-correction"], otherCitizen, ON_0924)).toEqual({
      ok: false,
      code: "not-owner",
    });
  });
  test("staff of another area are refused; staff bound to no area are not", () => {
    const fuyangCaseworker: Actor = { id: "cw-fy", role: "caseworker", areaCode: "330111" };
    expect(applyAction(FIX.received, PAYLOAD["record-check"], fuyangCaseworker, ON_0924)).toEqual({
      ok: false,
      code: "wrong-area",
    });
    expect(applyAction(FIX.approving, PAYLOAD.approve, countyApprover, ON_0924).ok).toBe(true);
  });
  test("availableActions lists what the actor may do now", () => {
    expect(availableActions(FIX.reviewing, caseworker)).toEqual(["request-correction", "record-check", "propose-amount"]);
    expect(availableActions(FIX.reviewing, approver)).toEqual(["refuse", "emergency-approve-and-pay"]);
    expect(availableActions(FIX.reviewing, citizen)).toEqual(["hand-in-documents"]);
    expect(availableActions(FIX.draft, otherCitizen)).toEqual([]);
    expect(availableActions(FIX.reviewing, admin)).toEqual([]);
    const expense = { ...FIX.reviewing, reliefType: "expense" as const };
    expect(availableActions(expense, approver)).toEqual(["refuse"]);
  });
});

describe("approval: only what a caseworker proposed, never one's own proposal", () => {
  test("the proposer cannot approve, even holding the approver role", () => {
    const proposerAsApprover: Actor = { id: caseworker.id, role: "approver", areaCode: AREA };
    expect(applyAction(FIX.approving, PAYLOAD.approve, proposerAsApprover, ON_0924)).toEqual({
      ok: false,
      code: "self-approval",
    });
  });
  test("the approved amount is the 公示'd amount (3000 = 3000.00); another amount goes back for review", () => {
    expect(applyAction(FIX.approving, { type: "approve", amount: "3000.00" }, approver, ON_0924).ok).toBe(true);
    expect(applyAction(FIX.approving, { type: "approve", amount: "2999.99" }, approver, ON_0924)).toEqual({
      ok: false,
      code: "amount-differs-from-proposal",
    });
  });
  test("a state in approving without a proposal is refused", () => {
    expect(applyAction({ ...FIX.approving, proposal: null }, PAYLOAD.approve, approver, ON_0924)).toEqual({
      ok: false,
      code: "no-proposal",
    });
  });
  test("an amount cannot be proposed before any 核对/调查 is recorded", () => {
    const viaCorrection = run(FIX.correction, PAYLOAD["submit-correction"], citizen, ON_0924);
    expect(viaCorrection.checks).toBe(0);
    expect(applyAction(viaCorrection, PAYLOAD["propose-amount"], caseworker, ON_0924)).toEqual({
      ok: false,
      code: "no-check-recorded",
    });
  });
});

describe("reasons and notes where the procedure requires them", () => {
  test.each<[ApplicationStatus, ApplicationAction, Actor]>([
    ["submitted", { type: "reject-acceptance", reason: "  " }, desk],
    ["reviewing", { type: "refuse", reason: "" }, approver],
    ["approving", { type: "refuse", reason: "\n" }, approver],
    ["approving", { type: "return-for-review", reason: "" }, approver],
    ["proposed", { type: "return-for-review", reason: " " }, caseworker],
    ["reviewing", { type: "propose-amount", amount: "3000", reason: "" }, caseworker],
    ["received", { ...(PAYLOAD["emergency-approve-and-pay"] as object), reason: "" } as ApplicationAction, approver],
  ])("%s: %o → reason-required", (status, action, actor) => {
    expect(applyAction(FIX[status], action, actor, ON_0924)).toEqual({ ok: false, code: "reason-required" });
  });

  test.each<[ApplicationStatus, ApplicationAction, Actor]>([
    ["received", { type: "record-check", note: "" }, caseworker],
    ["publicity", { type: "record-objection", note: "  " }, desk],
  ])("%s: %o → note-required", (status, action, actor) => {
    expect(applyAction(FIX[status], action, actor, ON_0924)).toEqual({ ok: false, code: "note-required" });
  });

  test("closing 公示 after an objection needs the answer to it; without objections it does not", () => {
    const objected = run(FIX.publicity, PAYLOAD["record-objection"], desk, at("2026-09-18"));
    expect(objected.publicity?.objections).toBe(1);
    expect(applyAction(objected, { type: "end-publicity" }, caseworker, ON_0924)).toEqual({
      ok: false,
      code: "reason-required",
    });
    const r = applyAction(objected, { type: "end-publicity", reason: "经核实车辆已于2025年报废" }, caseworker, ON_0924);
    expect(r.ok && r.event.reason).toBe("经核实车辆已于2025年报废");
    expect(applyAction(FIX.publicity, { type: "end-publicity" }, caseworker, ON_0924).ok).toBe(true);
  });

  test("补正 lists the documents; an empty list is refused both ways", () => {
    expect(applyAction(FIX.received, { type: "request-correction", documents: [], dueOn: DUE }, desk, ON_0924)).toEqual({
      ok: false,
      code: "documents-required",
    });
    expect(applyAction(FIX.correction, { type: "submit-correction", documents: [""] }, citizen, ON_0924)).toEqual({
      ok: false,
      code: "documents-required",
    });
  });
});

describe("dates and amounts", () => {
  test("补正 due date must be after today, and a real date", () => {
    const req = (dueOn: string) =>
      applyAction(FIX.received, { type: "request-correction", documents: ["x"], dueOn: dueOn as typeof DUE }, desk, ON_0924);
    expect(req("2026-09-24")).toEqual({ ok: false, code: "due-date-not-after-today" });
    expect(req("2026-09-31")).toEqual({ ok: false, code: "invalid-date" });
    expect(req("2026-09-25").ok).toBe(true);
  });
  test("payment date: not in the future, not before the decision", () => {
    expect(applyAction(FIX.approved, { type: "pay", paidOn: "2026-09-25" }, caseworker, ON_0924)).toEqual({
      ok: false,
      code: "date-in-future",
    });
    expect(applyAction(FIX.approved, { type: "pay", paidOn: "2026-09-22" }, caseworker, ON_0924)).toEqual({
      ok: false,
      code: "date-before-decision",
    });
  });
  test("'today' is China's date: 2026-09-24T17:00Z is already 09-25 in Beijing", () => {
    const r = applyAction(FIX.approved, { type: "pay", paidOn: "2026-09-25" }, caseworker, new Date("2026-09-24T17:00:00Z"));
    expect(r.ok && r.event.on).toBe("2026-09-25");
  });
  test.each(["", "abc", "-5", "0", "0.00", "1.234", "1e3", "１０００", "10000000000"])("amount %j → invalid-amount", (amount) => {
    expect(applyAction(FIX.reviewing, { type: "propose-amount", amount, reason: "x" }, caseworker, ON_0924)).toEqual({
      ok: false,
      code: "invalid-amount",
    });
  });
  test("amounts are stored to the fen", () => {
    const r = applyAction(FIX.reviewing, { type: "propose-amount", amount: "2476.5", reason: "2 个月" }, caseworker, ON_0924);
    expect(r.ok && r.state.proposal?.amount).toBe("2476.50");
  });
});

describe("公示 length comes from the policy pack", () => {
  test("5 working days from Wed 2026-09-16 end Tue 09-22 (Sunday 09-20 is a 国庆 补班 day)", () => {
    expect(FIX.publicity.publicity).toMatchObject({ startedOn: "2026-09-16", endsOn: "2026-09-22", days: 5 });
    expect(applyAction(FIX.publicity, PAYLOAD["end-publicity"], caseworker, at("2026-09-22"))).toEqual({
      ok: false,
      code: "publicity-not-over",
    });
    expect(applyAction(FIX.publicity, PAYLOAD["end-publicity"], caseworker, at("2026-09-23")).ok).toBe(true);
  });
  test("7 calendar days from 2026-09-29 would end on 10-06 (国庆), so they run to Thu 10-08", () => {
    const r = applyAction(FIX.proposed, { type: "start-publicity", days: 7, dayUnit: "calendar" }, caseworker, at("2026-09-29"));
    expect(r.ok && r.state.publicity?.endsOn).toBe("2026-10-08");
  });
  test.each([0, -1, 1.5, 61, Number.NaN])("%d days → invalid-publicity-length", (days) => {
    expect(applyAction(FIX.proposed, { type: "start-publicity", days, dayUnit: "working" }, caseworker, ON_0924)).toEqual({
      ok: false,
      code: "invalid-publicity-length",
    });
  });
  test("a 公示 that runs into 2027 (no holiday notice yet) is not refused: it ends on a provisional (暂定) date", () => {
    // Mon 2026-12-28 → 29, 30, 31, (Fri 2027-01-01 元旦 by the statutory rule, weekend), Mon 01-04, Tue 01-05.
    const r = applyAction(FIX.proposed, { type: "start-publicity", days: 5, dayUnit: "working" }, caseworker, at("2026-12-28"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.publicity).toMatchObject({ endsOn: "2027-01-05", endsOnProvisional: true });
    expect(r.event.details).toMatchObject({ endsOn: "2027-01-05", endsOnProvisional: true });
  });
});

describe("急难型 先行救助: approve and pay first, documents after", () => {
  test("from a submitted application: accepted, approved and paid in one step, documents owed", () => {
    const r = applyAction(
      FIX.submitted,
      { type: "emergency-approve-and-pay", amount: "2476", reason: "火灾后住院", paidOn: "2026-09-14", documentsDueOn: "2026-10-19" },
      approver,
      at("2026-09-14"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state).toMatchObject({
      status: "paid",
      receivedOn: "2026-09-14",
      decision: { outcome: "approved", amount: "2476.00", decidedBy: approver.id },
      payment: { amount: "2476.00", paidOn: "2026-09-14" },
      emergency: { documentsDueOn: "2026-10-19", documentsCompletedOn: null },
    });
    expect(r.event).toMatchObject({ action: "emergency-approve-and-pay", reason: "火灾后住院" });
    expect(timelineSteps(r.state).map((s) => [s.id, s.state, s.on, s.waitingFor, s.dueOn])).toEqual([
      ["acceptance", "done", "2026-09-14", null, null],
      ["review", "skipped", null, null, null],
      ["publicity", "skipped", null, null, null],
      ["approval", "done", "2026-09-14", null, null],
      ["payment", "done", "2026-09-14", "applicant", "2026-10-19"],
    ]);

    const completed = run(r.state, { type: "complete-documents", documents: ["diagnosis", "hukou"] }, citizen, at("2026-09-21"));
    expect(completed.emergency).toEqual({ documentsDueOn: "2026-10-19", documentsCompletedOn: "2026-09-21" });
    expect(timelineSteps(completed).at(-1)).toMatchObject({ state: "done", waitingFor: null });
    expect(applyAction(completed, PAYLOAD["complete-documents"], citizen, at("2026-09-22"))).toEqual({
      ok: false,
      code: "no-documents-pending",
    });
  });
  test("only for 急难型 applications", () => {
    const expense = { ...FIX.received, reliefType: "expense" as const };
    expect(applyAction(expense, PAYLOAD["emergency-approve-and-pay"], approver, ON_0924)).toEqual({
      ok: false,
      code: "not-urgent",
    });
  });
  test("nothing owed: no documents to complete afterwards", () => {
    const paid = run(FIX.received, { ...(PAYLOAD["emergency-approve-and-pay"] as object), documentsDueOn: null } as ApplicationAction, approver, ON_0924);
    expect(applyAction(paid, PAYLOAD["complete-documents"], citizen, ON_0924)).toEqual({ ok: false, code: "no-documents-pending" });
    // Only what was declared "to follow" can still be handed in (the service knows what that is).
    expect(availableActions(paid, citizen)).toEqual(["hand-in-documents"]);
  });
  test("documents declared to follow are handed in at any open step, accumulate, and are kept through 补正 and 先行救助", () => {
    const once = run(FIX.reviewing, { type: "hand-in-documents", documents: ["hukou"] }, citizen, ON_0924);
    expect(once.status).toBe("reviewing");
    const twice = run(once, { type: "hand-in-documents", documents: ["diagnosis", "hukou"] }, citizen, ON_0924);
    expect(twice.documentsHandedIn).toEqual(["hukou", "diagnosis"]);
    expect(applyAction(FIX.reviewing, { type: "hand-in-documents", documents: [] }, citizen, ON_0924)).toEqual({ ok: false, code: "documents-required" });
    expect(applyAction(FIX.reviewing, { type: "hand-in-documents", documents: ["hukou"] }, otherCitizen, ON_0924)).toEqual({ ok: false, code: "not-owner" });
    expect(run(FIX.correction, PAYLOAD["submit-correction"], citizen, ON_0924).documentsHandedIn).toEqual(["hukou"]);
  });
  test("a normal payment has no documents to complete", () => {
    const paid = run(FIX.approved, PAYLOAD.pay, caseworker, ON_0924);
    expect(applyAction(paid, PAYLOAD["complete-documents"], citizen, ON_0924)).toEqual({ ok: false, code: "no-documents-pending" });
  });
});

describe("a full 支出型 case: 补正, 核对, 公示 with an objection, approval, 发放", () => {
  test("each step recorded with who, when, why, and the citizen's timeline follows", () => {
    const events: unknown[] = [];
    let s = newApplication({ applicantId: citizen.id, areaCode: AREA, reliefType: "expense" });
    const go = (action: ApplicationAction, actor: Actor, when: Date) => {
      const r = applyAction(s, action, actor, when);
      if (!r.ok) throw new Error(`${action.type}: ${r.code}`);
      events.push(r.event);
      s = r.state;
      return r.event;
    };
    const timeline = () => timelineSteps(s).map((t) => `${t.id}:${t.state}${t.on ? `@${t.on}` : ""}${t.dueOn ? `→${t.dueOn}` : ""}${t.waitingFor ? `(${t.waitingFor})` : ""}`);

    expect(timeline()).toEqual(["acceptance:upcoming", "review:upcoming", "publicity:upcoming", "approval:upcoming", "payment:upcoming"]);

    go({ type: "submit" }, citizen, at("2026-09-07"));
    expect(timeline()[0]).toBe("acceptance:current(office)");
    go({ type: "accept" }, desk, at("2026-09-07"));
    go({ type: "request-correction", documents: ["diagnosis", "hospital-bills"], dueOn: "2026-09-14", note: "请补充诊断证明和住院费用票据" }, caseworker, at("2026-09-08"));
    expect(timeline()).toEqual([
      "acceptance:done@2026-09-07",
      "review:current→2026-09-14(applicant)",
      "publicity:upcoming",
      "approval:upcoming",
      "payment:upcoming",
    ]);
    go({ type: "submit-correction", documents: ["diagnosis", "hospital-bills"] }, citizen, at("2026-09-10"));
    go({ type: "record-check", note: "家庭经济状况核对: 符合", kind: "economic-check" }, caseworker, at("2026-09-11"));
    go({ type: "record-check", note: "入户调查: 属实", kind: "home-visit" }, caseworker, at("2026-09-14"));
    go({ type: "propose-amount", amount: "6000", reason: "支出型: 低保月标准 1000 元 × 3 人 × 2 个月" }, caseworker, at("2026-09-15"));
    go({ type: "start-publicity", days: 5, dayUnit: "working" }, caseworker, at("2026-09-16"));
    expect(timeline()[2]).toBe("publicity:current→2026-09-22(office)");
    go({ type: "record-objection", note: "有人反映申请人有经营收入" }, desk, at("2026-09-18"));
    go({ type: "end-publicity", reason: "经核实经营已于2025年停止, 异议不成立" }, caseworker, at("2026-09-23"));
    go({ type: "approve", amount: "6000" }, approver, at("2026-09-24"));
    expect(timeline()).toEqual([
      "acceptance:done@2026-09-07",
      "review:done@2026-09-15",
      "publicity:done@2026-09-23",
      "approval:done@2026-09-24",
      "payment:current(office)",
    ]);
    go({ type: "pay", paidOn: "2026-09-28" }, caseworker, at("2026-09-28"));

    expect(s).toMatchObject({
      status: "paid",
      checks: 2,
      proposal: { amount: "6000.00", proposedBy: caseworker.id },
      decision: { outcome: "approved", amount: "6000.00", decidedBy: approver.id, decidedOn: "2026-09-24" },
      payment: { amount: "6000.00", paidOn: "2026-09-28", recordedBy: caseworker.id },
      emergency: null,
    });
    expect(timeline().at(-1)).toBe("payment:done@2026-09-28");
    expect(events.map((e) => (e as { action: string; to: string }).action + "→" + (e as { to: string }).to)).toEqual([
      "submit→submitted",
      "accept→received",
      "request-correction→correction",
      "submit-correction→reviewing",
      "record-check→reviewing",
      "record-check→reviewing",
      "propose-amount→proposed",
      "start-publicity→publicity",
      "record-objection→publicity",
      "end-publicity→approving",
      "approve→approved",
      "pay→paid",
    ]);
    expect(events[2]).toEqual({
      action: "request-correction",
      from: "received",
      to: "correction",
      actorId: caseworker.id,
      actorRole: "caseworker",
      at: "2026-09-08T02:00:00.000Z",
      on: "2026-09-08",
      reason: null,
      note: "请补充诊断证明和住院费用票据",
      details: { documents: ["diagnosis", "hospital-bills"], dueOn: "2026-09-14" },
    });
  });

  test("refusals show where the application stopped", () => {
    const steps = (s: ApplicationState) => timelineSteps(s).map((t) => `${t.id}:${t.state}`);
    expect(steps(FIX["not-accepted"])).toEqual([
      "acceptance:stopped",
      "review:not-reached",
      "publicity:not-reached",
      "approval:not-reached",
      "payment:not-reached",
    ]);
    expect(steps(FIX.refused)).toEqual(["acceptance:done", "review:done", "publicity:done", "approval:stopped", "payment:not-reached"]);
    const refusedInReview = run(FIX.reviewing, PAYLOAD.refuse, approver, ON_0924);
    expect(steps(refusedInReview)).toEqual(["acceptance:done", "review:done", "publicity:skipped", "approval:stopped", "payment:not-reached"]);
    expect(timelineSteps(refusedInReview)[3].on).toBe("2026-09-24");
  });

  test("return for review clears the proposal and its 公示", () => {
    const back = run(FIX.approving, PAYLOAD["return-for-review"], approver, ON_0924);
    expect(back).toMatchObject({ status: "reviewing", proposal: null, publicity: null });
  });
});

describe("robustness", () => {
  test("unknown action types are refused", () => {
    expect(applyAction(FIX.draft, { type: "delete" } as unknown as ApplicationAction, citizen, ON_0924)).toEqual({
      ok: false,
      code: "unknown-action",
    });
  });
  test("an invalid clock is refused", () => {
    expect(applyAction(FIX.draft, PAYLOAD.submit, citizen, new Date("x"))).toEqual({ ok: false, code: "invalid-date" });
  });
  test("a stored state missing what its status implies is refused, not crashed on", () => {
    expect(applyAction({ ...FIX.publicity, publicity: null }, PAYLOAD["end-publicity"], caseworker, ON_0924)).toEqual({
      ok: false,
      code: "inconsistent-state",
    });
    expect(applyAction({ ...FIX.approved, decision: null }, PAYLOAD.pay, caseworker, ON_0924)).toEqual({
      ok: false,
      code: "inconsistent-state",
    });
  });
  test("the input state is never mutated", () => {
    const frozen = structuredClone(FIX.publicity);
    deepFreeze(frozen);
    expect(applyAction(frozen, PAYLOAD["record-objection"], desk, ON_0924).ok).toBe(true);
    expect(frozen).toEqual(FIX.publicity);
  });

  test("random walks never approve one's own proposal, and every paid case has an approval and a payment", () => {
    const actors: Actor[] = [citizen, otherCitizen, desk, caseworker, approver, countyApprover, admin, { id: "cw-1", role: "approver", areaCode: AREA }];
    const actionArb = fc.constantFrom(...ACTION_TYPES).map((t) => PAYLOAD[t]);
    fc.assert(
      fc.property(
        fc.constantFrom<"urgent" | "expense">("urgent", "expense"),
        fc.array(fc.tuple(actionArb, fc.constantFrom(...actors), fc.integer({ min: 0, max: 20 })), { maxLength: 40 }),
        (reliefType, moves) => {
          let s = newApplication({ applicantId: citizen.id, areaCode: AREA, reliefType });
          let day = Date.UTC(2026, 8, 1) / 86_400_000;
          for (const [action, actor, gap] of moves) {
            day += gap;
            const r = applyAction(s, action, actor, new Date(day * 86_400_000 + 2 * 3_600_000));
            if (!r.ok) continue;
            const move = expectedMove(s.status, action.type);
            expect(move, `${s.status} × ${action.type}`).toBeDefined();
            expect(move![3]).toContain(actor.role);
            s = r.state;
            if (action.type === "approve") expect(s.decision?.decidedBy).not.toBe(s.proposal?.proposedBy);
            if (s.status === "paid") {
              expect(s.decision?.outcome).toBe("approved");
              expect(s.payment?.amount).toBe(s.decision?.amount);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
