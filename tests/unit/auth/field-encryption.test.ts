import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readEnv } from "@/lib/config/env";
import { decryptField, encryptField, FieldDecryptionError, maskIdNumber, maskPhone } from "@/lib/crypto/field-encryption";
import { getDataKey, parseDataKey } from "@/lib/crypto/keys";
import { hashesEqual, hashPhone } from "@/lib/crypto/lookup-hash";

const key = randomBytes(32);

describe("field encryption (AES-256-GCM)", () => {
  test.each(["13800000001", "110101199003074518", "6222 0200 1234 5678", "演示用户甲", ""])("round trip: %s", (plain) => {
    expect(decryptField(encryptField(plain, { dataKey: key }), { dataKey: key })).toBe(plain);
  });

  test("the stored value does not contain the plaintext, and differs every time (random IV)", () => {
    const a = encryptField("13800000001", { dataKey: key });
    const b = encryptField("13800000001", { dataKey: key });
    expect(a).not.toContain("13800000001");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  test("another key cannot decrypt", () => {
    const stored = encryptField("13800000001", { dataKey: key });
    expect(() => decryptField(stored, { dataKey: randomBytes(32) })).toThrow(FieldDecryptionError);
  });

  test("a tampered value fails authentication", () => {
    const parts = encryptField("13800000001", { dataKey: key }).split(".");
    const ciphertext = Buffer.from(parts[4], "base64url");
    ciphertext[0] ^= 1;
    parts[4] = ciphertext.toString("base64url");
    expect(() => decryptField(parts.join("."), { dataKey: key })).toThrow(/altered or the key is wrong/);
    expect(() => decryptField("13800000001", { dataKey: key })).toThrow(FieldDecryptionError);
  });

  test("YIZHAN_DATA_KEY must be 32 bytes; production refuses to run without it; demo and development fall back", () => {
    expect(() => parseDataKey(Buffer.alloc(16).toString("base64"))).toThrow(/exactly 32 bytes/);
    expect(parseDataKey(key.toString("base64"))).toEqual(key);
    expect(() => getDataKey(readEnv({ NODE_ENV: "production" }))).toThrow(/YIZHAN_DATA_KEY is not set/);
    expect(getDataKey(readEnv({ NODE_ENV: "production", YIZHAN_DEMO: "1" }))).toHaveLength(32);
    expect(getDataKey(readEnv({ NODE_ENV: "development" }))).toHaveLength(32);
    expect(getDataKey(readEnv({ NODE_ENV: "production", YIZHAN_DATA_KEY: key.toString("base64") }))).toEqual(key);
  });
});

describe("lookup hashes", () => {
  test("the same number always gives the same hash; another key gives another", () => {
    expect(hashPhone("13800000001", key)).toBe(hashPhone("13800000001", key));
    expect(hashPhone("13800000001", key)).not.toBe(hashPhone("13800000002", key));
    expect(hashPhone("13800000001", key)).not.toBe(hashPhone("13800000001", randomBytes(32)));
    expect(hashesEqual(hashPhone("13800000001", key), hashPhone("13800000001", key))).toBe(true);
    expect(hashesEqual(hashPhone("13800000001", key), "")).toBe(false);
  });
});

describe("masking", () => {
  test.each([
    ["13800000001", "138****0001"],
    ["138 0000 0001", "138****0001"],
    ["0772681234", "********34"],
    ["1", "*"],
  ])("maskPhone(%s) → %s", (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  test.each([
    ["110101199003074518", "110***********4518"],
    ["11010119900307451x", "110***********451X"],
    ["110101900307451", "110********7451"],
    ["AB", "**"],
  ])("maskIdNumber(%s) → %s", (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });
});
