import { readDocument } from "@/lib/applications/uploads";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

/** GET a document's bytes: only its applicant or staff of its area. Anyone else gets 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: { code: "not-found" } }, { status: 404 });
  const { id } = await params;
  const reader = user.kind === "citizen" ? { kind: "citizen" as const, id: user.id } : { kind: "staff" as const, id: user.id, role: user.role, areaCode: user.areaCode ?? null };
  const doc = await readDocument({ db: getDb() }, reader, id);
  if (!doc) return Response.json({ error: { code: "not-found" } }, { status: 404 });
  return new Response(new Uint8Array(doc.bytes), {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    },
  });
}
