import { cache } from "react";
import { cookies } from "next/headers";
import { serviceContext } from "@/lib/applications/context";
import { currentUser } from "@/lib/auth/guards";
import { sessionFor } from "@/lib/desk/sessions";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/settings";

/**
 * The assisted frame around 查资格 and 算报销 (the public pages, the same forms and engine): a desk worker who
 * starts them from a session page runs them with the applicant across the desk. A cookie names the session;
 * the frame holds only while the cookie's session is open and reached by the signed-in desk worker (so it ends
 * with hand-over, withdrawal or sign-out by itself). The answers stay in the URL, as for anyone: nothing is
 * saved to any account, and "start the application" leads to the session's assisted application.
 */
export const ASSISTED_FRAME_COOKIE = "yz_desk_frame";

export const assistedFrameCookieOptions = {
  path: "/",
  // A working day at most; the session's own state decides everything else.
  maxAge: 12 * 60 * 60,
  sameSite: "lax" as const,
  httpOnly: true,
};

export type AssistedFrame = { sessionId: string; nameMasked: string };

/** The frame of this request, or null (no cookie, not a desk worker, the session not open or not theirs). */
export const currentAssistedFrame = cache(async (): Promise<AssistedFrame | null> => {
  const sessionId = (await cookies()).get(ASSISTED_FRAME_COOKIE)?.value;
  if (!sessionId || sessionId.length > 40) return null;
  const user = await currentUser();
  if (user?.kind !== "staff" || user.role !== "desk") return null;
  const session = await sessionFor(await serviceContext(), user, sessionId);
  return session ? { sessionId: session.id, nameMasked: session.person.nameMasked ?? session.person.idNumberMasked ?? "" } : null;
});

/** Where "start the application" leads: the session's assisted application inside the frame, else `citizenHref`. */
export async function applyHrefInFrame(lng: string, citizenHref: string): Promise<string> {
  const frame = await currentAssistedFrame();
  return frame ? `/${lng}/desk/sessions/${frame.sessionId}/apply` : citizenHref;
}

/** What the frame's banner shows (components get their texts as props): null outside a desk frame. */
export type AssistedFrameView = { banner: string; hint: string; back: string; sessionHref: string };

export async function assistedFrameView(lng: Locale): Promise<AssistedFrameView | null> {
  const frame = await currentAssistedFrame();
  if (!frame) return null;
  const t = getT(lng, "handover");
  return { banner: t("frame.banner", { name: frame.nameMasked }), hint: t("frame.hint"), back: t("frame.back"), sessionHref: `/${lng}/desk/sessions/${frame.sessionId}` };
}
