import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";

describe("field encryption IVs cut from a pooled random buffer", () => {
  it("never repeat across pool refills (2,000 values, the pool holds 341) and every value decrypts", () => {
    const dataKey = randomBytes(32);
    const stored = Array.from({ length: 2000 }, (_, i) => encryptField(`value-${i}`, { dataKey }));
    const ivs = stored.map((s) => s.split(".")[2]);
    expect(new Set(ivs).size).toBe(stored.length);
    expect(ivs.every((iv) => Buffer.from(iv, "base64url").length === 12)).toBe(true);
    stored.forEach((s, i) => expect(decryptField(s, { dataKey })).toBe(`value-${i}`));
  });
});
