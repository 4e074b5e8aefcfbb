import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { afterEach, describe, expect, test } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/applications/documents";
import { frontDoor, type FrontDoorOptions } from "@/lib/http/front-door";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_SIZE_LIMIT } from "@/lib/http/server-action-limit";
import errorsHans from "@/locales/zh-Hans/errors.json";
import errorsHant from "@/locales/zh-Hant/errors.json";
import { listenOnLoopback } from "@/tests/unit/policy/loopback-server";

/**
 * The production server's front door (server.ts → lib/http/front-door.ts), with a stand-in for Next that reads
 * the whole body as Next does and reports what it saw. Issue 13: client-supplied X-Forwarded-For was trusted,
 * no HSTS, and bodies were read whole before any size check (a chunked upload ignored the limit).
 */

interface Seen {
  forwardedFor?: string;
  forwardedProto?: string;
  realIp?: string;
  forwardedHost?: string;
  bodyBytes?: number;
  failed?: boolean;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function door(options: Partial<FrontDoorOptions> = {}) {
  const seen: Seen[] = [];
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    const entry: Seen = {
      forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
      forwardedProto: req.headers["x-forwarded-proto"] as string | undefined,
      realIp: req.headers["x-real-ip"] as string | undefined,
      forwardedHost: req.headers["x-forwarded-host"] as string | undefined,
    };
    seen.push(entry);
    try {
      let bytes = 0;
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      entry.bodyBytes = bytes;
      res.end("next");
    } catch {
      entry.failed = true;
      // Next would now try to answer 500; the front door has answered already.
      res.statusCode = 500;
      res.end("too late");
    }
  };
  const server = await listenOnLoopback(frontDoor({ trustedProxyHops: 0, publicUrlIsHttps: false, ...options }, (req, res) => void next(req, res)));
  close = server.close;
  return { base: server.base, seen };
}

/** A raw request, so the body can be sent chunked (no Content-Length) or with a declared length. */
function send(
  base: string,
  path: string,
  options: { headers?: Record<string, string>; chunks?: number; chunkBytes?: number; declared?: number; method?: string } = {},
): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "POST", headers: { ...(options.declared !== undefined ? { "content-length": String(options.declared) } : {}), ...options.headers } });
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    // The server may close while we are still sending: that is the point.
    req.on("error", () => {});
    const chunk = Buffer.alloc(options.chunkBytes ?? 16 * 1024, 0x61);
    let sent = 0;
    const writeMore = () => {
      while (sent < (options.chunks ?? 0)) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", writeMore);
      }
      if (options.declared === undefined || options.declared === 0) req.end();
    };
    if (options.declared !== undefined && options.declared > 0) {
      // Declared but never sent in full: the answer must come from the header alone.
      req.flushHeaders();
    } else writeMore();
  });
}

describe("client address and scheme", () => {
  test("no trusted proxy: the socket's address, whatever X-Forwarded-For / X-Real-IP the client sends", async () => {
    const { base, seen } = await door();
    await send(base, "/zh-Hans", { method: "GET", headers: { "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" } });
    expect(seen[0]).toMatchObject({ forwardedFor: "127.0.0.1", forwardedProto: "http", realIp: undefined, forwardedHost: undefined });
  });

  test("one trusted proxy: the address it appended, not what the client put before it", async () => {
    const { base, seen } = await door({ trustedProxyHops: 1 });
    await send(base, "/zh-Hans", { method: "GET", headers: { "x-forwarded-for": "1.2.3.4, 198.51.100.7", "x-forwarded-proto": "https", "x-forwarded-host": "yizhan.example" } });
    expect(seen[0]).toMatchObject({ forwardedFor: "198.51.100.7", forwardedProto: "https", forwardedHost: "yizhan.example" });
  });

  test("HSTS only over HTTPS: a trusted proxy's X-Forwarded-Proto or an https NEXTAUTH_URL", async () => {
    const plain = await door();
    expect((await send(plain.base, "/zh-Hans", { method: "GET", headers: { "x-forwarded-proto": "https" } })).headers["strict-transport-security"]).toBeUndefined();
    await close?.();
    const proxied = await door({ trustedProxyHops: 1 });
    expect((await send(proxied.base, "/zh-Hans", { method: "GET", headers: { "x-forwarded-proto": "https" } })).headers["strict-transport-security"]).toBe("max-age=63072000");
    expect((await send(proxied.base, "/zh-Hans", { method: "GET", headers: { "x-forwarded-proto": "http" } })).headers["strict-transport-security"]).toBeUndefined();
    await close?.();
    const https = await door({ publicUrlIsHttps: true });
    expect((await send(https.base, "/api/v1/estimate", { declared: 0 })).headers["strict-transport-security"]).toBe("max-age=63072000");
  });
});

