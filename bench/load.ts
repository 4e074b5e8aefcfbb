/**
 * npm run bench:load: simulated citizens against the production server (dist/server.cjs; run `npm run build`
 * first), each through the whole application journey a phone would make without JavaScript:
 *
 *   sign-in      POST /api/v1/auth/otp, the code read from the demo SMS outbox (the bench's own fresh database),
 *                next-auth's CSRF token, POST /api/auth/callback/citizen-otp
 *   draft-save   per section: GET the section page, POST its form (the server action, as a no-JS browser does);
 *                seven sections and the "documents to follow" form
 *   upload       two photos (PNG) through POST /api/v1/applications/documents
 *   submit       GET the review page (its submit key), POST the submit form
 *
 * The bench starts the server itself on BENCH_PORT (default 3299) with YIZHAN_DEMO=1 and a fresh database and
 * upload folder in a temporary directory, and stops it at the end. Clients are spread over loopback addresses
 * 127.0.0.2 and up (each client socket bound to its address), so per-address limits apply as they would to
 * real phones: the server takes the client address from the socket (no trusted proxy hops), and the bench sends
 * no X-Forwarded-For. BENCH_FORWARDED_FOR=1 adds X-Forwarded-For: <the client's own bound address> (the truth a
 * proxy would write) for older servers that keyed their limits on that header. Only loopback is used; the run is
 * bounded in count and time.
 *
 * Settings (environment): BENCH_CITIZENS (200), BENCH_CONCURRENCY (16), BENCH_ADDRESSES (25: at most
 * 8 sign-in codes per address, within the per-address limit of 20 an hour), BENCH_PORT (3299),
 * BENCH_TIMEOUT_SECONDS (900), BENCH_SMS_HOURLY_BUDGET (1000, passed to the server as YIZHAN_SMS_HOURLY_BUDGET,
 * the global sign-in SMS budget: the bench sends one code per citizen, so 200 of it). Exit 1 on any error.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createClient } from "@libsql/client";
import { maskPhone } from "@/lib/crypto/mask";
import { idNumberCheckCharacter } from "@/lib/identity/id-number";

const ROOT = path.resolve(__dirname, "..");
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ADDRESSES = Number(process.env.BENCH_ADDRESSES ?? 25);
const PORT = Number(process.env.BENCH_PORT ?? 3299);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 900) * 1000;
const FORWARDED_FOR = process.env.BENCH_FORWARDED_FOR === "1";
/** The server's global budget of sign-in SMS an hour (YIZHAN_SMS_HOURLY_BUDGET, on servers that have one): its default. */
const SEND_BUDGET = process.env.BENCH_SMS_HOURLY_BUDGET ?? "1000";
const LNG = "zh-Hans";
const BASE = `http://127.0.0.1:${PORT}`;

if (!(CITIZENS > 0 && CITIZENS <= 1000 && CONCURRENCY > 0 && CONCURRENCY <= 64 && ADDRESSES > 0 && ADDRESSES <= 250)) {
  throw new Error("BENCH_CITIZENS ≤ 1000, BENCH_CONCURRENCY ≤ 64, BENCH_ADDRESSES ≤ 250 (loopback 127.0.0.2 and up)");
}

// A 1×1 PNG: the server checks the type from the bytes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
const idNumber = (first17: string) => first17 + idNumberCheckCharacter(first17);

type Step = "sign-in" | "draft-save" | "upload" | "submit" | "citizen";
const timings: Record<Step, number[]> = { "sign-in": [], "draft-save": [], upload: [], submit: [], citizen: [] };
const errors: string[] = [];

// ------------------------------------------------------------------------------------------------
// HTTP from a given loopback address, with a cookie jar

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

class Browser {
  private readonly agent: http.Agent;
  private readonly cookies = new Map<string, string>();
  constructor(readonly localAddress: string) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 2, localAddress });
  }

  request(method: "GET" | "POST", url: string, body?: { type: string; data: Buffer | string }): Promise<Reply> {
    const headers: Record<string, string> = { accept: "text/html,application/json", "accept-language": "zh-CN" };
    if (FORWARDED_FOR) headers["x-forwarded-for"] = this.localAddress;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body) {
      headers["content-type"] = body.type;
      headers["content-length"] = String(Buffer.byteLength(body.data));
      // A browser posting a form sends its origin; Next checks it for server actions.
      headers.origin = BASE;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(`${BASE}${url}`, { method, headers, agent: this.agent, timeout: 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          for (const line of res.headers["set-cookie"] ?? []) {
            const [pair] = line.split(";");
            const at = pair.indexOf("=");
            const name = pair.slice(0, at).trim();
            const value = pair.slice(at + 1).trim();
            if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error(`timeout ${method} ${url}`)));
      req.on("error", reject);
      if (body) req.write(body.data);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden inputs of the form marked data-testid=`testId` (server-action ids and bound arguments, submit key). */
function hiddenFields(html: string, testId: string): [string, string][] {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) throw new Error(`form ${testId} not on the page`);
  const formStart = html.lastIndexOf("<form", start);
  const formEnd = html.indexOf("</form>", start);
  const form = html.slice(formStart, formEnd);
  const fields: [string, string][] = [];
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    if (!/type="hidden"/.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    fields.push([decodeEntities(name), decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? "")]);
  }
  return fields;
}

