"use server";

import { z } from "zod";
import { FieldRefusal, staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { findForWalkIn, walkInSchema } from "@/lib/desk/walk-in";
import { ConsentCodeRefusal, type ConsentCodeError, sendConsentCode } from "@/lib/desk/consent-code";
import { DeskSessionError, findAreaPeople, personSearchSchema, startSession, startSessionSchema, withdrawConsent } from "@/lib/desk/sessions";
import { redirectWithinSite } from "@/lib/http/redirect";
import type { PersonCard } from "@/lib/people/persons";

const DESK = ["desk"] as const;
const noArgs = z.object({});

const search = staffAction(DESK, {
  args: noArgs,
  returnTo: (lng) => `/${lng}/desk`,
  input: () => personSearchSchema,
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, input) => findAreaPeople(await serviceContext(), user, input),
});

export type SearchState = { people: PersonCard[] | null; errors: Record<string, string> } | null;

/** Find the area's people by phone or ID number (masked cards; the typed values are not sent back). */
export async function searchPeopleAction(lng: string, _previous: SearchState, form: FormData): Promise<SearchState> {
  const result = await search(lng, {}, form);
  return result.ok ? { people: result.data, errors: {} } : { people: null, errors: result.fieldErrors };
}

const start = staffAction(DESK, {
  args: noArgs,
  returnTo: (lng) => `/${lng}/desk`,
  input: () =>
    startSessionSchema.refine((v) => v.personId || (v.name && v.idNumber), { message: "person-required", path: ["name"] }),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, input) => {
    try {
      return await startSession(await serviceContext(), user, input);
    } catch (e) {
      if (e instanceof DeskSessionError) throw new FieldRefusal({ [e.code === "consent-required" ? "consentPaperSigned" : "name"]: e.code });
      if (e instanceof ConsentCodeRefusal) throw new FieldRefusal({ [consentCodeField(e.code)]: e.code });
      throw e;
    }
  },
});

/** Which field a consent-code refusal belongs to: the number, or the code the applicant read out. */
function consentCodeField(code: ConsentCodeError): string {
  return code === "phone-required" || code === "phone-invalid" || code === "rate-limited" || code === "sms-unavailable" ? "phone" : code === "not-found" || code === "not-desk" ? "name" : "consentCode";
}

const sendCode = staffAction(DESK, {
  args: noArgs,
  returnTo: (lng) => `/${lng}/desk`,
  input: () =>
    z
      .object({ personId: z.string().trim().max(40).optional().default(""), idNumber: startSessionSchema.shape.idNumber, phone: startSessionSchema.shape.phone })
      .refine((v) => v.personId || v.phone, { message: "phone-required", path: ["phone"] }),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user, lng }, input) => {
    try {
      return await sendConsentCode(await serviceContext(), user, input, lng);
    } catch (e) {
      if (e instanceof ConsentCodeRefusal) throw new FieldRefusal({ [consentCodeField(e.code)]: e.code });
      throw e;
    }
  },
});

export type StartState = {
  errors: Record<string, string>;
  values: { name?: string; idNumber?: string; phone?: string; consentMethod?: string };
  /** The consent code went to this (masked) number: the worker now enters what the applicant reads out. */
  codeSentTo?: string;
} | null;

/**
 * Start a session: consent first (refused without it, nothing saved), then to the session page. With
 * consent by code, the form's "send code" button (intent=send-code) sends it and the form comes back
 * with the number masked; the start button then checks the code the applicant read out.
 */
export async function startSessionAction(lng: string, previous: StartState, form: FormData): Promise<StartState> {
  const typed = (key: string) => (typeof form.get(key) === "string" ? String(form.get(key)).slice(0, 40) : "");
  const values = { name: typed("name"), idNumber: typed("idNumber"), phone: typed("phone"), consentMethod: typed("consentMethod") };
  if (form.get("intent") === "send-code") {
    const sent = await sendCode(lng, {}, form);
    return sent.ok ? { errors: {}, values, codeSentTo: sent.data.phoneMasked } : { errors: sent.fieldErrors, values };
  }
  const result = await start(lng, {}, form);
  // The form comes back as typed (React resets it after the action); the consent box is ticked again by hand.
  if (!result.ok) return { errors: result.fieldErrors, values, codeSentTo: previous?.codeSentTo };
  redirectWithinSite(`/${lng}/desk/sessions/${result.data.sessionId}`);
}

const withdraw = staffAction(DESK, {
  args: z.object({ sessionId: z.string().min(1).max(40) }),
  returnTo: (lng, { sessionId }) => `/${lng}/desk/sessions/${sessionId}`,
  input: () => z.object({}),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, _input, { sessionId }) => withdrawConsent(await serviceContext(), user, sessionId),
});

/** The applicant withdraws consent: the session stops and its unsubmitted data is deleted. */
export async function withdrawConsentAction(lng: string, sessionId: string, form: FormData): Promise<void> {
  const result = await withdraw(lng, { sessionId }, form);
  redirectWithinSite(result.ok && result.data ? `/${lng}/desk?withdrawn=1` : `/${lng}/desk?error=1`);
}

const walkIn = staffAction(DESK, {
  args: noArgs,
  returnTo: (lng) => `/${lng}/desk`,
  input: () => walkInSchema,
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, input) => findForWalkIn(await serviceContext(), user, input),
});

export type WalkInState = { errors: Record<string, string>; notFound?: boolean; values: { reference: string } } | null;

/** A walk-in asks about an application: reference + ID number → its page (timeline, paper to print). */
export async function walkInAction(lng: string, _previous: WalkInState, form: FormData): Promise<WalkInState> {
  const result = await walkIn(lng, {}, form);
  const values = { reference: String(form.get("reference") ?? "").slice(0, 64) };
  if (!result.ok) return { errors: result.fieldErrors, values };
  if (!result.data) return { errors: {}, notFound: true, values };
  redirectWithinSite(`/${lng}/staff/applications/${result.data}`);
}
