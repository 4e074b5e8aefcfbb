import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/access";
import { getClientIp } from "@/lib/auth/client-ip";
import { requireCitizen, requireStaff } from "@/lib/auth/guards";
import type { CitizenSessionUser, StaffRole, StaffSessionUser } from "@/lib/auth/roles";
import { getT } from "@/lib/i18n/server";
import type { UiNamespace } from "@/lib/i18n/resources";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, type FormValues } from "@/lib/validation/form-values";
import { fieldErrorCodes } from "@/lib/validation/issues";

/**
 * The one way to write a server action (in the spirit of dub's safe-action):
 *
 *   session and role → zod parse of the bound arguments and the form → a plain lib/ function → a typed result
 *
 * The wrapper reads the session through lib/auth/guards (a signed-out visitor goes to sign-in and
 * comes back to `returnTo`), refuses unknown scripts and malformed bound arguments with the 404
 * page, parses the form with the action's zod schema and, on failure, answers with every field's
 * error translated in the page's script (codes from the schema, texts from `errors.ns`/`errors.prefix`)
 * and the values as typed, so the form can come back filled in. The exported "use server" function
 * is then a few lines: call the wrapped action, redirect or return its result.
 */

export type FieldMessages = Record<string, string>;
export type { FormValues };

/** What a wrapped action answers: its function's result, or the form's errors (translated) and values. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldMessages; codes: Record<string, string>; values: FormValues };

export type ActionContext<U> = { lng: Locale; user: U & { actor: Actor }; ip: string | undefined };

/** Thrown by an action's function when the lib/ call refuses fields the schema could not know (e.g. an area that no longer exists). */
export class FieldRefusal extends Error {
  constructor(readonly codes: Record<string, string>) {
    super("field-refusal");
  }
}

type Who<U> = U extends CitizenSessionUser ? { citizen: true } : { staff: readonly StaffRole[] };

type ActionSpec<U, A, I, R> = {
  /** Who may call it: a citizen, or staff with one of these roles. */
  who: Who<U>;
  /** The arguments bound in the page (`action.bind(null, lng, args)`): ids, section names. */
  args: z.ZodType<A>;
  /** Where a signed-out visitor comes back to after signing in. */
  returnTo: (lng: Locale, args: A) => string;
  /** The form's fields as the schema's input (default: one string per field, lists for repeated names). */
  fromForm?: (form: FormData, args: A) => FormValues;
  /** The form's schema; issue messages are error codes. */
  input: (args: A) => z.ZodType<I>;
  /** Where error codes are translated: `${prefix}.${code}` in namespace `ns`. */
  errors: { ns: UiNamespace; prefix: string };
  /** The plain lib/ call. */
  run: (context: ActionContext<U>, input: I, args: A) => Promise<R>;
};

/** Translate error codes in the page's script: `${prefix}.${code}`, falling back to `${prefix}.invalid`. */
export function translateCodes(lng: Locale, codes: Record<string, string>, where: { ns: UiNamespace; prefix: string }): FieldMessages {
  const t = getT(lng, where.ns);
  return Object.fromEntries(
    Object.entries(codes).map(([field, code]) => [field, t(`${where.prefix}.${code}`, { defaultValue: t(`${where.prefix}.invalid`) })]),
  );
}

function defineAction<U extends CitizenSessionUser | StaffSessionUser, A, I, R>(spec: ActionSpec<U, A, I, R>) {
  return async (lngParam: string, rawArgs: unknown, form: FormData): Promise<ActionResult<R>> => {
    if (!isLocale(lngParam)) notFound();
    const lng = lngParam;
    const args = spec.args.safeParse(rawArgs);
    if (!args.success) notFound();
    const returnTo = spec.returnTo(lng, args.data);
    const user = (
      "citizen" in spec.who ? await requireCitizen(lng, returnTo) : await requireStaff(lng, returnTo, spec.who.staff)
    ) as U & { actor: Actor };
    const values = spec.fromForm ? spec.fromForm(form, args.data) : formValues(form);
    const parsed = spec.input(args.data).safeParse(values);
    const refuse = (codes: Record<string, string>): ActionResult<R> => ({ ok: false, codes, fieldErrors: translateCodes(lng, codes, spec.errors), values });
    if (!parsed.success) return refuse(fieldErrorCodes(parsed.error.issues));
    try {
      return { ok: true, data: await spec.run({ lng, user, ip: getClientIp(await headers()) }, parsed.data, args.data) };
    } catch (e) {
      if (e instanceof FieldRefusal) return refuse(e.codes);
      throw e;
    }
  };
}

/** A server action a signed-in citizen may call. */
export function citizenAction<A, I, R>(spec: Omit<ActionSpec<CitizenSessionUser, A, I, R>, "who">) {
  return defineAction<CitizenSessionUser, A, I, R>({ ...spec, who: { citizen: true } as Who<CitizenSessionUser> });
}

/** A server action staff with one of `roles` may call. */
export function staffAction<A, I, R>(roles: readonly StaffRole[], spec: Omit<ActionSpec<StaffSessionUser, A, I, R>, "who">) {
  return defineAction<StaffSessionUser, A, I, R>({ ...spec, who: { staff: roles } as Who<StaffSessionUser> });
}

/**
 * A server action anyone may call, signed in or not (e.g. the tracking-code lookup): no session, the
 * same zod parse of the form and translated errors. Whatever it reveals must be safe for anyone, and
 * rate-limited where guessing is possible.
 */
export function publicAction<I, R>(spec: {
  input: z.ZodType<I>;
  errors: { ns: UiNamespace; prefix: string };
  run: (context: { lng: Locale; ip: string | undefined }, input: I) => Promise<R>;
}) {
  return async (lngParam: string, form: FormData): Promise<ActionResult<R>> => {
    if (!isLocale(lngParam)) notFound();
    const lng = lngParam;
    const values = formValues(form);
    const parsed = spec.input.safeParse(values);
    if (!parsed.success) {
      const codes = fieldErrorCodes(parsed.error.issues);
      return { ok: false, codes, fieldErrors: translateCodes(lng, codes, spec.errors), values };
    }
    return { ok: true, data: await spec.run({ lng, ip: getClientIp(await headers()) }, parsed.data) };
  };
}
