import { estimate } from "@/lib/policy";
import type { EstimateError, EstimateResult, LayerResult } from "@/lib/policy";

/** An episode with every optional flag spelled out (so no default is assumed). */
export function ep(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: "inpatient",
    facility: "county",
    inRegion: true,
    referred: false,
    designated: true,
    emergency: false,
    cause: "illness",
    total: "10000.00",
    selfFunded: "0.00",
    ...over,
  };
}

export function req(
  policy: string,
  serviceDate: string,
  categories: string[],
  episodes: Record<string, unknown>[],
  extra: { insurance?: string; locale?: string; age?: number } = {},
): Record<string, unknown> {
  const person: Record<string, unknown> = { insurance: extra.insurance ?? "resident", categories };
  if (extra.age !== undefined) person.age = extra.age;
  const r: Record<string, unknown> = { policy, serviceDate, person, episodes };
  if (extra.locale) r.locale = extra.locale;
  return r;
}

export function ok(request: unknown): EstimateResult {
  const res = estimate(request);
  if (res.status !== 200) throw new Error(`expected 200, got ${JSON.stringify(res.body)}`);
  return res.body;
}

export function fail(request: unknown): EstimateError["error"] {
  const res = estimate(request);
  if (res.status !== 400) throw new Error(`expected 400, got ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body.error;
}

export function layer(r: EstimateResult, id: string): LayerResult {
  const l = r.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id} in ${r.layers.map((x) => x.id).join(",")}`);
  return l;
}

/** Layer id → paid, for compact expectations. */
export function paid(r: EstimateResult): Record<string, string> {
  return Object.fromEntries(r.layers.map((l) => [l.id, l.paid]));
}

export interface Case {
  name: string;
  request: Record<string, unknown>;
  /** Expected paid per layer id (every layer listed is checked). */
  paid: Record<string, string>;
  personal: string;
  ratio?: string;
  /** Expected exclusion reasons, in order, as [episode, reason]. */
  excluded?: [number, string][];
  check?: (r: EstimateResult) => void;
}

/** Runs a table of hand-computed cases (the arithmetic is in each case's comment). */
export function runCases(cases: Case[], it: (name: string, fn: () => void) => void, expect: (v: unknown) => { toEqual(x: unknown): void; toBe(x: unknown): void }): void {
  for (const c of cases) {
    it(c.name, () => {
      const r = ok(c.request);
      expect(paid(r)).toEqual(c.paid);
      expect(r.personal).toBe(c.personal);
      if (c.ratio !== undefined) expect(r.personalRatio).toBe(c.ratio);
      expect(r.excluded.map((x) => [x.episode, x.reason])).toEqual(c.excluded ?? []);
      c.check?.(r);
    });
  }
}
