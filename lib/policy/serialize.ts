import type { EstimateResponse } from "./types";

/**
 * The exact bytes both doors emit: compact JSON and a final newline. Key
 * order is fixed because every result object is built in contract order.
 *
 * The text is JSON.stringify's, byte for byte (serialize.test.ts checks it on
 * arbitrary values and on results, changed or not). It is written by a walk
 * that reuses the JSON of what recurs in every result: the frozen source
 * objects and the fixed sentences the engine registers below. Escaping costs
 * per character and those are most of a result's characters. Whatever the
 * walk does not expect (toJSON, class instances, very deep nesting…) goes to
 * JSON.stringify itself.
 */
export function serializeJson(body: unknown): string {
  const fast = typeof body === "object" && body !== null ? writeObject(body, 0) : null;
  return (fast ?? JSON.stringify(body)) + "\n";
}

/**
 * The generic walk over a response body: what the doors used before
 * serialize-result.ts and now the oracle its test compares against.
 */
export function serializeEstimateResponseGeneric(res: Pick<EstimateResponse, "body">): string {
  return serializeJson(res.body);
}

/** JSON of a string: the kept JSON of a fixed sentence, else quote(). */
export function stringJson(s: string): string {
  return (s && textShapes.has(shape(s)) && textJson.get(s)) || quote(s);
}

/** JSON of an object: its kept JSON (frozen source and assumption objects), else the walk's. */
export function objectJson(o: object): string {
  return knownObjectJson.get(o) ?? writeObject(o, 0) ?? JSON.stringify(o);
}

// ------------------------------------------------------------ recurring JSON

/** JSON of frozen objects the engine shares between results (source references). */
const knownObjectJson = new WeakMap<object, string>();
/** JSON of fixed sentences (assumptions, titles, referrals), keyed by the text. */
const textJson = new Map<string, string>();
/**
 * Length and first character of each fixed sentence, as one number: most
 * strings of a result are not fixed, and this rules them out without hashing
 * the whole text for the map.
 */
const textShapes = new Set<number>();
const shape = (s: string) => s.length * 0x10000 + s.charCodeAt(0);
/** JSON of property names. */
const keyJson = new Map<string, string>();
const MAX_KEYS = 256;

/**
 * Remember the JSON of a frozen object that will appear in many results. Only
 * for objects whose JSON cannot change: frozen, with data properties only.
 */
export function rememberObjectJson<T extends object>(o: T): T {
  knownObjectJson.set(o, JSON.stringify(o));
  return o;
}

/**
 * Remember the JSON of a sentence that will appear in many results. For
 * texts cached per pack and locale only, so the map stays as small as they are.
 */
export function rememberTextJson(text: string): string {
  if (text && !textJson.has(text)) {
    textJson.set(text, JSON.stringify(text));
    textShapes.add(shape(text));
  }
  return text;
}

/** Whether a sentence was remembered as fixed (it recurs in many results). */
export function isRememberedText(text: string): boolean {
  return textJson.has(text);
}

// ------------------------------------------------------------ the walk

/** Deeper than any result: a cycle or an odd value; JSON.stringify decides (and throws on a cycle). */
const MAX_DEPTH = 32;

/** A value's JSON; undefined where JSON.stringify leaves it out; null to give up. */
function writeValue(v: unknown, depth: number): string | undefined | null {
  switch (typeof v) {
    case "string":
      return stringJson(v);
    case "number":
      return JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "object":
      return v === null ? "null" : writeObject(v, depth);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    default:
      return null; // bigint: JSON.stringify throws its own error
  }
}

function writeObject(o: object, depth: number): string | null {
  if (typeof (o as { toJSON?: unknown }).toJSON === "function" || depth > MAX_DEPTH) return null;
  const known = knownObjectJson.get(o);
  if (known !== undefined) return known;
  const proto = Object.getPrototypeOf(o);
  if (Array.isArray(o)) {
    if (proto !== Array.prototype) return null;
    let out = "[";
    for (let i = 0; i < o.length; i++) {
      const x = writeValue(o[i], depth + 1);
      if (x === null) return null;
      out += (i ? "," : "") + (x ?? "null");
    }
    return out + "]";
  }
  if (proto !== Object.prototype && proto !== null) return null;
  let out = "";
  const rec = o as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    const x = writeValue(rec[k], depth + 1);
    if (x === null) return null;
    if (x === undefined) continue;
    out += (out ? "," : "") + writeKey(k) + ":" + x;
  }
  return "{" + out + "}";
}

/** A character JSON.stringify escapes: control characters, quote, backslash, surrogates (escaped when unpaired). */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * JSON.stringify(s) for a string: in quotes as it is when no character needs
 * escaping, which a regular expression (or, for short strings, a loop) finds
 * out faster than JSON.stringify's own scan; otherwise JSON.stringify.
 */
export function quote(s: string): string {
  if (s.length > 16) return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return '"' + s + '"';
}

function writeKey(k: string): string {
  let json = keyJson.get(k);
  if (json === undefined) {
    json = quote(k);
    if (keyJson.size < MAX_KEYS) keyJson.set(k, json);
  }
  return json;
}
