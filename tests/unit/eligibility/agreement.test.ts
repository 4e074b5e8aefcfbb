import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { estimateCategories, evaluateEligibility, type Answers, type ProgrammeId } from "@/lib/eligibility";
import { certOptions } from "@/lib/eligibility/screener";
import { estimate, getPack, PACK_IDS } from "@/lib/policy";

/**
 * The eligibility check and the calculator read the same pack data for who is covered (lib/eligibility/coverage.ts);
 * this property runs generated households through both. It reads only the calculator's public result shape
 * (layer ids and paid amounts), so it holds whatever the engine's inner structure.
 *
 * - "not eligible" for a programme → the calculator pays nothing in its layers, for any bill;
 * - "eligible" → some ordinary bill (an inpatient stay for illness at a designated hospital in the region) gets
 *   something from its layers: the check never promises a layer the calculator can never pay.
 * "maybe" waits on a decision (民政 认定, enrolment, the bill's size) and is left free.
 */

const LAYERS: Partial<Record<ProgrammeId, string[]>> = {
  "basic-insurance": ["basic"],
  "critical-illness-insurance": ["critical"],
  "medical-assistance": ["assistance"],
  "tilted-assistance": ["tilted"],
  backstop: ["waiver", "backstop"],
};

const serviceDate = (policy: string) => getPack(policy)!.version.from;

type Layer = { id: string; paid: string };
function paidBy(body: unknown, ids: string[]): number {
  const layers = (body as { layers?: Layer[] }).layers ?? [];
  return layers.filter((l) => ids.includes(l.id)).reduce((sum, l) => sum + Number(l.paid), 0);
}

const householdArb = fc.constantFrom(...PACK_IDS).chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    who: fc.constantFrom("pupil", "young-child", "adult") as fc.Arbitrary<Answers["who"]>,
    insurance: fc.constantFrom("resident", "employee", "none") as fc.Arbitrary<Answers["insurance"]>,
    enrolled: fc.boolean(),
    certifications: fc.subarray(certOptions(policy).filter((c) => c !== "none")) as fc.Arbitrary<Answers["certifications"]>,
    highCosts: fc.boolean(),
    union: fc.boolean(),
    urgent: fc.boolean(),
  }),
);

const billArb = fc.record({
  kind: fc.constantFrom("inpatient", "outpatient-chronic", "outpatient"),
  facility: fc.constantFrom("township", "county", "city", "provincial"),
  inRegion: fc.boolean(),
  referred: fc.boolean(),
  designated: fc.boolean(),
  emergency: fc.boolean(),
  cause: fc.constantFrom("illness", "illness", "illness", "traffic-accident", "self-harm", "abroad"),
  total: fc.integer({ min: 100, max: 60_000_000 }).map((fen) => (fen / 100).toFixed(2)),
});

const ORDINARY = (["township", "county", "city"] as const).flatMap((facility) =>
  ["8000.00", "60000.00", "400000.00", "1500000.00"].map((total) => ({
    kind: "inpatient",
    facility,
    inRegion: true,
    referred: true,
    designated: true,
    emergency: false,
    cause: "illness",
    total,
  })),
);

function calculate(a: Answers, episodes: unknown[]) {
  const r = estimate({
    policy: a.policy,
    serviceDate: serviceDate(a.policy),
    person: { insurance: a.insurance === "none" ? "none" : a.insurance, categories: estimateCategories(a) },
    episodes,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe("the eligibility check agrees with the calculator (one source of truth: the pack)", () => {
  test("never 'not eligible' for a layer the calculator pays", () => {
    fc.assert(
      fc.property(householdArb, fc.array(billArb, { minLength: 1, maxLength: 3 }), (a, bills) => {
        const check = evaluateEligibility(a, "zh-Hans");
        const body = calculate(a, bills);
        for (const p of check.programmes) {
          const layers = LAYERS[p.id];
          if (!layers || p.status !== "not-eligible") continue;
          expect(paidBy(body, layers), `${a.policy} ${p.id} said not eligible for ${JSON.stringify(a)}`).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  test("never 'eligible' for a layer the calculator can never pay", () => {
    fc.assert(
      fc.property(householdArb, (a) => {
        const check = evaluateEligibility(a, "zh-Hans");
        const bodies = ORDINARY.map((bill) => calculate(a, [bill]));
        for (const p of check.programmes) {
          const layers = LAYERS[p.id];
          if (!layers || p.status !== "eligible") continue;
          const best = Math.max(...bodies.map((b) => paidBy(b, layers)));
          expect(best, `${a.policy} ${p.id} said eligible for ${JSON.stringify(a)}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  test("the property can fail: a check that called everyone covered by 医疗救助 would be caught", () => {
    const a: Answers = { policy: "national-2021", who: "adult", insurance: "resident", enrolled: true, certifications: [], highCosts: false, union: false, urgent: false };
    const bodies = ORDINARY.map((bill) => calculate(a, [bill]));
    expect(Math.max(...bodies.map((b) => paidBy(b, ["assistance"])))).toBe(0);
    expect(evaluateEligibility(a, "zh-Hans").programmes.find((p) => p.id === "medical-assistance")!.status).toBe("not-eligible");
  });
});
