"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { citizenAction, staffAction } from "@/lib/actions/safe-action";
import { serviceContext } from "@/lib/applications/context";
import { ASSISTED_FRAME_COOKIE, assistedFrameCookieOptions } from "@/lib/desk/assisted-frame";
import { claimHandover, issueHandover } from "@/lib/desk/handover";
import { sessionFor } from "@/lib/desk/sessions";
import { redirectWithinSite } from "@/lib/http/redirect";

const sessionId = z.string().min(1).max(40);
const token = z.string().min(1).max(64);

const issue = staffAction(["desk"], {
  args: z.object({ sessionId }),
  returnTo: (lng, a) => `/${lng}/desk/sessions/${a.sessionId}/handover`,
  input: () => z.object({}),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, _input, a) => issueHandover(await serviceContext(), user, a.sessionId),
});

/** Show a (new) hand-over QR code for the session's draft; the one shown before stops working. */
export async function issueHandoverAction(lng: string, id: string, form: FormData): Promise<void> {
  const result = await issue(lng, { sessionId: id }, form);
  redirectWithinSite(result.ok && result.data ? `/${lng}/desk/sessions/${id}/handover` : `/${lng}/desk/sessions/${id}`);
}

const claim = citizenAction({
  args: z.object({ token }),
  returnTo: (lng, a) => `/${lng}/handover/${a.token}`,
  input: () => z.object({ keep: z.enum(["desk", "own"]).optional(), confirmed: z.string().optional() }),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, input, a) => claimHandover(await serviceContext(), user.id, a.token, { keep: input.keep ?? null, confirmed: input.confirmed === "on" }),
});

/** The signed-in applicant takes the desk's draft (or keeps their own, after confirming), then continues on the phone. */
export async function claimHandoverAction(lng: string, tokenValue: string, form: FormData): Promise<void> {
  const result = await claim(lng, { token: tokenValue }, form);
  const claimed = result.ok ? result.data : null;
  if (claimed?.ok) redirectWithinSite(`/${lng}/apply?handedOver=${claimed.kept}`);
  const code = claimed && !claimed.ok ? claimed.code : "choose";
  redirectWithinSite(`/${lng}/handover/${tokenValue}?error=${code}`);
}

const enterFrame = staffAction(["desk"], {
  args: z.object({ sessionId, to: z.enum(["eligibility", "estimate"]) }),
  returnTo: (lng, a) => `/${lng}/desk/sessions/${a.sessionId}`,
  input: () => z.object({}),
  errors: { ns: "desk", prefix: "errors" },
  run: async ({ user }, _input, a) => {
    const session = await sessionFor(await serviceContext(), user, a.sessionId);
    if (!session) return false;
    (await cookies()).set(ASSISTED_FRAME_COOKIE, session.id, assistedFrameCookieOptions);
    return true;
  },
});

/** Run 查资格 or 算报销 with the applicant inside the session's assisted frame (nothing is saved to an account). */
export async function enterAssistedFrameAction(lng: string, id: string, to: string, form: FormData): Promise<void> {
  const result = await enterFrame(lng, { sessionId: id, to }, form);
  redirectWithinSite(result.ok && result.data ? `/${lng}/${to}` : `/${lng}/desk/sessions/${id}`);
}
