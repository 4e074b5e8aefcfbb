import { z } from "zod";
import { isZeroMoney, MONEY_PATTERN } from "./money";
import { CATEGORIES, CAUSES, EPISODE_KINDS, FACILITIES, INSURANCES, LAYER_IDS, LOCALES } from "./types";

/**
 * The request of the contract, strict: unknown fields are rejected. Custom
 * messages are message keys ("@…") that errors.ts turns into sentences in the
 * request's locale; zod's own English never reaches the caller.
 */

export const MAX_EPISODES = 100;
export const MAX_AGE = 130;
/** Each category at most twice (a repeat is harmless; a long list is not a request). */
const MAX_CATEGORIES = CATEGORIES.length * 2;

const SERVICE_DATE = /^\d{4}-\d{2}-\d{2}$/;

const money = z.string().regex(MONEY_PATTERN, { error: "@money" });
const positiveMoney = money.refine((s) => !isZeroMoney(s), { error: "@totalPositive" });

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the digits s[from, to) write (SERVICE_DATE has checked they are digits). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** A "YYYY-MM-DD" that SERVICE_DATE accepts names a day of the calendar. */
function isCalendarDate(s: string): boolean {
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 7);
  const d = digitsAt(s, 8, 10);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

const calendarDate = z.string().refine((s) => SERVICE_DATE.test(s) && isCalendarDate(s), { error: "@date" });

const settledShape: Record<string, typeof money> = {};
for (const id of LAYER_IDS) settledShape[id] = money;

/** person.certifiedOn: the date each certification began (v2; 浙江 001 二(三) counts costs from it). */
const certifiedOnShape: Record<string, typeof calendarDate> = {};
for (const c of CATEGORIES) certifiedOnShape[c] = calendarDate;

export const episodeSchema = z.strictObject({
  kind: z.enum(EPISODE_KINDS),
  facility: z.enum(FACILITIES),
  inRegion: z.boolean().optional(),
  referred: z.boolean().optional(),
  designated: z.boolean().optional(),
  emergency: z.boolean().optional(),
  cause: z.enum(CAUSES).optional(),
  total: positiveMoney,
  selfFunded: money.optional(),
  settled: z.strictObject(settledShape).partial().optional(),
  /** Admission or settlement date (v2); dates must not decrease along the list. */
  date: calendarDate.optional(),
});

export const personSchema = z.strictObject({
  insurance: z.enum(INSURANCES),
  categories: z.array(z.enum(CATEGORIES)).max(MAX_CATEGORIES).optional(),
  age: z.int().min(0).max(MAX_AGE).optional(),
  certifiedOn: z.strictObject(certifiedOnShape).partial().optional(),
});

const requestShape = z.strictObject({
  policy: z.string().min(1, { error: "@policyEmpty" }),
  serviceDate: calendarDate,
  locale: z.enum(LOCALES).optional(),
  person: personSchema,
  episodes: z.array(episodeSchema).min(1).max(MAX_EPISODES),
});

/** The index of the first episode dated before the one before it, or -1 (bills come in the order given). */
export function firstDateOutOfOrder(episodes: readonly { date?: string }[]): number {
  let last: string | undefined;
  for (let i = 0; i < episodes.length; i++) {
    const d = episodes[i].date;
    if (d === undefined) continue;
    if (last !== undefined && d < last) return i;
    last = d;
  }
  return -1;
}

export const requestSchema = requestShape.superRefine((r, ctx) => {
  const i = firstDateOutOfOrder(r.episodes);
  if (i >= 0) ctx.addIssue({ code: "custom", path: ["episodes", i, "date"], message: "@datesOrder", input: r.episodes[i].date });
});

export const MAX_MEMBERS = 20;

/**
 * The household request (contract v2): members, each with their own person
 * and bills, instead of the top-level person and episodes, for rules that
 * apply to a family's costs together (浙江 低保 / 低边 families).
 */
export const memberSchema = z.strictObject({
  person: personSchema,
  episodes: z.array(episodeSchema).min(1).max(MAX_EPISODES),
});

export const householdRequestSchema = z
  .strictObject({
    policy: requestShape.shape.policy,
    serviceDate: calendarDate,
    locale: z.enum(LOCALES).optional(),
    household: z.strictObject({ members: z.array(memberSchema).min(1).max(MAX_MEMBERS) }),
  })
  .superRefine((r, ctx) => {
    r.household.members.forEach((m, k) => {
      const i = firstDateOutOfOrder(m.episodes);
      if (i >= 0) {
        ctx.addIssue({ code: "custom", path: ["household", "members", k, "episodes", i, "date"], message: "@datesOrder", input: m.episodes[i].date });
      }
    });
  });

/** Whether a request value asks for the household form (it has a `household` field). */
export function isHouseholdRequest(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, "household");
}

export type ParsedHouseholdRequest = z.infer<typeof householdRequestSchema>;
export type ParsedRequest = z.infer<typeof requestSchema>;
export type ParsedEpisode = z.infer<typeof episodeSchema>;

