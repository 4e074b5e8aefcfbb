import fc from "fast-check";
import { getPack, PACK_IDS } from "@/lib/policy";

/** fast-check generators for valid requests across every pack. */

const KINDS = ["inpatient", "outpatient-chronic", "outpatient"] as const;
const FACILITIES = ["township", "county", "city", "provincial"] as const;
const CAUSES = ["illness", "traffic-accident", "medical-accident", "self-harm", "crime", "cosmetic", "abroad", "other-injury"] as const;
const CATEGORIES = [
  "tekun", "orphan", "dibao", "dibao-edge", "at-risk", "poverty-registered",
  "medical-poverty", "low-income", "student", "child", "disabled",
] as const;

function addDays(date: string, days: number): string {
  const d = new Date(date + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date inside the pack's versions (the first 800 days of each version). */
export function dateFor(policy: string): fc.Arbitrary<string> {
  const p = getPack(policy)!;
  return fc.constantFrom(...p.versions).chain((v) =>
    fc.integer({ min: 0, max: 800 }).map((n) => {
      const d = addDays(v.from, n);
      return v.to && d > v.to ? v.to : d;
    }),
  );
}

export const fen = (max: number) => fc.integer({ min: 1, max: max * 100 });
export const money = (cents: number) => (cents / 100).toFixed(2);

export const episodeArb = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    facility: fc.constantFrom(...FACILITIES),
    inRegion: fc.boolean(),
    referred: fc.boolean(),
    designated: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    emergency: fc.boolean(),
    cause: fc.oneof({ weight: 6, arbitrary: fc.constant("illness" as const) }, { weight: 2, arbitrary: fc.constantFrom(...CAUSES) }),
    totalCents: fc.oneof(fen(5000), fen(60000), fen(600000)),
    selfShare: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
    settled: fc.option(
      fc.record({
        basic: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        critical: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
        assistance: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      }),
      { nil: undefined, freq: 4 },
    ),
  })
  .map((e) => {
    const self = Math.floor((e.totalCents * e.selfShare) / 100);
    const out: Record<string, unknown> = {
      kind: e.kind,
      facility: e.facility,
      inRegion: e.inRegion,
      referred: e.referred,
      designated: e.designated,
      emergency: e.emergency,
      cause: e.cause,
      total: money(e.totalCents),
      selfFunded: money(self),
    };
    if (e.settled) {
      const s: Record<string, string> = {};
      for (const [k, pct] of Object.entries(e.settled)) {
        if (pct !== undefined) s[k] = money(Math.floor((e.totalCents * pct) / 100));
      }
      if (Object.keys(s).length) out.settled = s;
    }
    return out;
  });

export const categoriesArb = fc.subarray([...CATEGORIES], { minLength: 0, maxLength: 3 });

export const requestArb = fc.constantFrom(...PACK_IDS).chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    serviceDate: dateFor(policy),
    locale: fc.constantFrom("zh-Hans", "zh-Hant"),
    person: fc.record({
      insurance: fc.oneof({ weight: 6, arbitrary: fc.constant("resident") }, { weight: 1, arbitrary: fc.constantFrom("employee", "none") }),
      categories: categoriesArb,
    }),
    episodes: fc.array(episodeArb, { minLength: 1, maxLength: 5 }),
    // v2's optional dates: certification dates for some categories, and non-decreasing bill dates.
    certifiedDays: fc.option(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 3 }),
    episodeDays: fc.option(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 }), { nil: undefined, freq: 3 }),
  }).map(({ certifiedDays, episodeDays, ...r }) => {
    const year = r.serviceDate.slice(0, 4) + "-01-01";
    if (certifiedDays) {
      const certifiedOn: Record<string, string> = {};
      r.person.categories.forEach((c, i) => {
        if (i < certifiedDays.length) certifiedOn[c] = addDays(year, certifiedDays[i]);
      });
      (r.person as Record<string, unknown>).certifiedOn = certifiedOn;
    }
    if (episodeDays) {
      let day = 0;
      r.episodes = r.episodes.map((e, i) => {
        day += episodeDays[i];
        // Some bills without a date, as a form may leave it out.
        return episodeDays[i] % 7 === 0 ? e : { ...e, date: addDays(year, day) };
      });
    }
    return r;
  }),
);

export type Req = {
  policy: string;
  serviceDate: string;
  locale: string;
  person: { insurance: string; categories: string[] };
  episodes: Record<string, unknown>[];
};
