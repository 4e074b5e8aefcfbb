import { describe, expect, test } from "vitest";
import { getClientIp } from "@/lib/auth/client-ip";
import { clientAddress, clientScheme } from "@/lib/http/client-address";

describe("client address (issue 13: a client-supplied X-Forwarded-For was trusted)", () => {
  test.each([
    // [socket, X-Forwarded-For, trusted hops, address]
    ["203.0.113.5", undefined, 0, "203.0.113.5"],
    ["::ffff:203.0.113.5", undefined, 0, "203.0.113.5"],
    ["2001:db8::1", undefined, 0, "2001:db8::1"],
    // No proxy trusted: whatever the client claims is ignored.
    ["203.0.113.5", "198.51.100.1", 0, "203.0.113.5"],
    ["203.0.113.5", "198.51.100.1, 10.0.0.1", 0, "203.0.113.5"],
    // One proxy (nginx appends the address it saw): the last entry; entries the client put before it are ignored.
    ["10.0.0.2", "198.51.100.7", 1, "198.51.100.7"],
    ["10.0.0.2", "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"],
    ["10.0.0.2", ["1.2.3.4", "198.51.100.7"], 1, "198.51.100.7"],
    // Two proxies (CDN, then nginx).
    ["10.0.0.2", "1.2.3.4, 198.51.100.7, 172.16.0.9", 2, "198.51.100.7"],
    // A proxy that sent nothing: the nearest known address, never a made-up one.
    ["10.0.0.2", undefined, 1, "10.0.0.2"],
    ["10.0.0.2", "not an address", 1, "unknown"],
    [undefined, undefined, 0, "unknown"],
  ] as const)("socket %s, X-Forwarded-For %j, %i hops → %s", (socket, forwarded, hops, expected) => {
    expect(clientAddress(socket, forwarded as string | string[] | undefined, hops)).toBe(expected);
  });

  test("the scheme is https only over TLS or when a trusted proxy says so", () => {
    expect(clientScheme(false, "https", 0)).toBe("http");
    expect(clientScheme(false, "https", 1)).toBe("https");
    expect(clientScheme(false, "http, https", 1)).toBe("https");
    expect(clientScheme(false, undefined, 1)).toBe("http");
    expect(clientScheme(true, undefined, 0)).toBe("https");
  });

  test.each([
    [{ "x-forwarded-for": "203.0.113.5" }, "203.0.113.5"],
    // Only what the server set counts: the nearest entry, and X-Real-IP is never read.
    [{ "x-forwarded-for": "198.51.100.1, 203.0.113.5" }, "203.0.113.5"],
    [{ "x-real-ip": "198.51.100.3" }, "unknown"],
    [{}, "unknown"],
  ])("getClientIp(%j) → %s", (headers, ip) => {
    expect(getClientIp(headers)).toBe(ip);
    expect(getClientIp(new Headers(headers))).toBe(ip);
  });
});
