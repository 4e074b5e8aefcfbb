import { notFound } from "next/navigation";
import { redirectWithinSite } from "@/lib/http/redirect";
import type { Locale } from "@/lib/i18n/settings";
import { apiError } from "@/lib/http/api-error";
import { actorFor, type Actor } from "@/lib/auth/access";
import { ANY_STAFF_ROLE, type CitizenSessionUser, hasRole, type SessionUser, type StaffRole, type StaffSessionUser } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";

/**
 * The one way pages, server actions and route handlers learn who is asking.
 *
 * Pages and actions: `requireCitizen` / `requireStaff` send a signed-out visitor to the right
 * sign-in page with `returnTo`; staff whose role may not open the page get the 404 page (as if it
 * did not exist). Route handlers: `authorizeCitizen` / `authorizeStaff` / `authorizeSignedIn`
 * answer with the JSON error body instead (401 signed out, 403 wrong role, or 404 where even
 * saying "sign in" would reveal that the record exists).
 */

/** The signed-in person, if any, for pages that show something to everyone. */
export async function currentUser(): Promise<SessionUser | null> {
  return getSessionUser();
}

export function citizenSignInPath(lng: Locale, returnTo?: string): string {
  return returnTo ? `/${lng}/login?returnTo=${encodeURIComponent(returnTo)}` : `/${lng}/login`;
}

export function staffHomePath(lng: Locale): string {
  return `/${lng}/staff`;
}

export function staffSignInPath(lng: Locale, returnTo?: string): string {
  // The staff sign-in page lands on the console by default: no need to say so in the link.
  return returnTo && returnTo !== staffHomePath(lng) ? `/${lng}/staff/login?returnTo=${encodeURIComponent(returnTo)}` : `/${lng}/staff/login`;
}

/** A signed-in citizen, or a redirect to citizen sign-in that comes back to `returnTo`. */
export async function requireCitizen(lng: Locale, returnTo: string): Promise<CitizenSessionUser & { actor: Actor }> {
  const user = await getSessionUser();
  if (user?.kind !== "citizen") redirectWithinSite(citizenSignInPath(lng, returnTo));
  return { ...user, actor: actorFor(user) };
}

/** A signed-in staff member with one of `roles`: others go to staff sign-in (signed out) or the 404 page (wrong role). */
export async function requireStaff<R extends StaffRole = StaffRole>(
  lng: Locale,
  returnTo: string,
  roles: readonly R[] = ANY_STAFF_ROLE as readonly StaffRole[] as readonly R[],
): Promise<StaffSessionUser & { role: R; actor: Actor }> {
  const user = await getSessionUser();
  if (user?.kind !== "staff") redirectWithinSite(staffSignInPath(lng, returnTo));
  if (!hasRole(user.role, roles)) notFound();
  return { ...user, role: user.role, actor: actorFor(user) };
}

export type RouteAuth<U> = { ok: true; user: U & { actor: Actor } } | { ok: false; response: Response };

/** Route twin of requireCitizen: 401 when no citizen is signed in. */
export async function authorizeCitizen(): Promise<RouteAuth<CitizenSessionUser>> {
  const user = await getSessionUser();
  if (user?.kind !== "citizen") return { ok: false, response: apiError(401, "unauthorised") };
  return { ok: true, user: { ...user, actor: actorFor(user) } };
}

/** Route twin of requireStaff: 401 signed out (or a citizen), 403 a staff role that may not use it. */
export async function authorizeStaff(roles: readonly StaffRole[] = ANY_STAFF_ROLE): Promise<RouteAuth<StaffSessionUser>> {
  const user = await getSessionUser();
  if (user?.kind !== "staff") return { ok: false, response: apiError(401, "unauthorised") };
  if (!hasRole(user.role, roles)) return { ok: false, response: apiError(403, "forbidden") };
  return { ok: true, user: { ...user, actor: actorFor(user) } };
}

/**
 * Anyone signed in; signed out answers 404 "not-found", like a record the person may not see,
 * so a URL never reveals that a record exists.
 */
export async function authorizeSignedIn(): Promise<RouteAuth<SessionUser>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, response: apiError(404, "not-found") };
  return { ok: true, user: { ...user, actor: actorFor(user) } };
}
