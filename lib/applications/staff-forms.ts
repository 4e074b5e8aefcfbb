import { z } from "zod";
import { DOCUMENT_TYPES } from "./documents";
import { procedureTimings } from "./procedure";
import { ACTION_TYPES, type ApplicationAction, CHECK_KINDS } from "./state-machine";

/**
 * A staff action form (FormData) as the state machine's action, parsed with zod at the boundary.
 * The 公示 length is never taken from the form: it comes from the area's policy pack.
 */
const text = z.string().trim().max(2000).default("");
const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal(""));
/** How many working days the form counted a default due date from today (a hidden field); absent or bad: none. */
const countedDays = z.coerce.number().int().min(1).max(366).optional().catch(undefined);

export function parseStaffAction(type: string, form: FormData, packId: string | null): ApplicationAction | null {
  if (!(ACTION_TYPES as readonly string[]).includes(type)) return null;
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const docs = form.getAll("documents").filter((d): d is string => typeof d === "string" && (DOCUMENT_TYPES as readonly string[]).includes(d));
  const reason = text.parse(get("reason"));
  const note = text.parse(get("note"));
  const d = (k: string) => {
    const r = date.safeParse(get(k));
    return (r.success ? r.data : "invalid") as `${number}-${number}-${number}`;
  };
  const amount = get("amount").trim().replace(/[,，\s]/g, "");
  switch (type) {
    case "accept":
      return { type };
    case "reject-acceptance":
    case "return-for-review":
    case "refuse":
      return { type, reason };
    case "request-correction":
      return { type, documents: docs, dueOn: d("dueOn"), note, dueInWorkingDays: countedDays.parse(get("dueInWorkingDays") || undefined) };
    case "record-check": {
      const kind = get("kind");
      return { type, note, kind: (CHECK_KINDS as readonly string[]).includes(kind) ? (kind as (typeof CHECK_KINDS)[number]) : "other" };
    }
    case "propose-amount":
      return { type, amount, reason };
    case "start-publicity": {
      const p = procedureTimings(packId).publicity;
      return { type, days: p.days, dayUnit: p.unit };
    }
    case "record-objection":
      return { type, note };
    case "end-publicity":
      return { type, reason };
    case "approve":
      return { type, amount };
    case "pay":
      return { type, paidOn: d("paidOn") };
    case "emergency-approve-and-pay": {
      const due = get("documentsDueOn").trim();
      return {
        type,
        amount,
        reason,
        paidOn: d("paidOn"),
        documentsDueOn: due ? d("documentsDueOn") : null,
        documentsDueInWorkingDays: countedDays.parse(get("documentsDueInWorkingDays") || undefined),
      };
    }
    case "complete-documents":
      return { type, documents: docs };
    default:
      return null;
  }
}
