import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { reachOf } from "@/lib/auth/access";
import { authorizeStaff } from "@/lib/auth/guards";
import { FUNDING_LIST_ROLES } from "@/lib/auth/roles";
import { calendarDateInChina } from "@/lib/calendar/working-days";
import { requestNow } from "@/lib/config/demo-clock";
import { serviceContext } from "@/lib/applications/context";
import { readBodyForm } from "@/lib/http/read-body";
import { importFundingList } from "@/lib/schools/funding";
import { ROSTER_MAX_BYTES } from "@/lib/schools/roster-limits";

/** Row problems carried back in the URL: the first ones (line and code, nothing personal). */
const PROBLEMS_SHOWN = 50;

/**
 * POST ?lng=… multipart { file } from the caseworker's funding-list page (plain HTML form): import the
 * area's 资助参保 list (lib/schools/funding.ts), 303 back with the counts, or with ?error=<code> (and the
 * rows' problems) and nothing stored.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeStaff(FUNDING_LIST_ROLES);
  if (!auth.ok) return auth.response;
  const lng = formPostLocale(request);
  const back = `/${lng}/staff/funding`;
  const to = (query: string) => seeOther(`${back}?${query}`, back);
  const reach = reachOf(auth.user.actor);
  if (reach.scope !== "area") return to("error=no-area");
  const form = await readBodyForm(request).catch(() => null);
  if (!form) return to("error=too-large");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return to("error=no-file");
  if (file.size > ROSTER_MAX_BYTES) return to("error=too-large");
  const now = await requestNow();
  const result = await importFundingList(
    (await serviceContext()).db,
    { areaCode: reach.areaCode, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { actorId: auth.user.id, now, today: calendarDateInChina(now) },
  );
  if (!result.ok) {
    const problems = result.problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.line}:${p.code}`).join(",");
    return to(`error=${result.error}${problems ? `&problems=${problems}&total=${result.problems.length}` : ""}`);
  }
  const c = result.counts;
  return to(`imported=1&rows=${c.rows}&added=${c.added}&updated=${c.updated}&unchanged=${c.unchanged}&matched=${c.matched}&conflicts=${c.conflicts}`);
}
