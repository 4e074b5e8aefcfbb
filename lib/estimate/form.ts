import Decimal from "decimal.js";
import { z } from "zod";
import { estimate, listPolicies, type EstimateRequest, type EstimateResult, type HouseholdResult, type Locale } from "@/lib/policy";
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

/** What each member of a household says about themself (the place and date are the household's). */
export const MEMBER_FIELDS = ["insurance", "cat", "age"] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** A form field's query name: the first bill keeps the v1 names (old links still work), bill n ≥ 2 is `s<n>.<field>`. */
export function stayParam(field: StayField, index: number): string {
  return index === 0 ? field : `s${index + 1}.${field}`;
}

/**
 * A household member's field (member 0 is the person the one-person form already asks about and keeps the v1
 * names; member k ≥ 1 is `m<k+1>.<field>`).
 */
export function memberParam(field: MemberField | "stays", member: number): string {
  return member === 0 ? field : `m${member + 1}.${field}`;
}

/** A household member's bill field: member 0's bills are stayParam's; member k ≥ 1's bill n is `m<k+1>.s<n>.<field>`. */
export function memberStayParam(field: StayField, member: number, index: number): string {
  return member === 0 ? stayParam(field, index) : `m${member + 1}.s${index + 1}.${field}`;
}

/** The element id of a form field (no dots: ids are used as URL fragments and CSS selectors). */
export function fieldId(name: string): string {
  return `f-${name.replaceAll(".", "-")}`;
}

/** Up to this many bills in one form: a year of stays, and a bound on what one query can ask the server to do. */
export const MAX_STAYS = 12;

/** Up to this many household members in one form (a 低保 household rarely has more; it bounds the query too). */
export const MAX_MEMBERS = 8;

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

