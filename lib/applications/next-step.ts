import type { ApplicationView } from "@/lib/applications/service";

/**
 * 进度's "what happens now" for the applicant, following the status: who is doing what, until when, and after
 * 已发放 how much was paid, on which day and to which account (masked). A message key under apply:track.now.* and
 * its values; the page translates. Pure.
 */
export type NextStep = {
  key: "submitted" | "reviewing" | "proposed" | "publicity" | "approving" | "approved" | "paid" | "refused" | "not-accepted";
  /** Amounts in yuan (decimal strings), dates as calendar dates, account already masked. */
  values: { amount?: string; date?: string; bank?: string; account?: string };
};

export function nextStep(view: Pick<ApplicationView, "status" | "state" | "data" | "currentDueOn">): NextStep {
  const due = view.currentDueOn ?? undefined;
  const bank = view.data.bank ? { bank: view.data.bank.bankName, account: view.data.bank.accountMasked } : {};
  switch (view.status) {
    case "draft":
    case "submitted":
      return { key: "submitted", values: { date: due } };
    case "received":
    case "correction":
    case "reviewing":
      return { key: "reviewing", values: { date: due } };
    case "proposed":
      return { key: "proposed", values: {} };
    case "publicity":
      return { key: "publicity", values: { date: view.state.publicity?.endsOn ?? due } };
    case "approving":
      return { key: "approving", values: { date: due } };
    case "approved":
      return { key: "approved", values: { amount: view.state.decision?.amount ?? undefined, date: due, ...bank } };
    case "paid":
      return { key: "paid", values: { amount: view.state.payment?.amount ?? view.state.decision?.amount ?? undefined, date: view.state.payment?.paidOn, ...bank } };
    case "refused":
      return { key: "refused", values: {} };
    case "not-accepted":
      return { key: "not-accepted", values: {} };
  }
}
