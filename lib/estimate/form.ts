import Decimal from "decimal.js";
import { z } from "zod";
import { estimate, listPolicies, type EstimateRequest, type EstimateResult, type Locale } from "@/lib/policy";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES, type Category } from "@/lib/policy/types";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { flattenIssues } from "@/lib/validation/issues";

/**
 * The estimate form as a query string: the form submits with GET, and the result page rebuilds the request from
 * the query on the server, so the result URL is the share link. No names or ID numbers ever go in it.
 * Pure: no Next, React or Prisma here.
 */

export const MODES = ["bill", "typical"] as const;
export type Mode = (typeof MODES)[number];

/** Layers a family can read off a settlement slip (the rest the module computes). */
export const SETTLED_FIELDS = ["basic", "critical", "assistance"] as const;

/** What one bill holds: the care settings, the amounts off its slip and an optional date. */
export const STAY_FIELDS = [
  "billDate",
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
] as const;
export type StayField = (typeof STAY_FIELDS)[number];

const PERSON_FIELDS = ["policy", "date", "insurance", "cat", "age"] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A form field's query name: the first bill keeps the v1 names (old links still work), bill n ≥ 2 is `s<n>.<field>`. */
export function stayParam(field: StayField, index: number): string {
  return index === 0 ? field : `s${index + 1}.${field}`;
}

/** The element id of a form field (no dots: ids are used as URL fragments and CSS selectors). */
export function fieldId(name: string): string {
  return `f-${name.replace(".", "-")}`;
}

/** Up to this many bills in one form: a year of stays, and a bound on what one query can ask the server to do. */
export const MAX_STAYS = 12;

/** One bill as typed, kept as text so nothing is lost when a field is wrong. */
export interface StayValues {
  billDate: string;
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
}

/** What the user typed, kept as text so nothing is lost when a field is wrong. */
export interface EstimateFormValues {
  mode: Mode;
  policy: string;
  date: string;
  insurance: string;
  cat: string[];
  age: string;
  /** The bills in the order given (chronological): each becomes its own episode. */
  stays: StayValues[];
  /** An old link's `earlierTotal` became the first bill: the result says it was treated as one earlier stay. */
  earlierMerged: boolean;
}

/** Error codes for the page boundary; the page translates them (estimate:error.<code>). */
export type FieldErrorCode = "required" | "money" | "age" | "date" | "choice";

/** A form field's query name: a person field, or a bill's field as given by stayParam. */
export type FieldName = string;

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

function readStay(sp: SearchParams, index: number): StayValues {
  const get = (f: StayField) => sp[stayParam(f, index)];
  const flag = (f: StayField, dflt: "1" | "0") => (get(f) === undefined ? dflt : one(get(f)) === "1" ? "1" : "0");
  return {
    billDate: one(get("billDate")),
    kind: one(get("kind")) || "inpatient",
    facility: one(get("facility")) || "county",
    inRegion: flag("inRegion", "1"),
    referred: flag("referred", "1"),
    designated: flag("designated", "1"),
    emergency: flag("emergency", "0"),
    cause: one(get("cause")) || "illness",
    total: one(get("total")),
    selfFunded: one(get("selfFunded")),
    basic: one(get("basic")),
    critical: one(get("critical")),
    assistance: one(get("assistance")),
  };
}

/** An empty bill for "再加一次住院": the care settings of the bill before it, no amounts. */
export function nextStay(before: StayValues): StayValues {
  return { ...before, billDate: "", total: "", selfFunded: "", basic: "", critical: "", assistance: "" };
}

/**
 * Reads the query string into form values, filling defaults only where a field was not sent at all.
 * `stays` says how many bills the form holds; `addStay` adds one (the "再加一次住院" button), `removeStay=<n>`
 * drops bill n (1-based) — both are plain submit buttons, so this works without JavaScript.
 */
