/**
 * npm run bench:estimate
 *
 * 1. Engine: estimates per second on one core for a one-episode and a
 *    five-episode request, beside the same arithmetic in plain floats (the
 *    floor), with the ratio. The engine runs as an esbuild bundle in a child
 *    process, as production code runs (tsx adds per-function overhead).
 * 2. HTTP: throughput and p50 / p99 latency of POST /api/v1/estimate on
 *    127.0.0.1 with 50 connections for 10 s (wrk if installed, else
 *    autocannon), against the production server (dist/server.cjs) on a free
 *    loopback port, if a production build exists.
 * Targets (issue 4): ≥ 50,000 one-episode estimates/s; HTTP ≥ 2,000 req/s,
 * p99 ≤ 20 ms, 0 errors. Not part of the test suite.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { build } from "esbuild";
import { ONE_EPISODE } from "@/bench/requests";

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

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

// wrk (Debian's package) is a C load generator: it leaves the server far more of this 2-core machine than
// autocannon, which runs in Node beside it. autocannon is the fallback where wrk is not installed.
const WRK_SCRIPT = `
wrk.method = os.getenv("BENCH_METHOD")
wrk.headers["content-type"] = "application/json"
local f = io.open(os.getenv("BENCH_BODY_FILE")); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nBENCH {"requests":%d,"us":%d,"p50":%f,"p99":%f,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;
const hasWrk = spawnSync("wrk", ["--version"]).error === undefined;
const tmp = mkdtempSync(path.join(tmpdir(), "yizhan-load-"));

async function load(url: string, method: "GET" | "POST", body: string, connections: number, seconds: number): Promise<Load> {
  if (!hasWrk) {
    const r = await cannon({ url, method, body: method === "POST" ? body : undefined, headers: { "content-type": "application/json" }, connections, duration: seconds });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
  }
  const script = path.join(tmp, "post.lua");
  const bodyFile = path.join(tmp, "body.json");
  writeFileSync(script, WRK_SCRIPT);
  writeFileSync(bodyFile, body);
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "-s", script, url], {
      env: { ...process.env, BENCH_METHOD: method, BENCH_BODY_FILE: bodyFile },
    });
    let text = "";
    p.stdout.on("data", (d) => (text += d));
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}`))));
  });
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`wrk printed no summary:\n${out}`);
  const m = JSON.parse(line.slice(6)) as { requests: number; us: number; p50: number; p99: number; errors: number; non2xx: number };
  return { rps: m.requests / (m.us / 1e6), p50: m.p50, p99: m.p99, errors: m.errors, non2xx: m.non2xx };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function http(): Promise<void> {
  if (!existsSync(path.join(root, "dist/server.cjs"))) {
    console.log("HTTP: no production build — run `npm run build` first; skipping the HTTP part.");
    return;
  }
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, "dist/server.cjs"), "-H", "127.0.0.1", "-p", String(port)], {
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
    await waitFor(`${base}/api/v1/health`, 60_000);
    const url = `${base}/api/v1/estimate`;
    const body = JSON.stringify(ONE_EPISODE);
    await load(url, "POST", body, 10, 3); // warm-up
    const r = await load(url, "POST", body, 50, 10);
    // For comparison: a route answered through Next's own router with no work at all.
    const next = await load(`${base}/api/v1/health`, "GET", "", 50, 5);
    const errors = r.errors + r.non2xx;
    const tool = hasWrk ? "wrk" : "autocannon";
    console.log(`HTTP POST /api/v1/estimate (production server, 127.0.0.1:${port}, ${tool}, 50 connections, 10 s, one-episode request):`);
    console.log(`  ${fmt(r.rps)} req/s | latency p50 ${ms(r.p50)}, p99 ${ms(r.p99)} | errors ${errors} (non-2xx ${r.non2xx})`);
    console.log(`  for comparison, Next's router answering GET /api/v1/health (no work, 5 s): ${fmt(next.rps)} req/s | p50 ${ms(next.p50)}, p99 ${ms(next.p99)}`);
    const met = r.rps >= 2000 && r.p99 <= 20 && errors === 0;
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
