import { bodyRuleFor, tooLargeMessage } from "@/lib/http/body-limit";
import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";

/**
 * Route handlers read bodies through here, never whole with request.text() / json() / formData(): the bytes are
 * counted as they arrive and reading stops past the route's limit (the same limits as the production server's
 * front door, lib/http/body-limit.ts, which refuses them earlier; this holds under `next dev` / `next start` too).
 */

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

function limitFor(request: Request): number {
  return bodyRuleFor(new URL(request.url).pathname).limit;
}

/** The body's bytes, at most `limit` of them; BodyTooLargeError past that (declared or counted). */
export async function readBodyBytes(request: Request, limit: number = limitFor(request)): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// As Request.text() decodes (a leading byte-order mark dropped).
const utf8 = new TextDecoder("utf-8");

export async function readBodyText(request: Request, limit?: number): Promise<string> {
  return utf8.decode(await readBodyBytes(request, limit));
}

/** A form (multipart or urlencoded) read within the limit; null when it does not parse. */
export async function readBodyForm(request: Request, limit?: number): Promise<FormData | null> {
  const bytes = await readBodyBytes(request, limit);
  const type = request.headers.get("content-type") ?? "";
  return new Response(bytes, { headers: { "content-type": type } }).formData().catch(() => null);
}

/** 413 for an API: `{ error: { code: "too-large", message } }` in the script the request names (`?lng=`), else Simplified. */
export function bodyTooLargeResponse(request: Request, error: BodyTooLargeError): Response {
  const lng = new URL(request.url).searchParams.get("lng") === "zh-Hant" ? "zh-Hant" : "zh-Hans";
  return new Response(JSON.stringify({ error: { code: "too-large", message: tooLargeMessage(lng, error.limit), limitBytes: error.limit } }), {
    status: 413,
    headers: { "content-type": JSON_CONTENT_TYPE },
  });
}
