#!/usr/bin/env node
// First-load JavaScript per page route, gzipped, from the production build's manifests (run `npm run build` first).
// First load = the root main files every page loads + the client chunks of the route's layout and page entries
// (read from each page's client-reference manifest). Polyfills are left out: they load only in browsers without
// ES modules (nomodule). Budget for citizen pages: 120 KB.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(".next");
const budget = 120 * 1024;
if (!existsSync(path.join(root, "build-manifest.json"))) {
  console.error("No production build in .next: run `npm run build` first.");
  process.exit(1);
}
const buildManifest = JSON.parse(readFileSync(path.join(root, "build-manifest.json"), "utf8"));
const gzCache = new Map();
function gz(file) {
  if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length);
  return gzCache.get(file);
}

function* manifests(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* manifests(p);
    else if (name === "page_client-reference-manifest.js") yield p;
  }
}

// Staff, school and demo pages are not citizen pages; they are listed but not held to the budget.
const notCitizen = /\/(staff|school|dev)(\/|$)/;
const rows = [];
for (const file of manifests(path.join(root, "server", "app"))) {
  const sandbox = { globalThis: {} };
  new Function("globalThis", readFileSync(file, "utf8"))(sandbox.globalThis);
  for (const [route, m] of Object.entries(sandbox.globalThis.__RSC_MANIFEST)) {
    const pageKey = Object.keys(m.entryJSFiles).find((k) => k.endsWith(route.replace(/\/page$/, "") + "/page"));
    if (!pageKey) continue;
    const files = new Set(buildManifest.rootMainFiles);
    for (const [entry, chunks] of Object.entries(m.entryJSFiles)) {
      const isAncestorLayout = entry.endsWith("/layout") && pageKey.startsWith(entry.replace(/\/layout$/, "/"));
      if (entry === pageKey || isAncestorLayout) chunks.forEach((c) => files.add(c));
    }
    const bytes = [...files].reduce((sum, f) => sum + gz(f), 0);
    const url = route.replace(/\/page$/, "") || "/";
    rows.push({ url, bytes, citizen: !notCitizen.test(url) && !url.startsWith("/_") });
  }
}
rows.sort((a, b) => a.url.localeCompare(b.url));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const shared = buildManifest.rootMainFiles.reduce((sum, f) => sum + gz(f), 0);
console.log(`First-load JS, gzipped (budget for citizen pages ${kb(budget)}); shared framework runtime every page loads: ${kb(shared)}`);
let over = 0;
for (const r of rows) {
  const verdict = r.citizen ? (r.bytes <= budget ? "ok" : "OVER BUDGET") : "(not a citizen page)";
  if (r.citizen && r.bytes > budget) over++;
  console.log(`${r.url.padEnd(40)} ${kb(r.bytes).padStart(10)}  (route's own +${kb(r.bytes - shared)})  ${verdict}`);
}
process.exitCode = over ? 1 : 0;
