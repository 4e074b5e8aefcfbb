import { formPostLocale, seeOther } from "@/lib/http/form-post";
import { serviceContext } from "@/lib/applications/context";
import { authorizeStaff } from "@/lib/auth/guards";
import { MONITORING_ROLES } from "@/lib/auth/roles";
import { readBodyForm } from "@/lib/http/read-body";
import { importFormSchema, importFormValues, runUpload } from "@/lib/monitoring/imports";

/**
 * POST ?lng=… multipart { kind, file, from, to, encoding, skipBadRows, map.<field> } from the import
 * page's plain HTML form: checked with zod, run through lib/monitoring/imports.ts for the signed-in
 * staff member's own area, then 303 back to the page saying what happened (a refused file: the batch
 * whose error report to download).
 */
export async function POST(request: Request): Promise<Response> {
  const auth = await authorizeStaff(MONITORING_ROLES);
  if (!auth.ok) return auth.response;
  const lng = formPostLocale(request);
  const back = `/${lng}/staff/monitoring/imports`;
  const to = (query: string) => seeOther(`${back}?${query}`, back);
  const form = await readBodyForm(request).catch(() => null);
  if (!form) return to("error=too-large");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return to("error=no-file");
  const parsed = importFormSchema.safeParse(importFormValues(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return to(`error=${issue?.path[0] === "mapping" ? "mapping" : issue?.message === "period" ? "period" : "form"}`);
  }
  const ctx = await serviceContext();
  const now = ctx.now ? ctx.now() : new Date();
  const out = await runUpload(ctx.db, { actor: auth.user.actor, form: parsed.data, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()), now });
  if (out.status === "error") return to(`error=${out.code}`);
  if (out.status === "refused") return to(out.batchId ? `refused=${out.batchId}` : "error=refused");
  return to(`done=${out.status}&batch=${out.batchId}${out.status === "committed" && out.flags !== undefined ? `&flags=${out.flags}` : ""}`);
}