/** Another member of the household: what they say about themself and their bills, as typed. */
export interface MemberValues {
  insurance: string;
  cat: string[];
  age: string;
  /** Their bills in the order given. */
  stays: StayValues[];
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
  /**
   * The household's other members (member 2 onward), for packs whose rules apply to the family's costs together
   * (浙江 低保 / 低边 家庭); empty for one person. With any, the page sends a household request.
   */
  otherMembers: MemberValues[];
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

function readStay(sp: SearchParams, index: number, member = 0): StayValues {
  const get = (f: StayField) => sp[memberStayParam(f, member, index)];
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

function countOf(v: string | string[] | undefined, max: number): number {
  return Math.min(max, Math.max(1, Number.parseInt(one(v), 10) || 1));
}

/** Member k ≥ 1 as typed: their own person fields and bills (`m<k+1>.stays` of them). */
function readMember(sp: SearchParams, member: number): MemberValues {
  const count = countOf(sp[memberParam("stays", member)], MAX_STAYS);
  return {
    insurance: one(sp[memberParam("insurance", member)]) || "resident",
    cat: many(sp[memberParam("cat", member)]),
    age: one(sp[memberParam("age", member)]),
    stays: Array.from({ length: count }, (_, i) => readStay(sp, i, member)),
  };
}

/** A new member for "再加一位家庭成员": the first member's insurance and categories (one 低保 family), one empty bill. */
export function nextMember(first: { insurance: string; cat: string[]; stays: StayValues[] }): MemberValues {
  return { insurance: first.insurance, cat: [...first.cat], age: "", stays: [nextStay(first.stays[first.stays.length - 1])] };
}

/** Which member (0-based) a "再加一次住院" / "删除" button value names: `m<k>` / `m<k>.<n>` for member k ≥ 2, else the first. */
function buttonMember(value: string): { member: number; rest: string } {
  const m = /^m(\d+)(?:\.(\d+))?$/.exec(value);
  return m ? { member: Number(m[1]) - 1, rest: m[2] ?? "" } : { member: 0, rest: value };
}

/** Bills after "删除第 n 次住院" (1-based; the only bill cannot be removed, nonsense changes nothing). */
function withoutStay(stays: StayValues[], n: number): StayValues[] {
  return stays.length > 1 && n >= 1 && n <= stays.length ? stays.filter((_, i) => i !== n - 1) : stays;
}

/**
 * Reads the query string into form values, filling defaults only where a field was not sent at all.
 * `stays` says how many bills the form holds; `addStay` adds one (the "再加一次住院" button), `removeStay=<n>`
 * drops bill n (1-based) — both are plain submit buttons, so this works without JavaScript. A household adds
 * `members=<n>` and member k's fields as `m<k>.…` (memberParam, memberStayParam); `addMember` adds one,
 * `removeMember=<k>` drops member k (k ≥ 2); `addStay=m<k>` and `removeStay=m<k>.<n>` act on member k's bills.
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
  const memberCount = countOf(sp.members, MAX_MEMBERS);
  let otherMembers = Array.from({ length: memberCount - 1 }, (_, k) => readMember(sp, k + 1));
  const insurance = one(sp.insurance) || "resident";
  const cat = many(sp.cat);

  const removeStay = buttonMember(one(sp.removeStay));
  const remove = Number.parseInt(removeStay.rest, 10);
  if (sp.removeStay !== undefined && removeStay.member === 0) {
    const before = stays.length;
    stays = withoutStay(stays, remove);
    if (stays.length < before && remove === 1) earlierMerged = false;
  } else if (sp.removeStay !== undefined && otherMembers[removeStay.member - 1]) {
    const m = otherMembers[removeStay.member - 1];
    otherMembers[removeStay.member - 1] = { ...m, stays: withoutStay(m.stays, remove) };
  }
  if (sp.addStay !== undefined) {
    const { member } = buttonMember(one(sp.addStay));
    if (member === 0 && stays.length < MAX_STAYS) stays = [...stays, nextStay(stays[stays.length - 1])];
    const m = otherMembers[member - 1];
    if (m && m.stays.length < MAX_STAYS) otherMembers[member - 1] = { ...m, stays: [...m.stays, nextStay(m.stays[m.stays.length - 1])] };
  }
  const removeMember = Number.parseInt(one(sp.removeMember), 10);
  if (removeMember >= 2 && removeMember <= otherMembers.length + 1) otherMembers = otherMembers.filter((_, k) => k !== removeMember - 2);
  if (sp.addMember !== undefined && otherMembers.length + 1 < MAX_MEMBERS) otherMembers = [...otherMembers, nextMember({ insurance, cat, stays })];
  return {
    mode,
    policy,
    date: sp.date === undefined ? defaultDate(policy) : one(sp.date),
    insurance,
    cat,
    age: one(sp.age),
    stays,
    earlierMerged,
    otherMembers,
  };
}

/** Whether the visitor pressed "再加一次住院", "删除这次住院" or a household member's add / remove (the page then shows the form again). */
export function isFormEdit(sp: SearchParams): boolean {
  return sp.addStay !== undefined || sp.removeStay !== undefined || sp.addMember !== undefined || sp.removeMember !== undefined;
}

/** Where the form should scroll to after an edit: the bill or member just added, else the top of the form. */
export function editAnchor(sp: SearchParams, values: EstimateFormValues): string {
  if (sp.addMember !== undefined && values.otherMembers.length) return `member-${values.otherMembers.length + 1}`;
  if (sp.addStay !== undefined) {
    const { member } = buttonMember(one(sp.addStay));
    const m = values.otherMembers[member - 1];
    if (member === 0) return `stay-${values.stays.length}`;
    if (m) return `m${member + 1}-stay-${m.stays.length}`;
  }
  return "estimate-form";
}

/** The query string of a form (for links: share, change, prefill). Empty fields are left out. */
export function formQuery(v: Partial<EstimateFormValues>): string {
  const q = new URLSearchParams();
  const { stays, earlierMerged, otherMembers, ...rest } = v;
  for (const [k, val] of Object.entries(rest)) {
    if (Array.isArray(val)) val.forEach((x) => q.append(k, x));
    else if (val !== undefined && val !== "") q.set(k, val);
  }
  if (stays && stays.length > 1) q.set("stays", String(stays.length));
  stays?.forEach((stay, i) => {
    for (const f of STAY_FIELDS) if (stay[f] !== "") q.set(stayParam(f, i), stay[f]);
  });
  if (earlierMerged) q.set("earlierMerged", "1");
  if (otherMembers && otherMembers.length) {
    q.set("members", String(otherMembers.length + 1));
    otherMembers.forEach((m, k) => {
      const member = k + 1;
      if (m.insurance !== "") q.set(memberParam("insurance", member), m.insurance);
      m.cat.forEach((c) => q.append(memberParam("cat", member), c));
      if (m.age !== "") q.set(memberParam("age", member), m.age);
      if (m.stays.length > 1) q.set(memberParam("stays", member), String(m.stays.length));
      m.stays.forEach((stay, i) => {
        for (const f of STAY_FIELDS) if (stay[f] !== "") q.set(memberStayParam(f, member, i), stay[f]);
      });
    });
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
const insuranceSchema = z.enum(INSURANCES);
const categoriesSchema = z.array(z.enum(CATEGORIES));
const ageSchema = z.union([z.literal(""), z.string().regex(/^\d{1,3}$/).refine((s) => Number(s) <= 120)]);
const staysSchema = z.array(staySchema).min(1).max(MAX_STAYS);
const memberSchema = z.object({ insurance: insuranceSchema, cat: categoriesSchema, age: ageSchema, stays: staysSchema });
const formSchema = z.object({
  policy: z.string().min(1),
  date: isoDate,
  insurance: insuranceSchema,
  cat: categoriesSchema,
  age: ageSchema,
  stays: staysSchema,
  otherMembers: z.array(memberSchema).max(MAX_MEMBERS - 1),
});

const MONEY_FIELDS: readonly string[] = ["total", "selfFunded", ...SETTLED_FIELDS];

function codeFor(field: string, value: string): FieldErrorCode {
  if (value === "" && field === "total") return "required";
  if (field === "age") return "age";
  if (field === "date" || field === "billDate") return "date";
  if (MONEY_FIELDS.includes(field)) return "money";
  return "choice";
}

/** A household request (contract v2): the household's members, each with their own person and bills. */
export interface HouseholdEstimateRequest {
  policy: string;
  serviceDate: string;
  locale?: Locale;
  household: { members: { person: EstimateRequest["person"]; episodes: EstimateRequest["episodes"] }[] };
}

export type BuildOutcome =
  | { ok: true; household: false; request: EstimateRequest; result: EstimateResult }
  | { ok: true; household: true; request: HouseholdEstimateRequest; result: HouseholdResult }
  | { ok: false; errors: FieldError[] };

/** The form's members in order: the first (the one-person form's fields), then the others. */
export function membersOf(values: Pick<EstimateFormValues, "insurance" | "cat" | "age" | "stays" | "otherMembers">): MemberValues[] {
  return [{ insurance: values.insurance, cat: values.cat, age: values.age, stays: values.stays }, ...values.otherMembers];
}

/** Money as people type it, made plain; settled amounts only count when the form is the settlement slip's. */
function cleanStay(s: StayValues, bill: boolean): StayValues {
  return {
    ...s,
    total: normaliseMoney(s.total),
    selfFunded: normaliseMoney(s.selfFunded),
    basic: bill ? normaliseMoney(s.basic) : "",
    critical: bill ? normaliseMoney(s.critical) : "",
    assistance: bill ? normaliseMoney(s.assistance) : "",
  };
}

/**
 * Validates the form, builds the module request and runs the estimate; errors come back per field. With other
 * household members the request is a household one (same module, same path as POST /api/v1/estimate).
 */
export function runEstimate(values: EstimateFormValues, locale: Locale): BuildOutcome {
  const bill = values.mode === "bill";
  const clean = {
    ...values,
    stays: values.stays.map((s) => cleanStay(s, bill)),
    otherMembers: values.otherMembers.map((m) => ({ ...m, stays: m.stays.map((s) => cleanStay(s, bill)) })),
  };
  const order = formOrder(values);
  const parsed = formSchema.safeParse(clean);
  if (!parsed.success) {
    // The one way zod issues become field errors (lib/validation/issues), by dotted path: a bill's issue is
    // "stays.<i>.<field>", another member's "otherMembers.<k>.<field>" or "otherMembers.<k>.stays.<i>.<field>".
    const errors = new Map<string, FieldError>();
    for (const { path } of flattenIssues(parsed.error.issues)) {
      const located = locate(clean, path);
      if (!located || errors.has(located.field)) continue;
      errors.set(located.field, { field: located.field, code: codeFor(located.leaf, located.value) });
    }
    return { ok: false, errors: sortErrors([...errors.values()], order) };
  }
  const household = parsed.data.otherMembers.length > 0;
  const request = household ? toHouseholdRequest(values, parsed.data, locale) : toRequest(values, parsed.data, locale);
  const response = estimate(request);
  if (response.status === 200) {
    return household
      ? { ok: true, household, request: request as HouseholdEstimateRequest, result: response.body as HouseholdResult }
      : { ok: true, household, request: request as EstimateRequest, result: response.body as EstimateResult };
  }
  const errors = new Map<string, FieldError>();
  for (const issue of response.body.error.issues) {
    const field = fieldForPath(issue.path);
    if (!errors.has(field)) errors.set(field, { field, message: issue.message });
  }
  if (!errors.size) errors.set("total", { field: "total", message: response.body.error.message });
  return { ok: false, errors: sortErrors([...errors.values()], order) };
}

type CleanValues = Pick<EstimateFormValues, "insurance" | "cat" | "age" | "stays" | "otherMembers"> & Record<string, unknown>;

/** The form field a zod issue path points at, the schema key it checks and the value it had. */
function locate(clean: CleanValues, path: string): { field: string; leaf: string; value: string } | null {
  const parts = path.split(".");
  let member = 0;
  let rest = parts;
  if (parts[0] === "otherMembers") {
    member = Number(parts[1]) + 1;
    rest = parts.slice(2);
    if (!Number.isInteger(member) || !rest.length) return null;
  }
  const values = membersOf(clean)[member];
  if (!values) return null;
  const [head, index, leaf] = rest;
  if (head === "stays" && leaf !== undefined) {
    const i = Number(index);
    return { field: memberStayParam(leaf as StayField, member, i), leaf, value: values.stays[i]?.[leaf as StayField] ?? "" };
  }
  if (member > 0) return { field: memberParam(head as MemberField, member), leaf: head, value: String(values[head as MemberField] ?? "") };
  return { field: head, leaf: head, value: String(clean[head] ?? "") };
}

/** Every field name of the form in the order it shows, so the error summary reads top to bottom. */
function formOrder(values: Pick<EstimateFormValues, "insurance" | "cat" | "age" | "stays" | "otherMembers">): string[] {
  const names: string[] = [...PERSON_FIELDS];
  membersOf(values).forEach((m, member) => {
    if (member > 0) for (const f of MEMBER_FIELDS) names.push(memberParam(f, member));
    for (let i = 0; i < m.stays.length; i++) for (const f of STAY_FIELDS) names.push(memberStayParam(f, member, i));
  });
  return names;
}

function sortErrors(errors: FieldError[], order: string[]): FieldError[] {
  return errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

type Parsed = z.infer<typeof formSchema>;
type ParsedMember = z.infer<typeof memberSchema>;

/** One member's bills as module episodes: each bill its own episode, in the order given (per-stay rules need them apart). */
function toEpisodes(typedStays: StayValues[], parsedStays: ParsedMember["stays"]): EstimateRequest["episodes"] {
  return parsedStays.map((s, i) => {
    const typed = typedStays[i];
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
}

function toPerson(m: Pick<ParsedMember, "insurance" | "cat" | "age">): EstimateRequest["person"] {
  return {
    insurance: m.insurance,
    categories: [...new Set(m.cat)] as Category[],
    ...(m.age !== "" ? { age: Number(m.age) } : {}),
  };
}

function toRequest(v: EstimateFormValues, f: Parsed, locale: Locale): EstimateRequest {
  return { policy: f.policy, serviceDate: f.date, locale, person: toPerson(f), episodes: toEpisodes(v.stays, f.stays) };
}

function toHouseholdRequest(v: EstimateFormValues, f: Parsed, locale: Locale): HouseholdEstimateRequest {
  const typed = membersOf(v);
  const parsed: ParsedMember[] = [{ insurance: f.insurance, cat: f.cat, age: f.age, stays: f.stays }, ...f.otherMembers];
  return {
    policy: f.policy,
    serviceDate: f.date,
    locale,
    household: { members: parsed.map((m, k) => ({ person: toPerson(m), episodes: toEpisodes(typed[k].stays, m.stays) })) },
  };
}

/** Maps a calculation-module issue path to the form field that holds the value (household paths to that member's fields). */
export function fieldForPath(path: string): FieldName {
  const parts = path.split(".");
  if (parts[0] === "household" && parts[1] === "members" && parts.length > 3) {
    const member = Number(parts[2]);
    if (Number.isInteger(member) && member >= 0) return memberFieldForPath(parts.slice(3), member);
  }
  if (parts[0] === "policy") return "policy";
  if (parts[0] === "serviceDate") return "date";
  return memberFieldForPath(parts, 0);
}

function memberFieldForPath(parts: string[], member: number): FieldName {
  if (parts[0] === "person") {
    if (parts[1] === "age") return memberParam("age", member);
    if (parts[1] === "categories") return memberParam("cat", member);
    return memberParam("insurance", member);
  }
  if (parts[0] === "episodes") {
    const index = Number(parts[1]) || 0;
    const leaf = parts[2];
    if (leaf === "settled") {
      const layer = parts[3];
      return memberStayParam((SETTLED_FIELDS as readonly string[]).includes(layer) ? (layer as StayField) : "total", member, index);
    }
    if (leaf === "date") return memberStayParam("billDate", member, index);
    if (leaf && (STAY_FIELDS as readonly string[]).includes(leaf)) return memberStayParam(leaf as StayField, member, index);
    return memberStayParam("total", member, index);
  }
  return memberStayParam("total", member, 0);
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
export function settledReimbursed(request: Pick<EstimateRequest, "episodes"> | HouseholdEstimateRequest): string | undefined {
  let sum: Decimal | undefined;
  // A family's estimate goes forward as the family's costs (支出型 临时救助 weighs the household's burden), so
  // every member's slips count, as the carried total is the family's.
  const episodes = "household" in request ? request.household.members.flatMap((m) => m.episodes) : request.episodes;
  for (const ep of episodes) {
    for (const amount of Object.values(ep.settled ?? {})) if (amount) sum = (sum ?? new Decimal(0)).plus(amount);
  }
  return sum?.toFixed(2);
}
