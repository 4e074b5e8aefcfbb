import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_REQUEST_CHARS } from "@/lib/policy";
import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";
import { answerEstimate } from "@/lib/http/estimate-endpoint";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * The public calculation API answered straight from Node's HTTP server, before Next's router.
 * Next's request pipeline costs about 1 ms of CPU per request on its own (a route that returns at once tops out
 * near 1,000 req/s on a 2-core machine), which is more than the estimate itself; this door gives the same bytes
 * as the route handler in app/api/v1/estimate/route.ts because both call answerEstimate().
 * Returns false for anything it does not serve, which then goes to Next.
 */
export function serveFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || pathname(req.url) !== "/api/v1/estimate") return false;
  readBody(req, (text) => {
    let answer: { status: number; body: string };
    try {
      answer = answerEstimate(text);
    } catch (e) {
      // The engine answers bad input itself and never throws for it; anything thrown is a bug. Answer it as Next
      // answers a route that throws (500, no details), and keep serving everyone else.
      console.error(e);
      answer = { status: 500, body: "" };
    }
    res.statusCode = answer.status;
    for (const h of SECURITY_HEADERS) res.setHeader(h.key, h.value);
    res.setHeader("content-type", JSON_CONTENT_TYPE);
    res.setHeader("cache-control", "no-store");
    res.end(answer.body);
  });
  return true;
}

function pathname(url: string | undefined): string {
  if (!url) return "";
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/**
 * UTF-8 needs at most 3 bytes per UTF-16 code unit, so past this many bytes the text is certainly longer than the
 * engine accepts: keep that much (the engine answers "too large" from it) and discard the rest as it arrives.
 */
const MAX_BODY_BYTES = MAX_REQUEST_CHARS * 3 + 3;

// As fetch's Request.text() decodes (a leading byte-order mark dropped), so both doors see the same text.
const utf8 = new TextDecoder("utf-8");

function readBody(req: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  let kept = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done(utf8.decode(Buffer.concat(chunks)));
  };
  req.on("data", (chunk: Buffer) => {
    if (kept >= MAX_BODY_BYTES) return;
    const part = chunk.length > MAX_BODY_BYTES - kept ? chunk.subarray(0, MAX_BODY_BYTES - kept) : chunk;
    chunks.push(part);
    kept += part.length;
  });
  req.on("end", finish);
  // A client that hangs up mid-body gets nothing; Node frees the socket.
  req.on("error", () => {
    finished = true;
  });
}
