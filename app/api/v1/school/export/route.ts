import { reachOf } from "@/lib/auth/access";
import { authorizeStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES, TEACHER_ROLES } from "@/lib/auth/roles";
import { apiError } from "@/lib/http/api-error";
import { requestNow } from "@/lib/config/demo-clock";
import { getDb } from "@/lib/db/client";
import { exportRoster } from "@/lib/schools/roster-export";

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
  const reach = reachOf(auth.user.actor);
  if (reach.scope !== "school" && reach.scope !== "class") return apiError(404, "not-found");
  const db = getDb();
  const school = await db.school.findUnique({ where: { id: reach.schoolId }, select: { id: true, code: true, nameZhHans: true, areaCode: true, area: { select: { policyPackId: true } } } });
  if (!school) return apiError(404, "not-found");
  const out = await exportRoster(
    db,
    {
      schoolId: school.id,
      // The office's template is in Simplified characters whatever script the page is read in.
      schoolName: school.nameZhHans,
      area: { areaCode: school.areaCode, policyPackId: school.area.policyPackId },
      viewer: reach.scope === "school" ? { kind: "school-admin" } : { kind: "teacher", grade: reach.grade, className: reach.className },
      format,
    },
    { actorId: auth.user.id, now: await requestNow() },
  );
  const name = `${out.layout.sheetName}-${school.code}.${format}`;
  return new Response(out.bytes as BodyInit, {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="roster.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
}
