import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/estimate/route";
import { serveFastPath } from "@/lib/http/fast-path";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { MAX_REQUEST_CHARS } from "@/lib/policy";
import { EXAMPLE_1, EXAMPLE_2, EXAMPLE_3 } from "@/tests/unit/policy/examples";
import { listenOnLoopback } from "@/tests/unit/policy/loopback-server";

/**
 * The production server answers POST /api/v1/estimate itself (lib/http/fast-path.ts) before Next's router.
 * It must be the same door as the Next route handler: same status, same bytes, for good and bad input alike,
 * and it must leave every other request to Next.
 */

let server: Awaited<ReturnType<typeof listenOnLoopback>>;
let base: string;

beforeAll(async () => {
  server = await listenOnLoopback((req, res) => {
    if (serveFastPath(req, res)) return;
    res.statusCode = 418; // stands for "handed on to Next"
    res.end("next");
  });
  base = server.base;
});

afterAll(() => server.close());

async function viaFastPath(body: BodyInit, path = "/api/v1/estimate") {
  const res = await fetch(base + path, { method: "POST", body, headers: { "content-type": "application/json" } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function viaNextRoute(body: BodyInit) {
  const res = await POST(new Request("http://127.0.0.1/api/v1/estimate", { method: "POST", body }));
  return { status: res.status, text: await res.text() };
}

const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
const withBom = (text: string) => new Blob([bom, text]);
const tooLarge = JSON.stringify({ ...EXAMPLE_1, padding: "汉".repeat(MAX_REQUEST_CHARS) });

const cases: [string, () => BodyInit][] = [
  ["worked example 1", () => JSON.stringify(EXAMPLE_1)],
  ["worked example 2", () => JSON.stringify(EXAMPLE_2)],
  ["worked example 3 in Traditional script", () => JSON.stringify({ ...EXAMPLE_3, locale: "zh-Hant" })],
  ["a request that breaks the contract", () => JSON.stringify({ policy: "luzhai-2018", episodes: [{ total: -5 }] })],
  ["text that is not JSON", () => '{"policy": '],
  ["an empty body", () => ""],
  ["a body that starts with a byte-order mark", () => withBom(JSON.stringify(EXAMPLE_1))],
  ["a body over the size limit, in multi-byte characters", () => tooLarge],
];

describe("the server's fast path for POST /api/v1/estimate", () => {
  for (const [name, body] of cases) {
    it(`${name}: same status and bytes as the Next route handler`, async () => {
      const [fast, route] = await Promise.all([viaFastPath(body()), viaNextRoute(body())]);
      expect(fast.status).toBe(route.status);
      expect(fast.text).toBe(route.text);
      expect(fast.headers.get("content-type")).toBe("application/json; charset=utf-8");
    });
  }

  it("answers the worked example with its figures, not just any 200", async () => {
    const fast = await viaFastPath(JSON.stringify(EXAMPLE_1));
    expect(fast.status).toBe(200);
    expect(JSON.parse(fast.text).personal).toBe("2000.00");
  });

  it("rejects the oversized body as too large, not as broken JSON", async () => {
    const fast = await viaFastPath(tooLarge);
    expect(fast.status).toBe(400);
    expect(fast.text).toContain(String(MAX_REQUEST_CHARS / 1024));
  });

  it("sends the same security headers Next adds to every response", async () => {
    const fast = await viaFastPath(JSON.stringify(EXAMPLE_1));
    for (const h of SECURITY_HEADERS) expect(fast.headers.get(h.key)).toBe(h.value);
    expect(fast.headers.get("cache-control")).toBe("no-store");
  });

  it("serves the URL with a query string too", async () => {
    const fast = await viaFastPath(JSON.stringify(EXAMPLE_1), "/api/v1/estimate?source=desk");
    expect(fast.status).toBe(200);
  });

  it("leaves other methods and other URLs to Next", async () => {
    expect((await fetch(`${base}/api/v1/estimate`)).status).toBe(418);
    expect((await viaFastPath("{}", "/api/v1/estimate/extra")).status).toBe(418);
    expect((await viaFastPath("{}", "/api/v1/eligibility")).status).toBe(418);
  });
});
