"use server";

import { z } from "zod";
import { FieldRefusal, staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { findForWalkIn, walkInSchema } from "@/lib/desk/walk-in";
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
      throw e;
    }
  },
});

export type StartState = { errors: Record<string, string>; values: { name?: string; idNumber?: string; phone?: string } } | null;

/** Start a session: consent first (refused without it, nothing saved), then to the session page. */
export async function startSessionAction(lng: string, _previous: StartState, form: FormData): Promise<StartState> {
  const result = await start(lng, {}, form);
  if (!result.ok) {
    // The form comes back as typed (React resets it after the action); the consent box is ticked again by hand.
    const typed = (key: string) => (typeof result.values[key] === "string" ? (result.values[key] as string) : "");
    return { errors: result.fieldErrors, values: { name: typed("name"), idNumber: typed("idNumber"), phone: typed("phone") } };
  }
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
