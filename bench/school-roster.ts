/**
 * npm run bench:school-roster
 *
 * Issue 16's speed bars, on a fresh SQLite file with every migration applied:
 *  1. a 5,000-row .xlsx roster read (read-excel-file + our checks), validated and committed in one
 *     transaction: ≤ 3 s, printed beside read-excel-file's bare parse of the same file in the same run;
 *  2. a 5,000-row 税务 / 医保 return file reconciled against that roster: ≤ 2 s.
 * Not part of the test suite (the machine is shared; numbers vary run to run).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { readSheet } from "read-excel-file/node";
import { createPrismaClient } from "@/lib/db/client";
import { readRosterFile } from "@/lib/schools/roster-file";
import { suggestMapping, columnMappingSchema } from "@/lib/schools/roster-columns";
import { commitRosterImport } from "@/lib/schools/roster-import";
import { commitReconciliation } from "@/lib/schools/reconcile";
import { returnMappingSchema, suggestReturnMapping } from "@/lib/schools/return-file";
import { HEADER, makePupilRows, toXlsx } from "@/tests/unit/schools/fixtures";

const ROWS = 5_000;
const root = path.resolve(__dirname, "..");

async function freshDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-bench-school-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const raw = createClient({ url });
  const migrations = path.join(root, "prisma/migrations");
  for (const name of fs.readdirSync(migrations).filter((n) => fs.statSync(path.join(migrations, n)).isDirectory()).sort()) {
    await raw.executeMultiple(fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  raw.close();
  return { db: createPrismaClient(url), dir };
}

const ms = (start: number) => performance.now() - start;
/** CPU time of this process (user + system) since `start`: on a shared, loaded machine the wall clock mostly measures the queue. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** Runs per measurement: the machine is shared, so the best of three is printed beside the median. */
const RUNS = 3;

/**
 * The return file for the same 5,000 pupils: 90 % paid, the rest unpaid (税务's 缴费明细 layout), so the
 * run confirms 4,500 pupils in one transaction, each change with its audit entry.
 */
async function returnFileOf(rows: string[][]): Promise<Uint8Array> {
  return toXlsx([["缴费人证件号码", "缴费状态", "缴费日期"], ...rows.map((row, i) => [row[1], i % 10 === 9 ? "未缴费" : "已缴费", "2026-11-05"])]);
}

async function importOnce(bytes: Uint8Array, returnBytes: Uint8Array) {
  const { db, dir } = await freshDb();
  await db.area.create({ data: { code: "210102", nameZhHans: "和平区", nameZhHant: "和平區", policyPackId: "shenyang-2023" } });
  const school = await db.school.create({ data: { code: "BENCH", areaCode: "210102", nameZhHans: "测试学校", nameZhHant: "測試學校" } });

  let start = performance.now();
  const bare = await readSheet(Buffer.from(bytes));
  const bareMs = ms(start);

  start = performance.now();
  let cpu = process.cpuUsage();
  const file = await readRosterFile(bytes, "roster.xlsx");
  if (!file.ok) throw new Error(file.error);
  const readMs = ms(start);
  const mapping = columnMappingSchema.parse(suggestMapping(file.sheet.rows));
  const result = await commitRosterImport(
    db,
    { schoolId: school.id, rows: file.sheet.rows, mapping, mode: "full", today: "2026-12-03" },
    { actorId: "bench", coverYear: 2027, now: new Date() },
  );
  const totalMs = ms(start);
  const totalCpuMs = cpuMs(cpu);
  if (!result.ok) throw new Error(result.error);
  const pupils = await db.schoolPupil.count();
  if (pupils !== ROWS || bare.length !== ROWS + 1) throw new Error(`expected ${ROWS} pupils, got ${pupils}`);

  start = performance.now();
  cpu = process.cpuUsage();
  const returnFile = await readRosterFile(returnBytes, "return.xlsx");
  if (!returnFile.ok) throw new Error(returnFile.error);
  const returnMapping = returnMappingSchema.parse(suggestReturnMapping(returnFile.sheet.rows));
  const reconciled = await commitReconciliation(
    db,
    { schoolId: school.id, rows: returnFile.sheet.rows, mapping: returnMapping, decisions: {}, fileName: "return.xlsx" },
    { actorId: "bench", now: new Date() },
  );
  const reconcileMs = ms(start);
  const reconcileCpuMs = cpuMs(cpu);
  if (!reconciled.ok || reconciled.counts.confirm !== ROWS * 0.9) throw new Error(`reconciliation: ${JSON.stringify(reconciled)}`);
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  return { bareMs, readMs, totalMs, totalCpuMs, reconcileMs, reconcileCpuMs };
}

const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (label: string, xs: number[]) => `  ${label.padEnd(48)} best ${best(xs).toFixed(0).padStart(5)} ms, median ${median(xs).toFixed(0).padStart(5)} ms`;

async function main() {
  const pupilRows = makePupilRows(ROWS);
  const bytes = await toXlsx([HEADER, ...pupilRows]);
  const returnBytes = await returnFileOf(pupilRows);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await importOnce(bytes, returnBytes));
  const total = runs.map((r) => r.totalMs);
  console.log(`School roster import, ${ROWS.toLocaleString("en-US")} rows (.xlsx ${(bytes.byteLength / 1024).toFixed(0)} KB), ${RUNS} runs on fresh databases:`);
  console.log(line("read-excel-file bare parse", runs.map((r) => r.bareMs)));
  console.log(line("our read (checks + parse)", runs.map((r) => r.readMs)));
  console.log(`${line("read + validate + commit (one transaction)", total)}   target ≤ 3000 ms: ${best(total) <= 3000 ? "OK" : "MISSED"}`);
  console.log(line("  of which CPU time of this process", runs.map((r) => r.totalCpuMs)));
  const reconcile = runs.map((r) => r.reconcileMs);
  console.log(`${line("return file read + match + commit (5,000 rows)", reconcile)}   target ≤ 2000 ms: ${best(reconcile) <= 2000 ? "OK" : "MISSED"}`);
  console.log(line("  of which CPU time of this process", runs.map((r) => r.reconcileCpuMs)));
  const [one, five] = os.loadavg();
  console.log(`  machine load (1 / 5 min): ${one.toFixed(2)} / ${five.toFixed(2)} on ${os.cpus().length} cores`);
  if (best(total) > 3000 || best(reconcile) > 2000) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
