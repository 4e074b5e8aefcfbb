import { describe, expect, test } from "vitest";
import { getClientIp } from "@/lib/auth/client-ip";

describe("client IP", () => {
  test.each([
    [{ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }, "203.0.113.5"],
    [{ "x-forwarded-for": " 2001:db8::1 " }, "2001:db8::1"],
    [{ "x-real-ip": "198.51.100.3" }, "198.51.100.3"],
    [{ "x-forwarded-for": "", "x-real-ip": "198.51.100.3" }, "198.51.100.3"],
    [{}, "unknown"],
  ])("%j → %s", (headers, ip) => {
    expect(getClientIp(headers)).toBe(ip);
    expect(getClientIp(new Headers(headers))).toBe(ip);
  });
});
