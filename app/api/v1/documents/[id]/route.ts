import { readDocument } from "@/lib/applications/uploads";
import { serviceContext } from "@/lib/applications/context";
import { authorizeSignedIn } from "@/lib/auth/guards";
import { apiError } from "@/lib/http/api-error";
import { uploadedFileResponse } from "@/lib/http/uploaded-file";

/** GET a document's bytes: only its applicant or staff of its area. Anyone else gets 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authorizeSignedIn();
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const doc = await readDocument(await serviceContext(), auth.user, id);
  if (!doc) return apiError(404, "not-found");
  return uploadedFileResponse(doc);
}
