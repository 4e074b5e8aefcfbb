import { z } from "zod";
import { estimate, listPolicies, type EstimateRequest, type EstimateResult, type Locale } from "@/lib/policy";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES, type Category } from "@/lib/policy/types";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { fieldErrorCodes } from "@/lib/validation/issues";

/**
 * The estimate form as a query string: the form submits with GET, and the result page rebuilds the request from
 * the query on the server, so the result URL is the share link. No names or ID numbers ever go in it.
 * Pure: no Next, React or Prisma here.
 */

export const MODES = ["bill", "typical"] as const;
export type Mode = (typeof MODES)[number];

/** Layers a family can read off a settlement slip (the rest the module computes). */
export const SETTLED_FIELDS = ["basic", "critical", "assistance"] as const;

export const FIELD_NAMES = [
  "policy",
  "date",
  "insurance",
  "cat",
  "age",
  "kind",
  "facility",
  "inRegion",
  "referred",
  "designated",
  "emergency",
  "cause",
  "total",
  "selfFunded",
  ...SETTLED_FIELDS,
  "earlierTotal",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What the user typed, kept as text so nothing is lost when a field is wrong. */
export interface EstimateFormValues {
  mode: Mode;
  policy: string;
  date: string;
  insurance: string;
  cat: string[];
  age: string;
  kind: string;
  facility: string;
  inRegion: string;
  referred: string;
  designated: string;
  emergency: string;
  cause: string;
  total: string;
  selfFunded: string;
  basic: string;
  critical: string;
  assistance: string;
  earlierTotal: string;
}

/** Error codes for the page boundary; the page translates them (estimate:error.<code>). */
export type FieldErrorCode = "required" | "money" | "age" | "date" | "choice";

export interface FieldError {
  field: FieldName;
  /** Either a code to translate, or a message already translated by the calculation module. */
  code?: FieldErrorCode;
  message?: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v ?? "").trim().slice(0, 64);
}
function many(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean).slice(0, 16);
}

/** A service date inside the pack's versions: today when in force, else the last day the pack was in force. */
export function defaultDate(policy: string, today: string = calendarDateInChina(new Date())): string {
  const pack = listPolicies().find((p) => p.id === policy);
  if (!pack) return today;
  const last = pack.versions[pack.versions.length - 1];
  if (last.to && last.to < today) return last.to;
  if (pack.versions[0].from > today) return pack.versions[0].from;
  return today;
}

/** Reads the query string into form values, filling defaults only where a field was not sent at all. */
export function readForm(sp: SearchParams): EstimateFormValues {
  const mode: Mode = one(sp.mode) === "typical" ? "typical" : "bill";
  const policy = one(sp.policy) || "national-2021";
  const flag = (name: string, dflt: "1" | "0") => (sp[name] === undefined ? dflt : one(sp[name]) === "1" ? "1" : "0");
  return {
    mode,
    policy,
    date: sp.date === undefined ? defaultDate(policy) : one(sp.date),
    insurance: one(sp.insurance) || "resident",
    cat: many(sp.cat),
    age: one(sp.age),
    kind: one(sp.kind) || "inpatient",
    facility: one(sp.facility) || "county",
    inRegion: flag("inRegion", "1"),
    referred: flag("referred", "1"),
    designated: flag("designated", "1"),
    emergency: flag("emergency", "0"),
    cause: one(sp.cause) || "illness",
    total: one(sp.total),
    selfFunded: one(sp.selfFunded),
    basic: one(sp.basic),
    critical: one(sp.critical),
    assistance: one(sp.assistance),
    earlierTotal: one(sp.earlierTotal),
  };
}

/** The query string of a form (for links: share, change, prefill). Empty fields are left out. */
export function formQuery(v: Partial<EstimateFormValues>): string {
  const q = new URLSearchParams();
  for (const [k, val] of Object.entries(v)) {
    if (Array.isArray(val)) val.forEach((x) => q.append(k, x));
    else if (val !== undefined && val !== "") q.set(k, val);
  }
  return q.toString();
}

/** Normalises what people type for money: full-width digits, 元, ¥, commas, spaces. */
export function normaliseMoney(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[¥￥,，\s元]/g, "");
}

const money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);
const optionalMoney = z.union([z.literal(""), money]);

/** The page-boundary schema: shapes only; the calculation module checks the rules (自费 ≤ total, dates, …). */
const formSchema = z.object({
  policy: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  insurance: z.enum(INSURANCES),
  cat: z.array(z.enum(CATEGORIES)),
  age: z.union([z.literal(""), z.string().regex(/^\d{1,3}$/).refine((s) => Number(s) <= 120)]),
  kind: z.enum(EPISODE_KINDS),
  facility: z.enum(FACILITIES),
  cause: z.enum(CAUSES),
  total: money,
  selfFunded: optionalMoney,
  basic: optionalMoney,
  critical: optionalMoney,
  assistance: optionalMoney,
  earlierTotal: optionalMoney,
});

