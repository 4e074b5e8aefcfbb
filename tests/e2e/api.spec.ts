import { expect, test } from "@playwright/test";
import { EXAMPLE_1 } from "@/tests/unit/policy/examples";

// The JSON API as another system calls it, through the production server the browser tests run against:
// POST /api/v1/estimate is answered by the server's fast path, GET /api/v1/policies by Next's route.

test("POST /api/v1/estimate answers worked example 1 with the contract's figures", async ({ request }) => {
  const res = await request.post("/api/v1/estimate", { data: EXAMPLE_1 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const body = await res.json();
  expect(body.layers.find((l: { id: string }) => l.id === "backstop").paid).toBe("3000.00");
  expect(body.personal).toBe("2000.00");
});

test("POST /api/v1/estimate rejects a broken request with a translated contract error", async ({ request }) => {
  const res = await request.post("/api/v1/estimate", { data: { ...EXAMPLE_1, locale: "zh-Hant", episodes: [] } });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe("invalid-request");
  expect(body.error.issues[0].path).toBe("episodes");
});

test("GET /api/v1/policies, still served by Next, lists the packs", async ({ request }) => {
  const res = await request.get("/api/v1/policies");
  expect(res.status()).toBe(200);
  expect((await res.json()).policies).toHaveLength(6);
});
