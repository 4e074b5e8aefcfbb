/**
 * Engine throughput on one core (run by bench/estimate.ts as a production-like
 * esbuild bundle; prints one JSON line). Measures, for a one-episode and a
 * five-episode request: estimate() on the parsed request; the full door work
 * (text in → serialized bytes out); and the plain-float floor.
 */
import { estimate, estimateText, serializeEstimateResponse } from "@/lib/policy";
import { makeFloatEstimate } from "@/bench/float-floor";
import { FIVE_EPISODES, ONE_EPISODE } from "@/bench/requests";

const MS = Number(process.env.BENCH_MS ?? 3000);

function opsPerSecond(fn: () => unknown): number {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(MS) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return n / (Number(elapsed) / 1e9);
}

const floatEstimate = makeFloatEstimate(ONE_EPISODE.serviceDate);
// Sanity: the float floor lands on the engine's figures for these requests.
for (const r of [ONE_EPISODE, FIVE_EPISODES]) {
  const exact = estimate(r);
  if (exact.status !== 200) throw new Error("bench request rejected");
  const f = floatEstimate(r);
  if (Math.abs(f.personal - Number(exact.body.personal)) > 0.05) {
    throw new Error(`float floor disagrees: ${f.personal} vs ${exact.body.personal}`);
  }
}

const out: Record<string, number> = {};
for (const [name, r] of [["one", ONE_EPISODE], ["five", FIVE_EPISODES]] as const) {
  const text = JSON.stringify(r);
  out[`${name}.estimate`] = opsPerSecond(() => estimate(r));
  out[`${name}.door`] = opsPerSecond(() => serializeEstimateResponse(estimateText(text)));
  out[`${name}.float`] = opsPerSecond(() => floatEstimate(r));
}
process.stdout.write(JSON.stringify(out) + "\n");
