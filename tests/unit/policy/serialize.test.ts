import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimate, serializeJson } from "@/lib/policy";
import { quote } from "@/lib/policy/serialize";
import { requestArb } from "@/tests/unit/policy/arbitraries";

/**
 * The doors' bytes are JSON.stringify(body) + "\n" exactly, whatever the body:
 * serializeJson only reuses the JSON of what recurs (frozen source objects,
 * fixed sentences) and must never differ from JSON.stringify, also when a
 * caller has changed a result before serializing it.
 */

function same(v: unknown): void {
  let expected: string | Error;
  try {
    expected = JSON.stringify(v) + "\n";
  } catch (e) {
    expected = e as Error;
  }
  if (typeof expected === "string") expect(serializeJson(v)).toBe(expected);
  else expect(() => serializeJson(v)).toThrow(expected.constructor as new () => Error);
}

const results = requestArb.map((r) => estimate(r).body as unknown as Record<string, unknown>);

describe("serializeJson = JSON.stringify + newline", () => {
  it("on arbitrary JSON values and odd JS values", () => {
    fc.assert(fc.property(fc.jsonValue(), same), { numRuns: 3000 });
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withSparseArray: true }), same), {
      numRuns: 3000,
    });
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "binary", minLength: 17, maxLength: 200 })), (s) => {
        expect(quote(s)).toBe(JSON.stringify(s));
      }), { numRuns: 3000 });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const deep = Array.from({ length: 60 }).reduce<unknown>((x) => [x], "bottom");
    const odd: unknown[] = [
      undefined, null, 0, -0, NaN, Infinity, "", "\u2028\ud800\"\\\n", [undefined, () => 1, Symbol("s")],
      { a: undefined, b: () => 1, c: Symbol("s"), d: new Date(0), e: { toJSON: (k: string) => `key ${k}` } },
      { "\"quoted\" key": 1, "中文": "值", 3: "three", 1: "one" }, Object.create(null), new (class Point { x = 1 })(),
      deep, cyclic, { n: 10n },
    ];
    for (const v of odd) same(v);
  }, 60_000);

  it("on results, as the engine made them and after a caller changed them", () => {
    fc.assert(
      fc.property(results, fc.nat(), (body, pick) => {
        expect(serializeJson(body)).toBe(JSON.stringify(body) + "\n");
        // Change it the ways a caller could: add or remove fields, replace a shared source object, add a toJSON.
        const layers = (body.layers ?? []) as Record<string, unknown>[];
        const layer = layers[pick % Math.max(1, layers.length)];
        if (layer) {
          layer.extra = "额外";
          delete layer.explanation;
          const sources = layer.sources as unknown[];
          if (sources.length) sources[0] = { ...(sources[0] as object), clause: "changed \"clause\"" };
          sources.push({ toJSON: () => "custom" });
        }
        body.assumptions = [...((body.assumptions as string[]) ?? []), "新的假设"];
        same(body);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("shared source objects are frozen: a caller cannot change another result's", () => {
    const body = estimate({
      policy: "national-2021",
      serviceDate: "2024-03-01",
      person: { insurance: "resident", categories: ["dibao"] },
      episodes: [{ kind: "inpatient", facility: "city", total: "100000.00" }],
    }).body as { layers: { sources: object[] }[] };
    const source = body.layers[0].sources[0];
    expect(Object.isFrozen(source)).toBe(true);
    expect(() => Object.assign(source, { clause: "x" })).toThrow(TypeError);
  });
});
