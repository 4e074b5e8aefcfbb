import { getApplicationForCitizen, getApplicationForStaff } from "@/lib/applications/service";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

/** GET one application as its applicant or staff of its area see it (personal data masked); 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getSessionUser();
  const { id } = await params;
  const ctx = { db: getDb() };
  const view = !user
    ? null
    : user.kind === "citizen"
      ? await getApplicationForCitizen(ctx, user.id, id)
      : await getApplicationForStaff(ctx, { id: user.id, role: user.role, areaCode: user.areaCode ?? null }, id);
  if (!view) return Response.json({ error: { code: "not-found" } }, { status: 404 });
  const { timings: _timings, ...rest } = view;
  return Response.json({ application: rest }, { headers: { "Cache-Control": "private, no-store" } });
}
