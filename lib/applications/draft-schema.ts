import Decimal from "decimal.js";
import { z } from "zod";
import { normalizePhone, MAINLAND_MOBILE } from "@/lib/auth/phone";
import { validateBankAccount, validateIdNumber } from "@/lib/identity/id-number";
import { fieldErrorCodes } from "@/lib/validation/issues";
import type { SchoolCasePrefill, ScreenerPrefill } from "@/lib/applications/prefill";

/**
 * The application's sections (GOV.UK task list), each validated by its own zod schema at the
 * boundary. Error messages are message keys under `apply:errors.*`, translated by the page.
 * Collect the minimum: household members are counted, not listed; the 核对 system finds them
 * through the applicant's 核对授权.
 */

export const SECTION_IDS = ["applicant", "patient", "household", "illness", "reason", "bank", "documents", "declarations"] as const;
export type SectionId = (typeof SECTION_IDS)[number];
/** Sections with form fields (documents are uploads, handled separately). */
export type FormSectionId = Exclude<SectionId, "documents">;

const trimmed = (max: number) => z.string().trim().max(max, "too-long");
const required = (max: number) => trimmed(max).min(1, "required");

const idNumber = z
  .string()
  .trim()
  .min(1, "required")
  .transform((v, ctx) => {
    const r = validateIdNumber(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: `id-number-${r.reason}` });
      return z.NEVER;
    }
    return r.value;
  });

/** A mainland mobile number, normalised: the applicant's own, and any other phone an applicant types. */
export const phone = z
  .string()
  .trim()
  .min(1, "required")
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!MAINLAND_MOBILE.test(n)) {
      ctx.addIssue({ code: "custom", message: "phone" });
      return z.NEVER;
    }
    return n;
  });

/** Yuan as a decimal string with at most two decimals; "" when left empty (optional amounts). */
const money = (opts: { optional?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? "").trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, "");
      if (!s) {
        if (opts.optional) return "";
        ctx.addIssue({ code: "custom", message: "required" });
        return z.NEVER;
      }
      if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) {
        ctx.addIssue({ code: "custom", message: "amount" });
        return z.NEVER;
      }
      return new Decimal(s).toFixed(2);
    });

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("yes"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "yes");

export const RELATIONSHIPS = ["self", "child", "spouse", "parent", "other"] as const;
export const CERTIFICATIONS = ["dibao", "tekun", "low-income", "disability", "none"] as const;
export const RELIEF_TYPES = ["urgent", "expense"] as const;
export const URGENCY = ["immediate", "this-week", "this-month"] as const;

export const sectionSchemas = {
  applicant: z.object({
    name: required(40),
    idNumber,
    phone,
    areaCode: z.string().trim().regex(/^\d{6}$/, "required"),
    address: required(120),
  }),
  patient: z
    .object({
      relationship: z.enum(RELATIONSHIPS, { message: "required" }),
      name: trimmed(40).optional().default(""),
      idNumber: z.string().trim().optional().default(""),
    })
    .transform((v, ctx) => {
      if (v.relationship === "self") return { relationship: v.relationship, name: "", idNumber: "" };
      if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "required" });
      const id = idNumber.safeParse(v.idNumber);
      if (!id.success) {
        ctx.addIssue({ code: "custom", path: ["idNumber"], message: id.error.issues[0]?.message ?? "required" });
        return z.NEVER;
      }
      return { ...v, idNumber: id.data };
    }),
  household: z.object({
    size: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "household-size")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 20, "household-size"),
    monthlyIncome: money(),
    certifications: z.array(z.enum(CERTIFICATIONS)).default([]),
  }),
  illness: z.object({
    diagnosis: required(200),
    hospital: required(100),
    totalCost: money(),
    reimbursed: money({ optional: true }),
    ongoingMonthly: money({ optional: true }),
    /** The estimate this was prefilled from: pack id, kept for the caseworker. */
    estimatePolicy: z.string().trim().max(40).regex(/^[a-z0-9-]*$/).optional().default(""),
  }),
  reason: z.object({
    reliefType: z.enum(RELIEF_TYPES, { message: "required" }),
    urgency: z.enum(URGENCY, { message: "required" }),
    description: required(1000),
  }),
  bank: z.object({
    accountName: required(40),
    bankName: required(60),
    account: z
      .string()
      .trim()
      .min(1, "required")
      .transform((v, ctx) => {
        const r = validateBankAccount(v);
        if (!r.ok) {
          ctx.addIssue({ code: "custom", message: `bank-${r.reason}` });
          return z.NEVER;
        }
        return r.value;
      }),
  }),
  declarations: z.object({
    truthful: checkbox.refine(Boolean, "declaration-required"),
    /** Separate, explicit consent to process sensitive personal information (health data, ID numbers). */
    consentSensitive: checkbox.refine(Boolean, "consent-required"),
    /** Separate, explicit 家庭经济状况核对授权. */
    consentCheck: checkbox.refine(Boolean, "consent-required"),
  }),
} as const;

