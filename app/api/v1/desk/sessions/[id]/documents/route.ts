import { MAX_UPLOAD_BYTES } from "@/lib/applications/documents";
import { serviceContext } from "@/lib/applications/context";
import { authorizeStaff } from "@/lib/auth/guards";
import { storeAssistedDocument } from "@/lib/desk/assisted-documents";
import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { readUploadedFile } from "@/lib/http/uploaded-file";

/**
 * POST ?lng=… multipart { docType, file } from the desk's documents section: a page the worker
 * photographed or scanned for the applicant, stored on the session's draft (lib/desk/assisted-documents.ts),
 * then 303 back to the section with ?uploaded=<type> or ?error=<code>, as the citizen's upload does.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authorizeStaff(["desk"]);
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const lng = formPostLocale(request);
  const sessionId = /^[a-z0-9]{10,40}$/.test(id) ? id : "-";
  const to = (param: string) => seeOther(`/${lng}/desk/sessions/${sessionId}/apply/documents?${param}`, `/${lng}/desk`);
  const upload = await readUploadedFile(request, MAX_UPLOAD_BYTES);
  if (!upload.ok) return to(`error=${upload.code}`);
  const docType = upload.form.get("docType");
  const result = await storeAssistedDocument(await serviceContext(), auth.user, sessionId, typeof docType === "string" ? docType : "", upload.bytes);
  return result.ok ? to(`uploaded=${result.docType}#doc-${result.docType}`) : to(`error=${result.code}`);
}
