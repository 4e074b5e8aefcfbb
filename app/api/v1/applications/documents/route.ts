import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { MAX_UPLOAD_BYTES } from "@/lib/applications/documents";
import { storeCitizenDocument } from "@/lib/applications/uploads";
import { serviceContext } from "@/lib/applications/context";
import { authorizeCitizen } from "@/lib/auth/guards";
import { readUploadedFile } from "@/lib/http/uploaded-file";

/**
 * POST ?lng=…&applicationId=… multipart { docType, file } from the plain HTML upload forms: store a
 * document on the citizen's draft (or, with applicationId, on their submitted application for
 * 补正), then 303 back to the page with ?uploaded=<type> or ?error=<code>.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeCitizen();
  if (!auth.ok) return auth.response;
  const { user } = auth;
  // Where to go back is in the URL, so even a body refused unread (too large) answers in the page's script.
  const url = new URL(request.url);
  const lng = formPostLocale(url);
  const idParam = url.searchParams.get("applicationId") ?? "";
  const applicationId = /^[a-z0-9]{10,40}$/.test(idParam) ? idParam : null;
  const back = applicationId ? `/${lng}/progress/${applicationId}` : `/${lng}/apply/documents`;
  const to = (param: string) => seeOther(`${back}?${param}`, `/${lng}`);
  // Counted as it arrives: a declared or streamed body over the limit (multipart overhead allowed for) is refused.
  const upload = await readUploadedFile(request, MAX_UPLOAD_BYTES);
  if (!upload.ok) return to(`error=${upload.code}`);
  const docType = upload.form.get("docType");
  const result = await storeCitizenDocument(await serviceContext(), user.id, { applicationId }, typeof docType === "string" ? docType : "", upload.bytes);
  return result.ok ? to(`uploaded=${result.docType}`) : to(`error=${result.code}`);
}
