import { describe, expect, test } from "vitest";
import { POST as eligibility } from "@/app/api/v1/eligibility/route";
import { POST as otp } from "@/app/api/v1/auth/otp/route";
import { BodyTooLargeError, readBodyBytes, readBodyForm, readBodyText } from "@/lib/http/read-body";
import errorsHans from "@/locales/zh-Hans/errors.json";
import errorsHant from "@/locales/zh-Hant/errors.json";

/**
 * Route handlers read bodies counted (issue 13: `request.json()` read 40 MB whole before anything looked at the
 * size). An endless stream shows it: reading stops a chunk past the limit.
 */
function endless(chunkBytes = 16 * 1024) {
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      stats.pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  return { stream, stats };
}

function streamed(url: string, body: ReadableStream<Uint8Array>) {
  return new Request(url, { method: "POST", body, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
}

describe("reading a body within its route's limit", () => {
  test("an endless body to the sign-in code API gets 413 after 64 KB, in Simplified by default", async () => {
    const { stream, stats } = endless();
    const res = await otp(streamed("http://127.0.0.1/api/v1/auth/otp", stream));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "too-large", message: errorsHans.tooLarge.body.replace("{{limit}}", "64 KB"), limitBytes: 64 * 1024 } });
    expect(stats.pulled).toBeLessThan(8);
  });

  test("the eligibility API answers in the script the request names", async () => {
    const { stream, stats } = endless();
    const res = await eligibility(streamed("http://127.0.0.1/api/v1/eligibility?lng=zh-Hant", stream));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe(errorsHant.tooLarge.body.replace("{{limit}}", "64 KB"));
    expect(stats.pulled).toBeLessThan(8);
  });

  test("a declared length over the limit is refused before reading", async () => {
    const req = new Request("http://127.0.0.1/api/v1/auth/otp", { method: "POST", body: "x".repeat(10), headers: { "content-length": String(70 * 1024) } });
    await expect(readBodyBytes(req)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  test("bodies within the limit arrive whole: bytes, text (byte-order mark dropped), forms", async () => {
    const text = "{\"phone\":\"13800000001\"}";
    expect(await readBodyText(new Request("http://127.0.0.1/api/v1/auth/otp", { method: "POST", body: `\uFEFF${text}` }))).toBe(text);
    const bytes = new Uint8Array(64 * 1024).fill(7);
    expect(await readBodyBytes(new Request("http://127.0.0.1/api/v1/auth/otp", { method: "POST", body: bytes }))).toEqual(bytes);
    const multipart = new FormData();
    multipart.set("docType", "bills");
    multipart.set("file", new File([new Uint8Array([1, 2, 3])], "a.png"));
    const form = await readBodyForm(new Request("http://127.0.0.1/api/v1/applications/documents", { method: "POST", body: multipart }));
    expect(form?.get("docType")).toBe("bills");
    expect(new Uint8Array(await (form?.get("file") as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    const urlencoded = await readBodyForm(new Request("http://127.0.0.1/api/v1/preferences/large-text", { method: "POST", body: new URLSearchParams({ enabled: "1" }) }));
    expect(urlencoded?.get("enabled")).toBe("1");
  });
});
