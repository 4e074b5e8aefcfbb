/**
 * An in-app message in words: what happened ("已批准临时救助 ¥7,930", "请于 12月18日 前补交 户口簿"), from the facts a
 * Notification row stores (lib/applications/service.ts messageFacts). A key under apply:notifications.say.* and its
 * values; the page translates in the script it is read in, so the applicant reads it in the script they chose.
 * Rows stored before the facts existed fall back to the older wording (apply:notifications.<kind>). Pure.
 */
export type MessageParams = {
  reference?: string;
  status?: string;
  dueOn?: string | null;
  dueProvisional?: boolean;
  amount?: string;
  documents?: string[];
  endsOn?: string;
};

export type Message = {
  key: string;
  /** Raw values: `amount` in yuan, dates as calendar dates, `documents` as type ids; the page formats them. */
  values: { reference: string; status?: string; amount?: string; date?: string; documents?: string[] };
  /** A date the sentence itself does not carry, to add as "，期限 …". */
  due: string | null;
};

export function describeMessage(kind: string, p: MessageParams): Message {
  const reference = p.reference ?? "";
  const due = p.dueOn ?? null;
  if (kind === "correction-requested" && p.documents?.length && due) {
    return { key: "say.correction", values: { reference, date: due, documents: p.documents }, due: null };
  }
  if (kind === "submitted" && due) return { key: "say.submitted", values: { reference, date: due }, due: null };
  if (kind === "status-changed" && p.status) {
    if ((p.status === "approved" || p.status === "paid") && p.amount) return { key: `say.${p.status}`, values: { reference, amount: p.amount }, due: null };
    if (p.status === "publicity" && p.endsOn) return { key: "say.publicity", values: { reference, date: p.endsOn }, due: null };
    if (SAID.has(p.status)) return { key: `say.${p.status}`, values: { reference }, due };
  }
  return { key: kind, values: { reference, status: p.status }, due };
}

/** Statuses with their own sentence (the rest keep "状态更新：…"). */
const SAID = new Set(["received", "reviewing", "proposed", "approving", "refused", "not-accepted"]);