// ------------------------------------------------------------ the common case without zod

/*
 * Most requests are plainly valid. This check accepts such a request as it
 * is (no copy) and returns null for anything else, which then goes through
 * requestSchema (which also words the errors). It must accept nothing the
 * schema rejects and hand the engine the same values the schema would
 * (request-schema.test.ts checks both with fast-check); it may decline what
 * the schema accepts (e.g. objects that are not plain JSON objects).
 */

type Obj = Record<string, unknown>;

/** A set of field names as an object without prototype (a property read per key costs less than Set.has). */
type FieldSet = Readonly<Record<string, true | undefined>>;

function fieldSet(shape: object): FieldSet {
  const out: Record<string, true> = Object.create(null);
  for (const k of Object.keys(shape)) out[k] = true;
  return out;
}

// The field lists come from the schema itself, so a field added there cannot be missed here.
const REQUEST_KEYS = fieldSet(requestShape.shape);
const PERSON_KEYS = fieldSet(personSchema.shape);
const EPISODE_KEYS = fieldSet(episodeSchema.shape);
const SETTLED_KEYS = fieldSet(settledShape);
const CERTIFIED_KEYS = fieldSet(certifiedOnShape);

/** A plain JSON object (what JSON.parse makes) whose keys are all in `allowed`. */
function plainObject(v: unknown, allowed: FieldSet): v is Obj {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) if (allowed[k] !== true) return false;
  return true;
}

const isMoney = (v: unknown): boolean => typeof v === "string" && MONEY_PATTERN.test(v);
const isDate = (v: unknown): boolean => typeof v === "string" && SERVICE_DATE.test(v) && isCalendarDate(v);
const optional = (v: unknown, ok: (v: unknown) => boolean): boolean => v === undefined || ok(v);
const isBoolean = (v: unknown): boolean => typeof v === "boolean";
const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === "string" && values.includes(v);
// The value lists come from the schema too.
const isKind = oneOf(episodeSchema.shape.kind.options);
const isFacility = oneOf(episodeSchema.shape.facility.options);
const isCause = oneOf(episodeSchema.shape.cause.unwrap().options);
const isCategory = oneOf(personSchema.shape.categories.unwrap().element.options);
const isInsurance = oneOf(personSchema.shape.insurance.options);
const isLocale = oneOf(requestShape.shape.locale.unwrap().options);

function isSettled(v: unknown): boolean {
  if (!plainObject(v, SETTLED_KEYS)) return false;
  for (const k in v) if (!optional(v[k], isMoney)) return false;
  return true;
}

function isEpisode(v: unknown): boolean {
  if (!plainObject(v, EPISODE_KEYS)) return false;
  const total = v.total;
  return (
    isKind(v.kind) &&
    isFacility(v.facility) &&
    optional(v.inRegion, isBoolean) &&
    optional(v.referred, isBoolean) &&
    optional(v.designated, isBoolean) &&
    optional(v.emergency, isBoolean) &&
    optional(v.cause, isCause) &&
    isMoney(total) &&
    !isZeroMoney(total as string) &&
    optional(v.selfFunded, isMoney) &&
    optional(v.settled, isSettled) &&
    optional(v.date, isDate)
  );
}

function isPerson(v: unknown): boolean {
  if (!plainObject(v, PERSON_KEYS) || !isInsurance(v.insurance)) return false;
  const cats = v.categories;
  if (cats !== undefined) {
    if (!Array.isArray(cats) || cats.length > MAX_CATEGORIES) return false;
    // An index loop, not every(): a hole in the array is an error, as for the schema.
    for (let i = 0; i < cats.length; i++) if (!isCategory(cats[i])) return false;
  }
  const age = v.age;
  if (age !== undefined && !(Number.isSafeInteger(age) && (age as number) >= 0 && (age as number) <= MAX_AGE)) return false;
  return optional(v.certifiedOn, isCertifiedOn);
}

function isCertifiedOn(v: unknown): boolean {
  if (!plainObject(v, CERTIFIED_KEYS)) return false;
  for (const k in v) if (!optional(v[k], isDate)) return false;
  return true;
}

/** The request itself when it is plainly valid, else null (then use requestSchema). */
export function parseValidRequest(v: unknown): ParsedRequest | null {
  if (!plainObject(v, REQUEST_KEYS)) return null;
  const { policy, serviceDate, episodes } = v;
  if (typeof policy !== "string" || policy.length < 1) return null;
  if (typeof serviceDate !== "string" || !SERVICE_DATE.test(serviceDate) || !isCalendarDate(serviceDate)) return null;
  if (!optional(v.locale, isLocale) || !isPerson(v.person)) return null;
  if (!Array.isArray(episodes) || episodes.length < 1 || episodes.length > MAX_EPISODES) return null;
  for (let i = 0; i < episodes.length; i++) if (!isEpisode(episodes[i])) return null;
  if (firstDateOutOfOrder(episodes as { date?: string }[]) >= 0) return null;
  return v as ParsedRequest;
}
