import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { POST } from "@/app/api/v1/auth/otp/route";
import { getDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/tests/unit/db/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("YIZHAN_DEMO", "1");
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(async () => {
  await getDb().$disconnect();
  await t.close();
  vi.unstubAllEnvs();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://localhost/api/v1/auth/otp", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("POST /api/v1/auth/otp", () => {
  test("200 with the resend countdown; the code lands in the outbox", async () => {
    const response = await post({ phone: "13800000011" }, { "x-forwarded-for": "198.51.100.20" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, resendAfterSeconds: 60 });
    expect((await t.db.smsOutbox.findFirstOrThrow()).toMasked).toBe("138****0011");
  });

  test("429 with Retry-After when asked again too soon", async () => {
    const response = await post({ phone: "13800000011" }, { "x-forwarded-for": "198.51.100.20" });
    expect(response.status).toBe(429);
    const body = await response.json();
    // The API's one error body: code, a message in the caller's script (with the wait), issues, and the wait itself.
    expect(body).toEqual({
      error: { code: "rate-limited", message: expect.stringContaining(String(body.error.retryAfterSeconds)), issues: [], retryAfterSeconds: expect.any(Number) },
    });
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(response.headers.get("retry-after")).toBe(String(body.error.retryAfterSeconds));
  });

  test.each([[{ phone: "12345" }], [{}], ["not json"], [{ phone: 13800000001 }]])("400 phone-invalid for %j", async (body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const message = "手机号格式不正确，请输入 11 位手机号，例如 13800000000。";
    expect(await response.json()).toEqual({ error: { code: "phone-invalid", message, issues: [{ path: "phone", message }] } });
  });

  test("503 sms-unavailable in production without an SMS provider", async () => {
    vi.stubEnv("YIZHAN_DEMO", "");
    vi.stubEnv("NODE_ENV", "production");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await post({ phone: "13800000012" });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: { code: "sms-unavailable", message: "短信服务暂不可用，请稍后再试或到窗口办理。", issues: [] } });
    } finally {
      vi.stubEnv("NODE_ENV", "test");
      vi.stubEnv("YIZHAN_DEMO", "1");
      error.mockRestore();
    }
  });
});
