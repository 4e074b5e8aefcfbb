/**
 * 政策找人 batch benchmark (issue 17): a deterministic year of synthetic settlements as CSV,
 * then, in one run on one core,
 *   floor   — read the file and split it into lines, nothing else;
 *   batch   — stream, decode, split (unquoted lines by hand, quoted records by papaparse), check
 *             each row, drop duplicates, match people, aggregate per person and month, screen
 *             with the 浙江 001 三(二) rules (the product's import path: lib/monitoring);
 *   simulate — the threshold simulator over the same year;
 *   write   — (with --db) writing the flags to the database, its own figure.
 * Bars: batch ≤ 10 s, ≤ 1 GB, within 5 × floor; simulator ≤ 5 s.
 *
 *   npm run bench:monitoring                 # 1,000,000 rows
 *   npm run bench:monitoring -- --rows 200000
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { generatePopulation, settlementCsv } from "@/lib/monitoring/generate";
import { CostLedger } from "@/lib/monitoring/ledger";
import { readSettlementCsv } from "@/lib/monitoring/read-csv";
import { registryFromGenerated, screen } from "@/lib/monitoring/screen";
import { simulate } from "@/lib/monitoring/simulate";
import { DEFAULT_COLUMNS } from "@/lib/monitoring/settlement";
import { monitoringRulesOn } from "@/lib/policy/monitoring-rules";

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROWS = arg("rows", 1_000_000);
const YEAR = 2025;
const PACK = "zhejiang-district-2024";
const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** CPU time of this process (user + system), ms: what "one core" costs on a shared machine. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const dir = path.join(process.cwd(), "data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `settlements-${ROWS}.csv`);
  const pop = generatePopulation(17, { people: Math.max(1000, Math.round(ROWS * 0.15)), registryHouseholds: Math.max(100, Math.round(ROWS * 0.01)), year: YEAR });
  if (!existsSync(file)) {
    const t0 = performance.now();
    const out = createWriteStream(file);
    for (const chunk of settlementCsv(pop, { rows: ROWS, year: YEAR, seed: 42 })) {
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    console.log(`generated ${file} (${mb(statSync(file).size)}) in ${secs(performance.now() - t0)}`);
  }
  const size = statSync(file).size;

  // Floor: the same file read and split into lines, no other work.
  const f0 = performance.now();
  const fc0 = cpu();
  let lines = 0;
  let tail = "";
  const td = new TextDecoder("utf-8");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = tail + td.decode(chunk as Buffer, { stream: true });
    let at = 0;
    for (let nl = text.indexOf("\n", at); nl >= 0; nl = text.indexOf("\n", at)) {
      lines++;
      at = nl + 1;
    }
    tail = text.slice(at);
  }
  const floorMs = performance.now() - f0;
  const floorCpu = cpu() - fc0;

  // The batch.
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  const b0 = performance.now();
  const bc0 = cpu();
  const ledger = new CostLedger(period);
  const report = await readSettlementCsv(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    { mapping: DEFAULT_COLUMNS, period, encoding: "auto" },
    (row) => ledger.add(row),
  );
  const readMs = performance.now() - b0;
  const registry = registryFromGenerated(pop.households);
  const rules = monitoringRulesOn(PACK, period.to);
  const result = screen({ ledger, registry, rules, period, asOf: period.to });
  const batchMs = performance.now() - b0;
  const batchCpu = cpu() - bc0;

  const s0 = performance.now();
  const sc0 = cpu();
  const sim = simulate({ ledger, registry, rules, period, asOf: period.to });
  const simMs = performance.now() - s0;
  const simCpu = cpu() - sc0;
  clearInterval(sampler);

  const rowsPerSec = Math.round((report.lines / batchCpu) * 1000);
  console.log(`load average: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")} (2 cores, shared: CPU time is the figure, wall time shown beside it)`);
  console.log(`file: ${report.lines.toLocaleString("en")} rows, ${mb(size)}, ${report.encoding}`);
  console.log(`floor (read + split lines): CPU ${secs(floorCpu)}, wall ${secs(floorMs)}  (${lines.toLocaleString("en")} lines)`);
  console.log(
    `batch (stream + parse + check + match + aggregate + screen): CPU ${secs(batchCpu)}, wall ${secs(batchMs)} (read ${secs(readMs)}, screen ${secs(batchMs - readMs)} wall), ${rowsPerSec.toLocaleString("en")} rows/s of CPU, ${(batchCpu / floorCpu).toFixed(1)} × floor`,
  );
  console.log(`  accepted ${report.accepted.toLocaleString("en")}, rejected ${report.rejected}, people ${ledger.size.toLocaleString("en")}, flags ${result.flags.length.toLocaleString("en")}`);
  console.log(`peak RSS: ${mb(peakRss)} (before the batch: ${mb(rssBefore)})`);
  console.log(`simulator (a year, ${rules.length} rules): CPU ${secs(simCpu)}, wall ${secs(simMs)}, would flag ${sim.total.people.toLocaleString("en")}`);
  const ok = batchCpu <= 10_000 && peakRss <= 1 << 30 && batchCpu <= 5 * floorCpu && simCpu <= 5_000;
  console.log(`bars (≤ 10 s, ≤ 1 GB, ≤ 5 × floor, simulator ≤ 5 s): ${ok ? "met" : "NOT met"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
