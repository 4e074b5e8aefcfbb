import { serviceContext } from "@/lib/applications/context";
import { getApplicationFor } from "@/lib/applications/service";
import { authorizeSignedIn } from "@/lib/auth/guards";
import { apiError } from "@/lib/http/api-error";

/** GET one application as its applicant or staff of its area see it (personal data masked); 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authorizeSignedIn();
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const view = await getApplicationFor(await serviceContext(), auth.user, id);
  if (!view) return apiError(404, "not-found");
  const { timings: _timings, ...rest } = view;
  return Response.json({ application: rest }, { headers: { "Cache-Control": "private, no-store" } });
}
