import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { authorizeStaff } from "@/lib/auth/guards";
import { SCHOOL_ROLES } from "@/lib/auth/roles";
import { readBodyForm } from "@/lib/http/read-body";
import { uploadRoster } from "@/lib/schools/roster-upload";
import { schoolContextFor } from "@/lib/schools/school-context";

/**
 * POST ?lng=… multipart { file, mode } from the import page's plain HTML form: read and check the file
 * (lib/schools/roster-file.ts), keep it encrypted as a draft, 303 to the wizard's next step; a file
 * refused for any reason goes back with ?error=<code> and nothing stored.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeStaff(SCHOOL_ROLES);
  if (!auth.ok) return auth.response;
  const lng = formPostLocale(request);
  const to = (path: string) => seeOther(path, `/${lng}/school`);
  const back = `/${lng}/school/import`;
  const ctx = await schoolContextFor(auth.user.actor);
  if (!ctx) return to(`/${lng}/school`);
  const form = await readBodyForm(request).catch(() => null);
  if (!form) return to(`${back}?error=too-large`);
  const file = form.get("file");
  const mode = form.get("mode") === "add" ? "add" : "full";
  if (!(file instanceof File) || file.size === 0) return to(`${back}?error=no-file`);
  const result = await uploadRoster(ctx, { staffId: auth.user.id, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return result.ok ? to(`${back}/${result.draftId}?mode=${mode}`) : to(`${back}?error=${result.error}`);
}
