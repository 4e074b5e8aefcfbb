/**
 * npm run bench:estimate
 *
 * 1. Engine: estimates per second on one core for a one-episode and a
 *    five-episode request, beside the same arithmetic in plain floats (the
 *    floor), with the ratio. The engine runs as an esbuild bundle in a child
 *    process, as production code runs (tsx adds per-function overhead).
 * 2. HTTP: throughput and p50 / p99 latency of POST /api/v1/estimate on
 *    127.0.0.1 with 50 connections for 10 s (autocannon), against `next start`
 *    on a free loopback port, if a production build exists in .next.
 * Targets (issue 4): ≥ 50,000 one-episode estimates/s; HTTP ≥ 2,000 req/s,
 * p99 ≤ 20 ms, 0 errors. Not part of the test suite.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { build } from "esbuild";
import { ONE_EPISODE } from "./requests";

const root = path.resolve(__dirname, "..");
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function engine(): Promise<void> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "yizhan-bench-")), "engine-bench.cjs");
  await build({ entryPoints: [path.join(root, "bench/engine-bench.ts")], bundle: true, platform: "node", format: "cjs", outfile: out, logLevel: "error" });
  const r = spawnSync(process.execPath, [out], { encoding: "utf8", env: process.env });
  if (r.status !== 0) throw new Error(r.stderr || "engine bench failed");
  const m = JSON.parse(r.stdout) as Record<string, number>;
  console.log("Engine, one core (decimal.js, validation and explanations included):");
  for (const name of ["one", "five"]) {
    const label = name === "one" ? "one episode " : "five episodes";
    console.log(
      `  ${label}: estimate() ${fmt(m[`${name}.estimate`])}/s | text→bytes ${fmt(m[`${name}.door`])}/s | float floor ${fmt(m[`${name}.float`])}/s | floor/estimate ×${(m[`${name}.float`] / m[`${name}.estimate`]).toFixed(1)}`,
    );
  }
  const ok = m["one.estimate"] >= 50_000;
  console.log(`  target ≥ 50,000 one-episode estimates/s: ${ok ? "met" : "NOT met"} (${fmt(m["one.estimate"])}/s)`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms / 1000} s`);
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

async function http(): Promise<void> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("HTTP: no production build in .next — run `npm run build` first; skipping the HTTP part.");
    return;
  }
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", stop);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/policies`, 60_000);
    const body = JSON.stringify(ONE_EPISODE);
    const opts = { url: `${base}/api/v1/estimate`, method: "POST" as const, headers: { "content-type": "application/json" }, body };
    await cannon({ ...opts, connections: 10, duration: 3 }); // warm-up
    const r = await cannon({ ...opts, connections: 50, duration: 10 });
    // The server's own floor on this machine: the same route answering at once (unknown policy → 400, no computation).
    const floor = await cannon({ ...opts, body: '{"policy":"none"}', connections: 50, duration: 5 });
    const errors = r.errors + r.timeouts + r.non2xx;
    console.log(`HTTP POST /api/v1/estimate (next start, 127.0.0.1:${port}, 50 connections, 10 s, one-episode request):`);
    console.log(`  ${fmt(r.requests.average)} req/s | latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms | errors ${errors} (non-2xx ${r.non2xx}, timeouts ${r.timeouts})`);
    console.log(`  server floor (same route, immediate 400, 5 s): ${fmt(floor.requests.average)} req/s | p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms`);
    const met = r.requests.average >= 2000 && r.latency.p99 <= 20 && errors === 0;
    console.log(`  targets ≥ 2,000 req/s, p99 ≤ 20 ms, 0 errors: ${met ? "met" : "NOT met"}`);
  } finally {
    stop();
  }
}

async function main(): Promise<void> {
  await engine();
  await http();
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
