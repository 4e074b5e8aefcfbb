import { createCipheriv, createDecipheriv, createHash, randomFillSync } from "node:crypto";
import { deriveKey, getDataKey } from "@/lib/crypto/keys";

/**
 * Encryption at rest for personal fields (phone numbers now; ID numbers and
 * bank accounts later): AES-256-GCM with a random 96-bit IV per value.
 *
 * Stored form: "v1.<keyId>.<iv>.<tag>.<ciphertext>" (base64url parts). keyId
 * names the key without revealing it, so a wrong key fails with a clear
 * message and a future key rotation can tell old values from new ones.
 */
const VERSION = "v1";

export class FieldDecryptionError extends Error {
  override name = "FieldDecryptionError";
}

function encryptionKey(dataKey?: Buffer): Buffer {
  return deriveKey("field-encryption/v1", dataKey ?? getDataKey());
}

// A roster import encrypts some 15,000 values in one go: the key id is worked out once per key, and
// IVs are cut from a buffer of random bytes refilled 4 KB at a time (each IV is still 96 fresh random
// bits used once) instead of one randomBytes call per value.
const keyIds = new Map<string, string>();

function keyIdOf(key: Buffer): string {
  const cacheKey = key.toString("base64");
  let id = keyIds.get(cacheKey);
  if (!id) {
    id = createHash("sha256").update(key).digest("base64url").slice(0, 8);
    if (keyIds.size > 64) keyIds.clear();
    keyIds.set(cacheKey, id);
  }
  return id;
}

const IV_BYTES = 12;
const ivPool = Buffer.alloc(IV_BYTES * 341);
let ivOffset = ivPool.length;

function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  // A copy: the pool is overwritten on the next refill.
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

export interface FieldEncryptionOptions {
  /** The data key (32 bytes); defaults to YIZHAN_DATA_KEY. Tests pass their own. */
  dataKey?: Buffer;
}

export function encryptField(plaintext: string, options: FieldEncryptionOptions = {}): string {
  const key = encryptionKey(options.dataKey);
  const iv = freshIv();
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyIdOf(key), iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptField(stored: string, options: FieldEncryptionOptions = {}): string {
  const parts = stored.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new FieldDecryptionError("Not an encrypted field value (expected v1.<keyId>.<iv>.<tag>.<ciphertext>).");
  }
  const [, keyId, iv, tag, ciphertext] = parts;
  const key = encryptionKey(options.dataKey);
  if (keyId !== keyIdOf(key)) {
    throw new FieldDecryptionError(`Value was encrypted with another data key (key id ${keyId}); check YIZHAN_DATA_KEY.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new FieldDecryptionError("Encrypted value failed authentication: it was altered or the key is wrong.");
  }
}

export { maskIdNumber, maskPhone } from "@/lib/crypto/mask";
