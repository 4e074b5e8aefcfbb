import { serviceContext } from "@/lib/applications/context";
import { authorizeStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES, TEACHER_ROLES } from "@/lib/auth/roles";
import { apiError } from "@/lib/http/api-error";
import { exportRosterFor } from "@/lib/schools/roster-export";

/**
 * GET ?format=xlsx|csv: the roster with statuses in the area's export layout (lib/schools/roster-export.ts).
 * The school admin gets the whole school with ID numbers in clear; a class teacher their class, masked.
 * Audited before the file is sent.
 */
export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeStaff([...SCHOOL_ROLES, ...TEACHER_ROLES]);
  if (!auth.ok) return auth.response;
  const format = new URL(request.url).searchParams.get("format");
  if (format !== "xlsx" && format !== "csv") return apiError(422, "invalid-request");
  const { db, now = () => new Date() } = await serviceContext();
  const out = await exportRosterFor(db, auth.user.actor, format, { actorId: auth.user.id, now: now() });
  if (!out) return apiError(404, "not-found");
  const name = `${out.layout.sheetName}-${out.schoolCode}.${format}`;
  return new Response(out.bytes as BodyInit, {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="roster.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
}