describe("body limits as bytes arrive", () => {
  test("a chunked body over an API's limit gets 413 with a translated JSON error, and the reader sees it fail", async () => {
    const { base, seen } = await door();
    const res = await send(base, "/api/v1/auth/otp", { chunks: 10, chunkBytes: 16 * 1024 });
    expect(res.status).toBe(413);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(res.body)).toEqual({ error: { code: "too-large", message: errorsHans.tooLarge.body.replace("{{limit}}", "64 KB"), limitBytes: 64 * 1024 } });
    await expect.poll(() => seen[0]?.failed).toBe(true);
    expect(seen[0].bodyBytes).toBeUndefined();
  });

  test("a chunked upload over the 8 MB limit is refused while it arrives", async () => {
    const { base, seen } = await door();
    const res = await send(base, "/api/v1/applications/documents?lng=zh-Hant", { chunks: 600, chunkBytes: 16 * 1024, headers: { accept: "text/html" } });
    expect(res.status).toBe(413);
    expect(res.body).toContain(errorsHant.tooLarge.title);
    expect(res.body).toContain(`<html lang="zh-Hant">`);
    await expect.poll(() => seen[0]?.failed).toBe(true);
  });

  test("a declared upload over the limit is left to the route, which answers the form in the page's script", async () => {
    const { base, seen } = await door();
    const declared = MAX_UPLOAD_BYTES + 1024 * 1024;
    const req = httpRequest(new URL("/api/v1/applications/documents?lng=zh-Hans", base), { method: "POST", headers: { "content-length": String(declared) } });
    req.on("error", () => {});
    req.flushHeaders();
    try {
      await expect.poll(() => seen.length).toBe(1);
    } finally {
      req.destroy();
    }
  });

  test("a server action over the limit (declared) is refused before anything reads it", async () => {
    const { base, seen } = await door();
    const res = await send(base, "/zh-Hant/apply/illness", { declared: SERVER_ACTION_BODY_LIMIT_BYTES + 1, headers: { "next-action": "abc123" } });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toBe(errorsHant.tooLarge.body.replace("{{limit}}", "1 MB"));
    expect(seen).toEqual([]);
  });

  test("a plain form post to a page over the limit gets a translated page", async () => {
    const { base } = await door();
    const res = await send(base, "/zh-Hans/apply/illness", { chunks: 70, chunkBytes: 16 * 1024, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(413);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain(errorsHans.tooLarge.title);
  });

  test("bodies within the limit reach the reader whole, chunked or not", async () => {
    const { base, seen } = await door();
    expect((await send(base, "/zh-Hans/apply/illness", { chunks: 60, chunkBytes: 16 * 1024 })).status).toBe(200);
    expect(seen[0].bodyBytes).toBe(60 * 16 * 1024);
  });
});

describe("limits agree", () => {
  test("Next's own server-action limit is the one the front door enforces", async () => {
    const { default: nextConfig } = await import("@/next.config");
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_SIZE_LIMIT);
    expect(SERVER_ACTION_BODY_SIZE_LIMIT).toBe(`${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)}mb`);
  });

  test("the page policy allows scripts only with the request's nonce", () => {
    const policy = pageContentSecurityPolicy("abc123==");
    expect(policy).toMatch(/script-src 'self' 'nonce-abc123==' 'strict-dynamic';/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(pageContentSecurityPolicy("x", { development: true })).toContain("'unsafe-eval'");
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
  });
});
