/**
 * Same-process CPU-time A/B of the doors' serializer: the specialised one
 * (serialize-result.ts) against the generic walk (serializeJson), on the
 * results of bench/requests.ts and a household. Alternating slices of
 * process.cpuUsage (so machine load affects both alike); medians.
 *   npx esbuild bench/serialize-ab.ts --bundle --platform=node --outfile=/tmp/serialize-ab.cjs && node /tmp/serialize-ab.cjs
 * ROUNDS (default 9) and SLICE_MS (default 300) tune it. Not part of the test suite.
 */
import { estimate, estimateText, serializeEstimateResponse, serializeJson, type EstimateResponse } from "@/lib/policy";
import { FIVE_EPISODES, ONE_EPISODE } from "@/bench/requests";
import { HOUSEHOLD_ZHEJIANG } from "@/tests/unit/policy/examples";

function slice(fn: () => unknown, ms: number): number {
  const start = process.cpuUsage();
  let n = 0;
  for (;;) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    const u = process.cpuUsage(start);
    const cpu = (u.user + u.system) / 1e3;
    if (cpu >= ms) return (n / cpu) * 1000;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rounds = Number(process.env.ROUNDS ?? 9);
const ms = Number(process.env.SLICE_MS ?? 300);

const generic = (r: EstimateResponse) => serializeJson(r.body);
const special = (r: EstimateResponse) => serializeEstimateResponse(r);
type Serialize = typeof generic;

const requests = { one: ONE_EPISODE, five: FIVE_EPISODES, household: HOUSEHOLD_ZHEJIANG } as const;
const cases: [string, (s: Serialize) => () => unknown][] = [];
for (const [name, req] of Object.entries(requests)) {
  const res = estimate(req);
  if (generic(res) !== special(res)) throw new Error(`${name}: the serializers differ`);
  const text = JSON.stringify(req);
  cases.push([`${name}: result → bytes`, (s) => () => s(res)]);
  cases.push([`${name}: door (text → bytes)`, (s) => () => s(estimateText(text))]);
}
for (const [name, make] of cases) {
  const a = make(generic);
  const b = make(special);
  for (let i = 0; i < 3000; i++) { a(); b(); }
  const ra: number[] = [];
  const rb: number[] = [];
  for (let r = 0; r < rounds; r++) { ra.push(slice(a, ms)); rb.push(slice(b, ms)); }
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(`${name.padEnd(28)} generic ${fmt(median(ra)).padStart(9)}/cpu-s  specialised ${fmt(median(rb)).padStart(9)}/cpu-s  ×${(median(rb) / median(ra)).toFixed(2)}`);
}