function codeFor(field: FieldName, value: string): FieldErrorCode {
  if (value === "" && field === "total") return "required";
  if (field === "age") return "age";
  if (field === "date") return "date";
  if (["total", "selfFunded", "basic", "critical", "assistance", "earlierTotal"].includes(field)) return "money";
  return "choice";
}

export type BuildOutcome =
  | { ok: true; request: EstimateRequest; result: EstimateResult }
  | { ok: false; errors: FieldError[] };

/** Validates the form, builds the module request and runs the estimate; errors come back per field. */
export function runEstimate(values: EstimateFormValues, locale: Locale): BuildOutcome {
  const clean = {
    ...values,
    total: normaliseMoney(values.total),
    selfFunded: normaliseMoney(values.selfFunded),
    basic: values.mode === "bill" ? normaliseMoney(values.basic) : "",
    critical: values.mode === "bill" ? normaliseMoney(values.critical) : "",
    assistance: values.mode === "bill" ? normaliseMoney(values.assistance) : "",
    earlierTotal: normaliseMoney(values.earlierTotal),
  };
  const parsed = formSchema.safeParse(clean);
  if (!parsed.success) {
    const codes = fieldErrorCodes(parsed.error.issues, ({ field }) => codeFor(field as FieldName, String((clean as Record<string, unknown>)[field] ?? "")));
    const errors = Object.entries(codes).map(([field, code]): FieldError => ({ field: field as FieldName, code: code as FieldErrorCode }));
    return { ok: false, errors: sortErrors(errors) };
  }
  const f = parsed.data;
  const request = toRequest(values, f, locale);
  const response = estimate(request);
  if (response.status === 200) return { ok: true, request, result: response.body };
  const hasEarlier = f.earlierTotal !== "";
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of response.body.error.issues) {
    const field = fieldForPath(issue.path, hasEarlier);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  if (!errors.length) errors.push({ field: "total", message: response.body.error.message });
  return { ok: false, errors: sortErrors(errors) };
}

function sortErrors(errors: FieldError[]): FieldError[] {
  return errors.sort((a, b) => FIELD_NAMES.indexOf(a.field) - FIELD_NAMES.indexOf(b.field));
}

type Parsed = z.infer<typeof formSchema>;

function toRequest(v: EstimateFormValues, f: Parsed, locale: Locale): EstimateRequest {
  const settings = {
    kind: f.kind,
    facility: f.facility,
    inRegion: v.inRegion === "1",
    referred: v.referred === "1",
    designated: v.designated === "1",
    emergency: v.emergency === "1",
    cause: f.cause,
  };
  const settled: Record<string, string> = {};
  for (const id of SETTLED_FIELDS) if (f[id] !== "") settled[id] = f[id];
  const current = {
    ...settings,
    total: f.total,
    ...(f.selfFunded !== "" ? { selfFunded: f.selfFunded } : {}),
    ...(Object.keys(settled).length ? { settled } : {}),
  };
  // Earlier stays this year share the deductible and the annual caps: they go first, with the same settings.
  const episodes = f.earlierTotal !== "" ? [{ ...settings, total: f.earlierTotal }, current] : [current];
  return {
    policy: f.policy,
    serviceDate: f.date,
    locale,
    person: {
      insurance: f.insurance,
      categories: [...new Set(f.cat)] as Category[],
      ...(f.age !== "" ? { age: Number(f.age) } : {}),
    },
    episodes,
  };
}

/** Maps a calculation-module issue path to the form field that holds the value. */
export function fieldForPath(path: string, hasEarlier: boolean): FieldName {
  const parts = path.split(".");
  if (parts[0] === "policy") return "policy";
  if (parts[0] === "serviceDate") return "date";
  if (parts[0] === "person") {
    if (parts[1] === "age") return "age";
    if (parts[1] === "categories") return "cat";
    return "insurance";
  }
  if (parts[0] === "episodes") {
    const index = Number(parts[1]);
    const isEarlier = hasEarlier && index === 0;
    const leaf = parts[2];
    if (leaf === "settled") {
      const layer = parts[3];
      return (SETTLED_FIELDS as readonly string[]).includes(layer) ? (layer as FieldName) : "total";
    }
    if (isEarlier) return "earlierTotal";
    if (leaf && (FIELD_NAMES as readonly string[]).includes(leaf)) return leaf as FieldName;
    return "total";
  }
  return "total";
}

/** Whether the visitor has submitted the form at all (a bare /estimate/result shows the empty form). */
export function isSubmitted(sp: SearchParams): boolean {
  return sp.total !== undefined;
}
