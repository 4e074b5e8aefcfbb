import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { headers } from "next/headers";
import { MAX_UPLOAD_BYTES } from "@/lib/applications/documents";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestNow } from "@/lib/config/demo-clock";
import { serviceContext } from "@/lib/applications/context";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { isParentTokenShape, parentLinkPath, resolveParentToken } from "@/lib/schools/parent-links";
import { storeParentReceipt } from "@/lib/schools/receipts";

/**
 * POST ?lng=…&t=<token> multipart { file } from the parent's page (plain HTML form, no account): the token
 * gives the reach (one pupil, lib/auth/access.ts "parent-token"), the receipt is stored encrypted and the
 * status moves to 家长已缴（待核对）; 303 back to the page with ?uploaded=1 or ?error=<code>.
 */
export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const lng = formPostLocale(url);
  const token = url.searchParams.get("t") ?? "";
  const back = isParentTokenShape(token) ? parentLinkPath(lng, token) : `/${lng}`;
  const to = (param: string) => seeOther(`${back}?${param}`, `/${lng}`);
  const ip = getClientIp(await headers());
  const now = await requestNow();
  const db = (await serviceContext()).db;
  const resolved = await resolveParentToken(db, token, { ip, now });
  // A wrong, expired or blocked token: the page itself says which.
  if (!resolved.ok) return seeOther(back, `/${lng}`);
  const upload = await readUploadedFile(request, MAX_UPLOAD_BYTES);
  if (!upload.ok) return to(`error=${upload.code}`);
  const result = await storeParentReceipt(db, resolved.reach, { pupilId: resolved.reach.pupilId, bytes: upload.bytes, now, ip });
  return result.ok ? to("uploaded=1") : to(`error=${result.code}`);
}
