#!/usr/bin/env node
// Lighthouse (mobile) on the home, screener and result pages: median of 3 runs each, against the production server (dist/server.cjs) this
// script starts on a loopback port. Needs a production build (`npm run build`) and Debian's Chromium.
// Usage: npm run bench:lighthouse [-- --runs 3 --port 3190]
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg("runs", 3));
const port = Number(arg("port", 3190));
const base = `http://127.0.0.1:${port}`;
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const pages = [
  ["home", "/zh-Hans"],
  ["screener (first question)", "/zh-Hans/eligibility/q/place"],
  ["eligibility results", "/zh-Hans/eligibility/results?policy=shenyang-2023&who=pupil&age=9&insurance=resident&enrolled=yes&cert=dibao&costs=no&union=no&urgent=no"],
  ["estimate result", "/zh-Hans/estimate/result?mode=bill&policy=luzhai-2018&date=2018-09-01&insurance=resident&cat=poverty-registered&kind=inpatient&facility=county&total=20000&basic=12000&critical=2000&assistance=1000"],
];

async function waitFor(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = spawn(process.execPath, ["dist/server.cjs", "-H", "127.0.0.1", "-p", String(port)], {
  env: { ...process.env, YIZHAN_DEMO: "1", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: base },
  stdio: "ignore",
});
const dir = mkdtempSync(path.join(tmpdir(), "lh-"));
try {
  await waitFor(`${base}/api/v1/health`);
  // Warm each route once so the first measured run does not pay for compilation caches.
  for (const [, p] of pages) await fetch(base + p);
  console.log(`Lighthouse 12 mobile, median of ${runs} runs (budget: performance ≥ 95, accessibility 100)`);
  for (const [name, p] of pages) {
    const perf = [];
    const a11y = [];
    for (let i = 0; i < runs; i++) {
      const out = path.join(dir, `r${i}.json`);
      await run(
        "npx",
        [
          "lighthouse",
          base + p,
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu`,
          "--form-factor=mobile",
          "--only-categories=performance,accessibility",
          "--output=json",
          `--output-path=${out}`,
          "--quiet",
        ],
        { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
      );
      const report = JSON.parse(readFileSync(out, "utf8"));
      perf.push(Math.round(report.categories.performance.score * 100));
      a11y.push(Math.round(report.categories.accessibility.score * 100));
    }
    const pm = median(perf);
    const am = median(a11y);
    console.log(
      `${name.padEnd(28)} performance ${String(pm).padStart(3)} [${perf.join(", ")}]  accessibility ${String(am).padStart(3)} [${a11y.join(", ")}]  ${pm >= 95 && am === 100 ? "ok" : "BELOW BUDGET"}`,
    );
  }
} finally {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
