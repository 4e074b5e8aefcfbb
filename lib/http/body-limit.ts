import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_UPLOAD_BYTES } from "@/lib/applications/documents";
import { ROSTER_MAX_BYTES } from "@/lib/schools/roster-limits";
import { MONITORING_UPLOAD_MAX_BYTES } from "@/lib/monitoring/upload-limits";
import { MAX_REQUEST_CHARS } from "@/lib/policy";
import errorsHans from "@/locales/zh-Hans/errors.json";
import errorsHant from "@/locales/zh-Hant/errors.json";
import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/server-action-limit";

/**
 * Request bodies are refused as soon as they pass their route's limit, while they arrive, not after being read
 * whole (a 40 MB body used to cost 90 MB of memory; a chunked upload skipped the upload limit). The production
 * server applies `guardBody` to every request before anything reads it; the answer is 413 in the client's script.
 */


/** The multipart envelope around an uploaded file (boundaries, the docType field): the route allows as much. */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;

export interface BodyRule {
  limit: number;
  /** The route refuses a declared oversize body itself, unread, with its own page (uploads: back to the form). */
  routeRefusesDeclaredOversize?: boolean;
}

/** The limit for a request, by path: uploads, the calculation API, small JSON APIs, everything else (pages, actions). */
export function bodyRuleFor(pathname: string): BodyRule {
  if (pathname === "/api/v1/applications/documents" || pathname === "/api/v1/school/parent-receipt") {
    return { limit: MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES, routeRefusesDeclaredOversize: true };
  }
  if (pathname === "/api/v1/school/roster" || pathname === "/api/v1/staff/funding") {
    return { limit: ROSTER_MAX_BYTES + MULTIPART_ALLOWANCE_BYTES, routeRefusesDeclaredOversize: true };
  }
  if (pathname === "/api/v1/monitoring/imports") {
    return { limit: MONITORING_UPLOAD_MAX_BYTES + MULTIPART_ALLOWANCE_BYTES, routeRefusesDeclaredOversize: true };
  }
  // UTF-8 takes at most 3 bytes a character: past this, the text is longer than the engine reads anyway.
  if (pathname === "/api/v1/estimate") return { limit: MAX_REQUEST_CHARS * 3 + 3 };
  if (pathname.startsWith("/api/auth/")) return { limit: 16 * 1024 };
  if (pathname.startsWith("/api/")) return { limit: 64 * 1024 };
  return { limit: SERVER_ACTION_BODY_LIMIT_BYTES };
}

function pathnameOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/** The script to answer in: the page's path, the upload form's ?lng=, the remembered choice, else Simplified. */
function scriptOf(req: IncomingMessage): "zh-Hans" | "zh-Hant" {
  const url = req.url ?? "";
  const referer = String(req.headers.referer ?? "");
  if (/^\/zh-Hant(\/|$|\?)/.test(url) || /[?&]lng=zh-Hant(&|$)/.test(url) || /\/\/[^/]+\/zh-Hant(\/|$|\?)/.test(referer)) return "zh-Hant";
  if (/^\/zh-Hans(\/|$|\?)/.test(url) || /[?&]lng=zh-Hans(&|$)/.test(url) || /\/\/[^/]+\/zh-Hans(\/|$|\?)/.test(referer)) return "zh-Hans";
  return /(?:^|;\s*)NEXT_LOCALE=zh-Hant(?:;|$)/.test(String(req.headers.cookie ?? "")) ? "zh-Hant" : "zh-Hans";
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}

/** "提交的内容超过了允许的大小（1 MB）…" in the given script. */
export function tooLargeMessage(lng: "zh-Hans" | "zh-Hant", limit: number): string {
  return (lng === "zh-Hant" ? errorsHant : errorsHans).tooLarge.body.replace("{{limit}}", megabytes(limit));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The 413 answer: JSON for APIs and server actions, a small page for a plain form post. */
export function tooLargeResponse(req: IncomingMessage, limit: number): { contentType: string; body: string } {
  const lng = scriptOf(req);
  const text = (lng === "zh-Hant" ? errorsHant : errorsHans).tooLarge;
  const message = tooLargeMessage(lng, limit);
  const path = pathnameOf(req.url);
  const wantsPage = !req.headers["next-action"] && (!path.startsWith("/api/") || String(req.headers.accept ?? "").includes("text/html"));
  if (!wantsPage) return { contentType: JSON_CONTENT_TYPE, body: JSON.stringify({ error: { code: "too-large", message, limitBytes: limit } }) };
  const page =
    `<!doctype html><html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(text.title)}</title></head><body style="font-family:system-ui,sans-serif;margin:0 auto;max-width:32rem;padding:1.5rem;line-height:1.5">` +
    `<h1 style="font-size:1.25rem">${escapeHtml(text.title)}</h1><p>${escapeHtml(message)}</p>` +
    `<p><a href="/${lng}">${escapeHtml(text.home)}</a></p></body></html>`;
  return { contentType: "text/html; charset=utf-8", body: page };
}

/** How long a refused request's connection stays open after the 413 while the client may still be sending. */
const LINGER_MS = 1000;

/**
 * Answer 413, then close the connection once the client stopped sending or LINGER_MS passed. Closing at once,
 * with the client's unread bytes still arriving, makes the kernel reset the connection, and the client may lose
 * the answer it was about to read (nginx's "lingering close" does the same).
 */
function answerTooLarge(req: IncomingMessage, res: ServerResponse, limit: number, close: () => void): void {
  if (res.headersSent) {
    close();
    return;
  }
  const answer = tooLargeResponse(req, limit);
  res.statusCode = 413;
  for (const h of SECURITY_HEADERS) res.setHeader(h.key, h.value);
  res.setHeader("content-type", answer.contentType);
  res.setHeader("cache-control", "no-store");
  res.once("finish", () => setTimeout(close, LINGER_MS).unref());
  res.end(answer.body);
}

/**
 * Enforce the route's body limit on a request before anything reads it. Returns false when the request was
 * answered (413) here. Otherwise the body is counted as the HTTP parser hands it over; past the limit the request
 * gets its 413 and the reader (Next) sees the stream fail, never a truncated body it could half-save.
 */
export function guardBody(req: IncomingMessage, res: ServerResponse): boolean {
  const rule = bodyRuleFor(pathnameOf(req.url));
  const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
  const closeConnection = () => req.socket.destroy();
  if (declared !== undefined && declared > rule.limit) {
    if (rule.routeRefusesDeclaredOversize) return true;
    // Nobody reads this body: Node discards what arrives until the connection closes.
    req.once("end", closeConnection);
    answerTooLarge(req, res, rule.limit, closeConnection);
    return false;
  }
  // With a declared length Node's parser delivers exactly that many bytes; without one (chunked), count them.
  if (declared !== undefined) return true;
  let received = 0;
  let refused = false;
  const failReader = () => req.destroy(new Error(`request body over ${rule.limit} bytes`));
  const push = req.push.bind(req);
  // Node's HTTP parser delivers each piece of the body through push(); counting there sees it before any reader.
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (refused) {
      // Discarded; the end of the body (null) means the client stopped sending: close now.
      if (chunk === null) failReader();
      return true;
    }
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > rule.limit) {
        refused = true;
        // Writes Next may still attempt once its read fails go nowhere instead of raising an unhandled error.
        res.on("error", () => {});
        answerTooLarge(req, res, rule.limit, failReader);
        return true;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
