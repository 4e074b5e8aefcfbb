/** The typed arrays the batch grows as a file is read (key arenas, per-person columns). */
export type GrowableArray = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A copy of `a` at least `atLeast` long (doubling, so n additions cost O(n) copying), same values first. */
export function grown<T extends GrowableArray>(a: T, atLeast = a.length + 1): T {
  let n = Math.max(1, a.length * 2);
  while (n < atLeast) n *= 2;
  const out = new (a.constructor as new (length: number) => T)(n);
  out.set(a);
  return out;
}
