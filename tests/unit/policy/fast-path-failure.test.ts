import { expect, it, vi } from "vitest";
import { listenOnLoopback } from "@/tests/unit/policy/loopback-server";

// A bug that makes the engine throw must not take the server down with it: that request gets a 500, the next
// request is answered as usual.
let failNext = false;
vi.mock("@/lib/http/estimate-endpoint", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/http/estimate-endpoint")>();
  return {
    ...real,
    answerEstimate: (text: string) => {
      if (failNext) {
        failNext = false;
        throw new Error("simulated engine bug");
      }
      return real.answerEstimate(text);
    },
  };
});

it("an engine that throws gets a 500 for that request, and the server keeps answering", async () => {
  const { serveFastPath } = await import("@/lib/http/fast-path");
  const server = await listenOnLoopback((req, res) => void serveFastPath(req, res));
  const url = `${server.base}/api/v1/estimate`;
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    failNext = true;
    const failed = await fetch(url, { method: "POST", body: "{}" });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe("");
    expect(quiet).toHaveBeenCalledOnce();
    const next = await fetch(url, { method: "POST", body: "{}" });
    expect(next.status).toBe(400);
  } finally {
    quiet.mockRestore();
    await server.close();
  }
});