export function readForm(sp: SearchParams): EstimateFormValues {
  const mode: Mode = one(sp.mode) === "typical" ? "typical" : "bill";
  const policy = one(sp.policy) || "national-2021";
  const count = Math.min(MAX_STAYS, Math.max(1, Number.parseInt(one(sp.stays), 10) || 1));
  let stays = Array.from({ length: count }, (_, i) => readStay(sp, i));
  let earlierMerged = one(sp.earlierMerged) === "1";
  // v1 links: `earlierTotal` was every earlier stay this year as one bill, first, with this bill's settings.
  const earlierTotal = one(sp.earlierTotal);
  if (earlierTotal !== "" && count === 1) {
    stays = [{ ...nextStay(stays[0]), total: earlierTotal }, stays[0]];
    earlierMerged = true;
  }
  const remove = Number.parseInt(one(sp.removeStay), 10);
  if (stays.length > 1 && remove >= 1 && remove <= stays.length) {
    stays = stays.filter((_, i) => i !== remove - 1);
    if (remove === 1) earlierMerged = false;
  }
  if (sp.addStay !== undefined && stays.length < MAX_STAYS) stays = [...stays, nextStay(stays[stays.length - 1])];
  return {
    mode,
    policy,
    date: sp.date === undefined ? defaultDate(policy) : one(sp.date),
    insurance: one(sp.insurance) || "resident",
    cat: many(sp.cat),
    age: one(sp.age),
    stays,
    earlierMerged,
  };
}

/** Whether the visitor pressed "再加一次住院" or "删除这次住院" (the page then shows the form again, not a result). */
export function isFormEdit(sp: SearchParams): boolean {
  return sp.addStay !== undefined || sp.removeStay !== undefined;
}