export type SectionData = { [K in FormSectionId]: z.output<(typeof sectionSchemas)[K]> };

/** Who entered a field of an assisted draft (窗口帮办): the desk worker, or the applicant (said or typed it themselves). */
export const ENTERED_BY = ["worker", "applicant"] as const;
export type EnteredBy = (typeof ENTERED_BY)[number];

/**
 * The form a draft is filled in: the applicant's own ("citizen"), or a desk worker's on the applicant's
 * behalf ("assisted"). The same sections and rules; only the applicant's phone may be left empty when
 * helped at a desk (an applicant without a phone is served there; the receipt's tracking code replaces SMS).
 */
export type DraftFrame = "citizen" | "assisted";

const assistedApplicant = sectionSchemas.applicant.extend({
  // Empty, or a phone by the citizen form's own rule.
  phone: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (!v) return "";
      const r = phone.safeParse(v);
      if (r.success) return r.data;
      ctx.addIssue({ code: "custom", message: "phone" });
      return z.NEVER;
    }),
});

/** What the server stores for a draft (encrypted): the saved sections, plus what documents will follow. */
export type DraftData = Partial<SectionData> & {
  documentsToFollow?: string[];
  /** Prefill from an estimate, shown in the illness section until it is saved. */
  prefill?: EstimatePrefill;
  /** 查资格's answers (place, who is ill, certificates), shown in their sections until each is saved. */
  screener?: ScreenerPrefill;
  /** A 专班 invitation this application answers (submit marks the case's 临时救助 item applied). */
  schoolCase?: SchoolCasePrefill;
  /** Assisted drafts: who entered each saved field, keyed "section.field". */
  enteredBy?: Record<string, EnteredBy>;
};

export type FieldErrors = Record<string, string>;

export type SectionParse<K extends FormSectionId> = { ok: true; data: SectionData[K] } | { ok: false; errors: FieldErrors };

/** The zod schema of one section's form. */
export function sectionSchema<K extends FormSectionId>(section: K, frame: DraftFrame = "citizen"): z.ZodType<SectionData[K]> {
  if (section === "applicant" && frame === "assisted") return assistedApplicant as unknown as z.ZodType<SectionData[K]>;
  return sectionSchemas[section] as unknown as z.ZodType<SectionData[K]>;
}

export function parseSection<K extends FormSectionId>(section: K, input: Record<string, unknown>, frame: DraftFrame = "citizen"): SectionParse<K> {
  const result = sectionSchema(section, frame).safeParse(input);
  if (result.success) return { ok: true, data: result.data as SectionData[K] };
  return { ok: false, errors: fieldErrorCodes(result.error.issues) };
}

/** What an estimate hands to the application: its pack, the bill's total and what the slips say was already paid (settled, never estimated). */
export type EstimatePrefill = { policy: string; total: string; reimbursed?: string };

const PREFILL_MONEY = /^\d{1,9}(\.\d{1,2})?$/;

/** Estimate prefill from query params: accept only a known-looking pack id and money amounts; ignore the rest. */
export function parsePrefill(params: Record<string, string | string[] | undefined>): EstimatePrefill | null {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  if (one(params.from) !== "estimate") return null;
  const policy = one(params.policy).trim();
  const total = one(params.total).trim();
  if (!/^[a-z0-9-]{1,40}$/.test(policy) || !PREFILL_MONEY.test(total)) return null;
  const prefill: EstimatePrefill = { policy, total: new Decimal(total).toFixed(2) };
  // What was reimbursed is optional, and only believable when it does not exceed the bill.
  const reimbursed = one(params.reimbursed).trim();
  if (PREFILL_MONEY.test(reimbursed) && new Decimal(reimbursed).lte(total)) prefill.reimbursed = new Decimal(reimbursed).toFixed(2);
  return prefill;
}

/** The query that hands an estimate to the application (the inverse of parsePrefill). */
export function prefillQuery(prefill: EstimatePrefill): URLSearchParams {
  const query = new URLSearchParams({ from: "estimate", policy: prefill.policy, total: prefill.total });
  if (prefill.reimbursed) query.set("reimbursed", prefill.reimbursed);
  return query;
}
