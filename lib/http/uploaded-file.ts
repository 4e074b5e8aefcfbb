import { readBodyForm } from "@/lib/http/read-body";

/**
 * The one file of a plain HTML upload form (citizen documents, desk photos, a parent's receipt): the body
 * read through readBodyForm (counted as it arrives), the file present and not empty, and within `maxBytes`.
 * The codes are the upload pages' own error codes.
 */
export async function readUploadedFile(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array; form: FormData } | { ok: false; code: "too-large" | "no-file" }> {
  const form = await readBodyForm(request).catch(() => null);
  if (!form) return { ok: false, code: "too-large" };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, code: "no-file" };
  if (file.size > maxBytes) return { ok: false, code: "too-large" };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()), form };
}

/** A stored upload served back inline to whoever the route authorised: never cached, never sniffed, never scripted. */
export function uploadedFileResponse(doc: { bytes: Uint8Array; mimeType: string }): Response {
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
