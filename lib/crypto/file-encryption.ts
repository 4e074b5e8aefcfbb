import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { deriveKey, getDataKey } from "@/lib/crypto/keys";

/**
 * Encryption at rest for uploaded documents (ID photos, bills): AES-256-GCM with a random 96-bit IV
 * per file, under a subkey of YIZHAN_DATA_KEY of its own (HKDF "file-encryption/v1"), as fields are.
 *
 * Stored form, one buffer: MAGIC (8 bytes "YZENCF1\n") | keyId (8 ASCII bytes) | iv (12) | tag (16) |
 * ciphertext. The magic lets the at-rest step and readers tell an encrypted file from a plaintext
 * one left by an older version (a PNG, JPEG or PDF never starts with it), so encrypting is idempotent.
 */
const MAGIC = Buffer.from("YZENCF1\n", "ascii");
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

export class FileDecryptionError extends Error {
  override name = "FileDecryptionError";
}

function fileKey(dataKey?: Buffer): Buffer {
  return deriveKey("file-encryption/v1", dataKey ?? getDataKey());
}

function keyIdOf(key: Buffer): Buffer {
  return Buffer.from(createHash("sha256").update(key).digest("base64url").slice(0, KEY_ID_BYTES), "ascii");
}

/** True when the bytes carry this module's header (encrypted by encryptFile). */
export function isEncryptedFile(bytes: Uint8Array): boolean {
  return bytes.byteLength >= HEADER_BYTES && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC);
}

export function encryptFile(plaintext: Uint8Array, options: { dataKey?: Buffer } = {}): Buffer {
  const key = fileKey(options.dataKey);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, keyIdOf(key), iv, cipher.getAuthTag(), ciphertext]);
}

export function decryptFile(stored: Uint8Array, options: { dataKey?: Buffer } = {}): Buffer {
  if (!isEncryptedFile(stored)) throw new FileDecryptionError("Not an encrypted file (no YZENCF1 header).");
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  let at = MAGIC.length;
  const keyId = bytes.subarray(at, (at += KEY_ID_BYTES));
  const iv = bytes.subarray(at, (at += IV_BYTES));
  const tag = bytes.subarray(at, (at += TAG_BYTES));
  const key = fileKey(options.dataKey);
  if (!keyId.equals(keyIdOf(key))) {
    throw new FileDecryptionError(`File was encrypted with another data key (key id ${keyId.toString("ascii")}); check YIZHAN_DATA_KEY.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(at)), decipher.final()]);
  } catch {
    throw new FileDecryptionError("Encrypted file failed authentication: it was altered or the key is wrong.");
  }
}
