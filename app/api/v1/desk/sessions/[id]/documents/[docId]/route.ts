import { serviceContext } from "@/lib/applications/context";
import { authorizeStaff } from "@/lib/auth/guards";
import { readAssistedDocument } from "@/lib/desk/assisted-documents";
import { apiError } from "@/lib/http/api-error";
import { uploadedFileResponse } from "@/lib/http/uploaded-file";

/** GET a page on an assisted session's draft: only to the desk worker of the open session; anyone else gets 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; docId: string }> }): Promise<Response> {
  const auth = await authorizeStaff(["desk"]);
  if (!auth.ok) return auth.response;
  const { id, docId } = await params;
  const doc = await readAssistedDocument(await serviceContext(), auth.user, id, docId);
  if (!doc) return apiError(404, "not-found");
  return uploadedFileResponse(doc);
}
