import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * Who is asking, as far as this server can trust it. The production server (server.ts) calls
 * `trustForwardedHeaders` on every request before anything else sees it: client-supplied X-Forwarded-* and
 * X-Real-IP headers are dropped, and X-Forwarded-For / X-Forwarded-Proto are set to what the socket and the
 * configured number of trusted proxies say. Everything after (Next, lib/auth/client-ip.ts) reads those two.
 */

function normalise(address: string): string {
  const trimmed = address.trim();
  // "::ffff:203.0.113.5" is an IPv4 client on a dual-stack socket.
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return v4 ? v4[1] : trimmed;
}

function headerValues(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client's address: the socket's when no proxy is trusted; behind `trustedHops` proxies, the entry that the
 * outermost trusted proxy appended to X-Forwarded-For (entries further left are whatever the client claimed).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const chain = [...(trustedHops > 0 ? headerValues(forwardedFor) : []), socketAddress ?? ""];
  const candidate = normalise(chain[Math.max(0, chain.length - 1 - trustedHops)] ?? "");
  return isIP(candidate) ? candidate : "unknown";
}

/** "https" only when the connection is TLS or a trusted proxy says the client used it. */
export function clientScheme(encrypted: boolean, forwardedProto: string | string[] | undefined, trustedHops: number): "http" | "https" {
  if (encrypted) return "https";
  if (trustedHops === 0) return "http";
  const last = headerValues(forwardedProto).at(-1)?.toLowerCase();
  return last === "https" ? "https" : "http";
}

const DROPPED_HEADERS = ["x-real-ip", "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-client-ip", "true-client-ip", "cf-connecting-ip"];

/** Replace what the client said about itself by what we can trust; returns the scheme the client used. */
export function trustForwardedHeaders(req: IncomingMessage, trustedHops: number): { address: string; scheme: "http" | "https" } {
  const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  const scheme = clientScheme("encrypted" in req.socket && !!req.socket.encrypted, req.headers["x-forwarded-proto"], trustedHops);
  for (const name of DROPPED_HEADERS) delete req.headers[name];
  if (trustedHops === 0) {
    // Without a proxy, the host and port the client claims to have used elsewhere are not ours to repeat.
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
  req.headers["x-forwarded-for"] = address;
  req.headers["x-forwarded-proto"] = scheme;
  return { address, scheme };
}
