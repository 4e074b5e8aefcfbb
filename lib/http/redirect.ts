import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/preferences";

/**
 * Every redirect in pages and server actions goes through here, so none can leave the site: a path built from
 * a tampered argument (a server action's `lng`, a `returnTo`) lands on `fallback` instead of another host.
 */
export function redirectWithinSite(path: string, fallback = "/"): never {
  redirect(safeReturnPath(path, fallback));
}