async function multipart(fields: [string, string | Blob][]): Promise<{ type: string; data: Buffer }> {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const encoded = new Response(form);
  return { type: encoded.headers.get("content-type")!, data: Buffer.from(await encoded.arrayBuffer()) };
}

function expectRedirect(reply: Reply, what: string, to: RegExp): string {
  const location = reply.headers.location ?? "";
  if (reply.status < 300 || reply.status > 399 || !to.test(location)) {
    throw new Error(`${what}: ${reply.status} ${location || reply.body.slice(0, 160).replace(/\s+/g, " ")}`);
  }
  return location;
}

// ------------------------------------------------------------------------------------------------
// One citizen

async function timed<T>(step: Step, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings[step].push(performance.now() - started);
  return result;
}

async function loginCode(outbox: ReturnType<typeof createClient>, phone: string, after: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const rows = await outbox.execute({
      sql: "SELECT body, createdAt FROM SmsOutbox WHERE toMasked = ? AND template = 'login-code' ORDER BY createdAt DESC LIMIT 1",
      args: [maskPhone(phone)],
    });
    const row = rows.rows[0];
    if (row && new Date(String(row.createdAt)).getTime() >= after - 1000) {
      const code = /\d{6}/.exec(String(row.body))?.[0];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no sign-in code in the outbox for ${maskPhone(phone)}`);
}

async function citizenJourney(index: number, outbox: ReturnType<typeof createClient>): Promise<void> {
  const address = `127.0.0.${2 + (index % ADDRESSES)}`;
  const phone = `139${String(index).padStart(8, "0")}`;
  const browser = new Browser(address);
  const started = performance.now();
  try {
    await timed("sign-in", async () => {
      const asked = Date.now();
      const otp = await browser.request("POST", "/api/v1/auth/otp", { type: "application/json", data: JSON.stringify({ phone }) });
      if (otp.status !== 200) throw new Error(`otp: ${otp.status} ${otp.body.slice(0, 200)}`);
      const code = await loginCode(outbox, phone, asked);
      const csrf = await browser.request("GET", "/api/auth/csrf");
      const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
      const form = new URLSearchParams({ csrfToken, phone, code, callbackUrl: `${BASE}/${LNG}/apply`, json: "true" });
      const signIn = await browser.request("POST", "/api/auth/callback/citizen-otp", { type: "application/x-www-form-urlencoded", data: form.toString() });
      if (signIn.status !== 200 || /error=/.test(signIn.body)) throw new Error(`sign-in: ${signIn.status} ${signIn.body.slice(0, 200)}`);
    });

    const sections: [string, [string, string][]][] = [
      ["applicant", [["name", "压测申请人"], ["idNumber", idNumber("45022319850312002")], ["phone", phone], ["areaCode", "450223"], ["address", "鹿寨县某路 1 号"]]],
      ["patient", [["relationship", "child"], ["name", "压测孩子"], ["idNumber", idNumber("45022320150601003")]]],
      ["household", [["size", "3"], ["monthlyIncome", "2000"], ["certifications", "dibao"]]],
      ["illness", [["diagnosis", "急性白血病"], ["hospital", "柳州市人民医院"], ["totalCost", "80000"], ["reimbursed", "50000.5"], ["ongoingMonthly", ""]]],
      ["reason", [["reliefType", "expense"], ["urgency", "this-week"], ["description", "住院费用远超家庭承受能力"]]],
      ["bank", [["accountName", "压测申请人"], ["bankName", "农业银行"], ["account", "6228480000000000000"]]],
      ["declarations", [["truthful", "on"], ["consentSensitive", "on"], ["consentCheck", "on"]]],
    ];
    for (const [section, values] of sections) {
      await timed("draft-save", async () => {
        const page = await browser.request("GET", `/${LNG}/apply/${section}`);
        if (page.status !== 200) throw new Error(`GET ${section}: ${page.status}`);
        const body = await multipart([...hiddenFields(page.body, "section-form"), ...values]);
        expectRedirect(await browser.request("POST", `/${LNG}/apply/${section}`, body), `save ${section}`, new RegExp(`/${LNG}/apply`));
      });
    }

    for (const docType of ["applicant-id", "diagnosis"]) {
      await timed("upload", async () => {
        const body = await multipart([["docType", docType], ["file", new Blob([PNG], { type: "image/png" })]]);
        expectRedirect(await browser.request("POST", `/api/v1/applications/documents?lng=${LNG}`, body), `upload ${docType}`, new RegExp(`uploaded=${docType}`));
      });
    }

    await timed("draft-save", async () => {
      const page = await browser.request("GET", `/${LNG}/apply/documents`);
      if (page.status !== 200) throw new Error(`GET documents: ${page.status}`);
      const toFollow = ["household-register", "patient-id", "relationship-proof", "bills", "certification"].map((d): [string, string] => ["toFollow", d]);
      const body = await multipart([...hiddenFields(page.body, "to-follow-form"), ...toFollow]);
      expectRedirect(await browser.request("POST", `/${LNG}/apply/documents`, body), "documents to follow", new RegExp(`/${LNG}/apply`));
    });

    await timed("submit", async () => {
      const page = await browser.request("GET", `/${LNG}/apply/review`);
      if (page.status !== 200) throw new Error(`GET review: ${page.status}`);
      const body = await multipart(hiddenFields(page.body, "submit-form"));
      expectRedirect(await browser.request("POST", `/${LNG}/apply/review`, body), "submit", new RegExp(`/${LNG}/apply/submitted/`));
    });
    timings.citizen.push(performance.now() - started);
  } catch (error) {
    errors.push(`citizen ${index} (${address}): ${(error as Error).message}`);
  } finally {
    browser.close();
  }
}

// ------------------------------------------------------------------------------------------------
// The server

async function waitForServer(server: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get(`${BASE}/api/v1/health`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      }).on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start in time");
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main(): Promise<void> {
  const serverFile = path.join(ROOT, "dist", "server.cjs");
  if (!fs.existsSync(serverFile) || !fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Build first: npm run build");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "yizhan-bench-load-"));
  const dbFile = path.join(work, "bench.db");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    UPLOAD_DIR: path.join(work, "uploads"),
    YIZHAN_DEMO: "1",
    NEXTAUTH_URL: BASE,
    YIZHAN_SMS_HOURLY_BUDGET: SEND_BUDGET,
  };
  delete env.YIZHAN_DATA_KEY;
  let server: ChildProcess | null = null;
  const hardStop = setTimeout(() => {
    console.error(`[bench:load] stopped after ${TIMEOUT_MS / 1000} s`);
    server?.kill("SIGTERM");
    process.exit(1);
  }, TIMEOUT_MS);
  try {
    console.log(`[bench:load] fresh database in ${work}`);
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env, stdio: "ignore" });
    execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "ignore" });
    server = spawn(process.execPath, [serverFile, "-H", "127.0.0.1", "-p", String(PORT)], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let serverLog = "";
    server.stderr?.on("data", (c: Buffer) => {
      serverLog = (serverLog + c.toString()).slice(-4000);
    });
    await waitForServer(server, Date.now() + 60_000);

    const outbox = createClient({ url: `file:${dbFile}` });
    await outbox.execute("PRAGMA busy_timeout = 5000");
    console.log(
      `[bench:load] ${CITIZENS} citizens, ${CONCURRENCY} at a time, from ${ADDRESSES} loopback addresses (127.0.0.2–127.0.0.${1 + ADDRESSES}), ` +
        `${Math.ceil(CITIZENS / ADDRESSES)} sign-in codes per address at most, ${CITIZENS} sign-in SMS in all (one per citizen) against a send budget of ${SEND_BUDGET} an hour (YIZHAN_SMS_HOURLY_BUDGET); ` +
        `X-Forwarded-For ${FORWARDED_FOR ? "= each client's own address" : "not sent"}`,
    );
    const countSubmitted = async () => Number((await outbox.execute("SELECT COUNT(*) AS n FROM Application WHERE reference IS NOT NULL")).rows[0].n);
    const seeded = await countSubmitted();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, CITIZENS) }, async () => {
        while (next < CITIZENS) await citizenJourney(next++, outbox);
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const submitted = (await countSubmitted()) - seeded;
    const counts = await outbox.execute(
      "SELECT (SELECT COUNT(*) FROM ApplicationDocument) AS documents, (SELECT COUNT(*) FROM Application WHERE applicantName IS NOT NULL) AS clearNames",
    );
    outbox.close();
    const { documents, clearNames } = counts.rows[0] as unknown as { documents: number; clearNames: number };
    const failedJourneys = errors.length;
    const files = fs.readdirSync(path.join(work, "uploads"));
    if (submitted !== CITIZENS - failedJourneys) errors.push(`submitted applications in the database: ${submitted}`);
    if (files.length !== Number(documents)) errors.push(`${files.length} upload files for ${documents} document rows`);

    console.log("");
    console.log("| step | n | p50 ms | p99 ms | max ms |");
    console.log("|---|---|---|---|---|");
    for (const step of Object.keys(timings) as Step[]) {
      const sorted = [...timings[step]].sort((a, b) => a - b);
      const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "-");
      console.log(`| ${step === "citizen" ? "whole journey" : step} | ${sorted.length} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 99))} | ${f(sorted[sorted.length - 1])} |`);
    }
    console.log("");
    console.log(
      `[bench:load] ${CITIZENS - failedJourneys}/${CITIZENS} citizens submitted in ${seconds.toFixed(1)} s (${(CITIZENS / seconds).toFixed(1)} journeys/s); ` +
        `${submitted} new applications, ${documents} documents, ${files.length} files (encrypted), ${clearNames} clear-text names; errors: ${errors.length}`,
    );
    for (const e of errors.slice(0, 10)) console.error(`  ${e}`);
    if (errors.length) {
      console.error(serverLog.split("\n").slice(-20).join("\n"));
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(hardStop);
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("[bench:load] failed:", error);
  process.exitCode = 1;
});
