import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { authorizeStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { readBodyForm } from "@/lib/http/read-body";
import { uploadRoster } from "@/lib/schools/roster-upload";
import { schoolContextFor } from "@/lib/schools/school-context";

/**
 * POST ?lng=… multipart { file }: the 税务 / 医保 return file, read and checked by the roster's reader and
 * kept as an encrypted draft; 303 to the reconciliation's preview, or back with ?error=<code>, nothing stored.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeStaff(SCHOOL_ROLES);
  if (!auth.ok) return auth.response;
  const lng = formPostLocale(request);
  const to = (path: string) => seeOther(path, `/${lng}/school`);
  const back = `/${lng}/school/reconcile`;
  const ctx = await schoolContextFor(auth.user.actor);
  if (!ctx) return to(`/${lng}/school`);
  const form = await readBodyForm(request).catch(() => null);
  if (!form) return to(`${back}?error=too-large`);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return to(`${back}?error=no-file`);
  const result = await uploadRoster(ctx, { staffId: auth.user.id, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return result.ok ? to(`${back}/${result.draftId}`) : to(`${back}?error=${result.error}`);
}