/** The query string of a form (for links: share, change, prefill). Empty fields are left out. */
export function formQuery(v: Partial<EstimateFormValues>): string {
  const q = new URLSearchParams();
  const { stays, earlierMerged, ...rest } = v;
  for (const [k, val] of Object.entries(rest)) {
    if (Array.isArray(val)) val.forEach((x) => q.append(k, x));
    else if (val !== undefined && val !== "") q.set(k, val);
  }
  if (stays && stays.length > 1) q.set("stays", String(stays.length));
  stays?.forEach((stay, i) => {
    for (const f of STAY_FIELDS) if (stay[f] !== "") q.set(stayParam(f, i), stay[f]);
  });
  if (earlierMerged) q.set("earlierMerged", "1");
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
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The page-boundary schema: shapes only; the calculation module checks the rules (自费 ≤ total, dates, …). */
const staySchema = z.object({
  billDate: z.union([z.literal(""), isoDate]),
  kind: z.enum(EPISODE_KINDS),
  facility: z.enum(FACILITIES),
  cause: z.enum(CAUSES),
  total: money,
  selfFunded: optionalMoney,
  basic: optionalMoney,
  critical: optionalMoney,
  assistance: optionalMoney,
});
const formSchema = z.object({
  policy: z.string().min(1),
  date: isoDate,
  insurance: z.enum(INSURANCES),
  cat: z.array(z.enum(CATEGORIES)),
  age: z.union([z.literal(""), z.string().regex(/^\d{1,3}$/).refine((s) => Number(s) <= 120)]),
  stays: z.array(staySchema).min(1).max(MAX_STAYS),
});

const MONEY_FIELDS: readonly string[] = ["total", "selfFunded", ...SETTLED_FIELDS];

function codeFor(field: string, value: string): FieldErrorCode {
  if (value === "" && field === "total") return "required";
  if (field === "age") return "age";
  if (field === "date" || field === "billDate") return "date";
  if (MONEY_FIELDS.includes(field)) return "money";
  return "choice";
}

export type BuildOutcome =
  | { ok: true; request: EstimateRequest; result: EstimateResult }
  | { ok: false; errors: FieldError[] };

/** Validates the form, builds the module request and runs the estimate; errors come back per field. */
export function runEstimate(values: EstimateFormValues, locale: Locale): BuildOutcome {
  const bill = values.mode === "bill";
  const clean = {
    ...values,
    stays: values.stays.map((s) => ({
      ...s,
      total: normaliseMoney(s.total),
      selfFunded: normaliseMoney(s.selfFunded),
      basic: bill ? normaliseMoney(s.basic) : "",
      critical: bill ? normaliseMoney(s.critical) : "",
      assistance: bill ? normaliseMoney(s.assistance) : "",
    })),
  };
  const parsed = formSchema.safeParse(clean);
  if (!parsed.success) {
    // The one way zod issues become field errors (lib/validation/issues), by dotted path: a bill's issue is "stays.<i>.<field>".
    const errors = new Map<string, FieldError>();
    for (const { path } of flattenIssues(parsed.error.issues)) {
      const [head, index, leaf] = path.split(".");
      const isStay = head === "stays" && leaf !== undefined;
      const field = isStay ? stayParam(leaf as StayField, Number(index)) : head;
      if (errors.has(field)) continue;
      const value = isStay ? clean.stays[Number(index)]?.[leaf as StayField] ?? "" : String((clean as Record<string, unknown>)[field] ?? "");
      errors.set(field, { field, code: codeFor(isStay ? leaf : field, value) });
    }
    return { ok: false, errors: sortErrors([...errors.values()], values.stays.length) };
  }
  const request = toRequest(values, parsed.data, locale);
  const response = estimate(request);
  if (response.status === 200) return { ok: true, request, result: response.body };
  const errors = new Map<string, FieldError>();
  for (const issue of response.body.error.issues) {
    const field = fieldForPath(issue.path);
    if (!errors.has(field)) errors.set(field, { field, message: issue.message });
  }
  if (!errors.size) errors.set("total", { field: "total", message: response.body.error.message });
  return { ok: false, errors: sortErrors([...errors.values()], values.stays.length) };
}

/** Every field name of the form in the order it shows, so the error summary reads top to bottom. */
function formOrder(stayCount: number): string[] {
  const names: string[] = [...PERSON_FIELDS];
  for (let i = 0; i < stayCount; i++) for (const f of STAY_FIELDS) names.push(stayParam(f, i));
  return names;
}

function sortErrors(errors: FieldError[], stayCount: number): FieldError[] {
  const order = formOrder(stayCount);
  return errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

type Parsed = z.infer<typeof formSchema>;

function toRequest(v: EstimateFormValues, f: Parsed, locale: Locale): EstimateRequest {
  // Each bill is its own episode, in the order given: per-stay rules (鹿寨's 90 % per 住院) need them apart.
  const episodes = f.stays.map((s, i) => {
    const typed = v.stays[i];
    const settled: Record<string, string> = {};
    for (const id of SETTLED_FIELDS) if (s[id] !== "") settled[id] = s[id];
    return {
      kind: s.kind,
      facility: s.facility,
      inRegion: typed.inRegion === "1",
      referred: typed.referred === "1",
      designated: typed.designated === "1",
      emergency: typed.emergency === "1",
      cause: s.cause,
      total: s.total,
      ...(s.selfFunded !== "" ? { selfFunded: s.selfFunded } : {}),
      ...(Object.keys(settled).length ? { settled } : {}),
      ...(s.billDate !== "" ? { date: s.billDate } : {}),
    };
  });
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
export function fieldForPath(path: string): FieldName {
  const parts = path.split(".");
  if (parts[0] === "policy") return "policy";
  if (parts[0] === "serviceDate") return "date";
  if (parts[0] === "person") {
    if (parts[1] === "age") return "age";
    if (parts[1] === "categories") return "cat";
    return "insurance";
  }
  if (parts[0] === "episodes") {
    const index = Number(parts[1]) || 0;
    const leaf = parts[2];
    if (leaf === "settled") {
      const layer = parts[3];
      return stayParam((SETTLED_FIELDS as readonly string[]).includes(layer) ? (layer as StayField) : "total", index);
    }
    if (leaf === "date") return stayParam("billDate", index);
    if (leaf && (STAY_FIELDS as readonly string[]).includes(leaf)) return stayParam(leaf as StayField, index);
    return stayParam("total", index);
  }
  return "total";
}

/** Whether the visitor has submitted the form at all (a bare /estimate/result shows the empty form). */
export function isSubmitted(sp: SearchParams): boolean {
  return sp.total !== undefined;
}

/**
 * What the family has actually been paid: the sum of the settled amounts typed off the slips (基本医保, 大病保险,
 * 医疗救助 as settled), never what the module computed — an estimated layer is money nobody has paid yet, and
 * carrying it into an application would understate what the family paid itself. Undefined when no bill had any.
 */
export function settledReimbursed(request: Pick<EstimateRequest, "episodes">): string | undefined {
  let sum: Decimal | undefined;
  for (const ep of request.episodes) {
    for (const amount of Object.values(ep.settled ?? {})) if (amount) sum = (sum ?? new Decimal(0)).plus(amount);
  }
  return sum?.toFixed(2);
}
