import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseValidRequest, requestSchema } from "@/lib/policy/request-schema";
import { requestArb } from "@/tests/unit/policy/arbitraries";
import { ep, req } from "@/tests/unit/policy/helpers";

/**
 * parseValidRequest is the schema's fast path: it may decline a valid
 * request (zod then decides), but whatever it accepts, the schema must
 * accept too, with the same values.
 */

function agreesWithSchema(v: unknown): void {
  const fast = parseValidRequest(v);
  if (fast === null) return;
  const parsed = requestSchema.safeParse(v);
  expect(parsed.success, JSON.stringify(v)).toBe(true);
  if (parsed.success) expect(fast).toEqual(parsed.data);
}

/** Every path to a value inside a JSON-like value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

const ODD_VALUES: unknown[] = [
  undefined, null, "", "0", "0.00", "0.0", "00", "1.234", "-5.00", " 5", "5 ", "1e3", "12000", "12000.5", "1234567890123",
  -1, -0, 0, 1, 1.5, 130, 131, Number.NaN, true, false, [], {}, [null], ["dibao"], ["dibao", "dibao"], "dibao", "resident",
  "inpatient", "city", "zh-Hant", "en", "2024-02-29", "2023-02-29", "2024-13-01", "2024-3-1", "illness", "basic",
];

/** A valid request with one place changed: a value replaced, a key deleted, an unknown key or another array item added. */
const mutatedArb = fc.tuple(requestArb, fc.nat(), fc.nat({ max: ODD_VALUES.length + 1 })).map(([r0, pick, how]) => {
  const r = structuredClone(r0) as Record<string, unknown>;
  const all = paths(r).filter((p) => p.length > 0);
  const path = all[pick % all.length];
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, r);
  const key = path[path.length - 1];
  if (how === ODD_VALUES.length) delete parent[key];
  else if (how === ODD_VALUES.length + 1) {
    if (Array.isArray(parent)) parent.push(parent[parent.length - 1]);
    else (parent as Record<string, unknown>).extra = 1;
  }
  else parent[key] = ODD_VALUES[how];
  return r;
});

describe("parseValidRequest (the schema's fast path)", () => {
  it("accepts the generated valid requests as they are, with the schema's values", () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        expect(parseValidRequest(r)).toBe(r);
        agreesWithSchema(r);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("accepts nothing the schema rejects (one value replaced, deleted or added anywhere)", () => {
    fc.assert(fc.property(mutatedArb, agreesWithSchema), { numRuns: 5000 });
  }, 60_000);

  it("declines what is not plainly valid", () => {
    const good = () => req("national-2021", "2024-03-01", ["dibao"], [ep()], { age: 30 }) as Record<string, unknown>;
    const person = (over: Record<string, unknown>) => ({ ...good(), person: { insurance: "resident", ...over } });
    const episode = (over: Record<string, unknown>) => ({ ...good(), episodes: [ep(over)] });
    expect(parseValidRequest(good())).not.toBeNull();
    const bad: unknown[] = [
      null, [], "x", 3,
      { ...good(), extra: 1 },
      JSON.parse(`{"__proto__":{},${JSON.stringify(good()).slice(1)}`),
      Object.assign(Object.create({ inherited: 1 }), good()),
      person({ categories: [, "dibao"] }), // a hole
      person({ age: 1.5 }), person({ age: -1 }), person({ age: 131 }),
      person({ categories: Array(23).fill("dibao") }),
      episode({ total: "0.00" }), episode({ total: "0" }), episode({ total: "1.234" }), episode({ selfFunded: 5 }),
      episode({ settled: { basic: 5 } }), episode({ settled: { other: "1.00" } }), episode({ settled: [] }),
      { ...good(), episodes: [] }, { ...good(), episodes: Array(101).fill(ep()) },
      { ...good(), serviceDate: "2023-02-29" }, { ...good(), policy: "" }, { ...good(), locale: "en" },
    ];
    for (const b of bad) {
      expect(parseValidRequest(b), JSON.stringify(b)).toBeNull();
      agreesWithSchema(b);
    }
  });
});
