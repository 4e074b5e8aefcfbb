import { describe, expect, it } from "vitest";
import { readUploadedFile, uploadedFileResponse } from "@/lib/http/uploaded-file";

const post = (form: FormData) => new Request("http://127.0.0.1/api/v1/applications/documents?lng=zh-Hans", { method: "POST", body: form });
const withFile = (bytes: number, extra: Record<string, string> = {}) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes).fill(7)], "page.jpg", { type: "image/jpeg" }));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return form;
};

describe("the one file of an upload form", () => {
  it("gives the file's bytes and the rest of the form", async () => {
    const r = await readUploadedFile(post(withFile(10, { docType: "bills" })), 100);
    expect(r.ok && [r.bytes.length, r.bytes[0], r.form.get("docType")]).toEqual([10, 7, "bills"]);
  });

  it("refuses a missing or empty file, and one over the limit", async () => {
    expect(await readUploadedFile(post(new FormData()), 100)).toEqual({ ok: false, code: "no-file" });
    expect(await readUploadedFile(post(withFile(0)), 100)).toEqual({ ok: false, code: "no-file" });
    expect(await readUploadedFile(post(withFile(101)), 100)).toEqual({ ok: false, code: "too-large" });
  });

  it("serves a stored file inline, uncached and unsniffed", async () => {
    const res = uploadedFileResponse({ bytes: new Uint8Array([1, 2]), mimeType: "image/png" });
    expect([res.headers.get("content-type"), res.headers.get("cache-control"), res.headers.get("x-content-type-options")]).toEqual(["image/png", "private, no-store", "nosniff"]);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
  });
});
