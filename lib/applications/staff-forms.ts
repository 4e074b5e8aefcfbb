import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar/working-days";
import { DOCUMENT_TYPES } from "@/lib/applications/documents";
import { procedureTimings } from "@/lib/applications/procedure";
import { ACTION_TYPES, type ActionType, type ApplicationAction, CHECK_KINDS } from "@/lib/applications/state-machine";

/**
 * A staff action form as the state machine's action, parsed with zod at the boundary (through the
 * action wrapper, lib/actions). The form gives only what the person decides; what is required when
 * (a reason for 不予受理, objections answered before 公示 ends…) is the state machine's rule, so
 * empty text passes here and is refused there with its own code. Malformed values are refused
 * here: a date that is not YYYY-MM-DD ("invalid-date"), an unknown 核对 kind ("invalid").
 * The 公示 length is never taken from the form: `withPackTimings` takes it from the area's pack.
 */

/** What a staff form yields: an action, with 公示's length still to come from the pack. */
export type StaffActionInput = Exclude<ApplicationAction, { type: "start-publicity" }> | { type: "start-publicity" };

const text = z.string().trim().max(2000).default("");
const date = z
  .string()
  .trim()
  .refine((v) => isCalendarDate(v), "invalid-date")
  .transform((v) => v as `${number}-${number}-${number}`);
const optionalDate = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || isCalendarDate(v), "invalid-date")
  .transform((v) => (v === "" ? null : (v as `${number}-${number}-${number}`)));
/** Amounts as typed, with grouping commas and spaces removed; the state machine checks the value. */
const amount = z
  .string()
  .default("")
  .transform((v) => v.trim().replace(/[,，\s]/g, ""));
/** How many working days the form counted a default due date from today (a hidden field); absent or bad: none. */
const countedDays = z.coerce.number().int().min(1).max(366).optional().catch(undefined);
/** Ticked document types; anything else a tampered form might send is dropped. */
const documents = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((v) => (Array.isArray(v) ? v : [v]).filter((d) => (DOCUMENT_TYPES as readonly string[]).includes(d)));

const schemas = {
  submit: z.never(),
  accept: z.object({}).transform(() => ({ type: "accept" as const })),
  "reject-acceptance": z.object({ reason: text }).transform((f) => ({ type: "reject-acceptance" as const, ...f })),
  "return-for-review": z.object({ reason: text }).transform((f) => ({ type: "return-for-review" as const, ...f })),
  refuse: z.object({ reason: text }).transform((f) => ({ type: "refuse" as const, ...f })),
  "request-correction": z
    .object({ documents, dueOn: date, note: text, dueInWorkingDays: countedDays })
    .transform((f) => ({ type: "request-correction" as const, ...f })),
  "submit-correction": z.object({ documents }).transform((f) => ({ type: "submit-correction" as const, ...f })),
  "record-check": z
    .object({ note: text, kind: z.enum(CHECK_KINDS, { error: "invalid" }).default("other") })
    .transform((f) => ({ type: "record-check" as const, ...f })),
  "propose-amount": z.object({ amount, reason: text }).transform((f) => ({ type: "propose-amount" as const, ...f })),
  "start-publicity": z.object({}).transform(() => ({ type: "start-publicity" as const })),
  "record-objection": z.object({ note: text }).transform((f) => ({ type: "record-objection" as const, ...f })),
  "end-publicity": z.object({ reason: text }).transform((f) => ({ type: "end-publicity" as const, ...f })),
  approve: z.object({ amount }).transform((f) => ({ type: "approve" as const, ...f })),
  pay: z.object({ paidOn: date }).transform((f) => ({ type: "pay" as const, ...f })),
  "emergency-approve-and-pay": z
    .object({ amount, reason: text, paidOn: date, documentsDueOn: optionalDate, documentsDueInWorkingDays: countedDays })
    .transform((f) => ({ type: "emergency-approve-and-pay" as const, ...f })),
  "complete-documents": z.object({ documents }).transform((f) => ({ type: "complete-documents" as const, ...f })),
  "hand-in-documents": z.object({ documents }).transform((f) => ({ type: "hand-in-documents" as const, ...f })),
} satisfies Record<ActionType, z.ZodType<StaffActionInput>>;

const unknownAction = z.any().superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: "unknown-action" })) as unknown as z.ZodType<StaffActionInput>;

/** The schema of one staff action's form; an unknown action type refuses every form ("unknown-action"). */
export function staffActionSchema(type: string): z.ZodType<StaffActionInput> {
  if (type === "submit" || !(ACTION_TYPES as readonly string[]).includes(type)) return unknownAction;
  return schemas[type as ActionType] as z.ZodType<StaffActionInput>;
}

/** The action with what comes from the area's pack: 公示's length and unit. */
export function withPackTimings(input: StaffActionInput | ApplicationAction, packId: string | null): ApplicationAction {
  if (input.type !== "start-publicity" || "days" in input) return input as ApplicationAction;
  const publicity = procedureTimings(packId).publicity;
  return { type: "start-publicity", days: publicity.days, dayUnit: publicity.unit };
}
