// zh-Hant is generated, never hand-typed: Taiwan standard forms (OpenCC cn→tw, not twp, which would also
// rewrite vocabulary), plus the word-level fixes in scripts/hant-fixups.json. See docs/i18n.md.
//
//   node scripts/hant.mjs          rewrite locales/zh-Hant/*.json from locales/zh-Hans/*.json and
//                                  lib/eligibility/source-texts.json from the eligibility rule files
//   node scripts/hant.mjs --check  exit 1 when any generated file is out of date (what the unit test checks)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { fixups } = JSON.parse(fs.readFileSync(path.join(root, "scripts/hant-fixups.json"), "utf8"));
const cnToTw = OpenCC.Converter({ from: "cn", to: "tw" });
const twToCn = OpenCC.Converter({ from: "tw", to: "cn" });

export function toHant(text) {
  return fixups.reduce((s, [wrong, right]) => s.split(wrong).join(right), cnToTw(text));
}
export function toHans(text) {
  return twToCn(text);
}

function mapStrings(node, fn) {
  if (typeof node === "string") return fn(node);
  if (Array.isArray(node)) return node.map((v) => mapStrings(v, fn));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, fn)]));
  return node;
}

const json = (value) => JSON.stringify(value, null, 2) + "\n";

/** Every generated file: path → expected content. */
export function generated() {
  const out = new Map();
  const hansDir = path.join(root, "locales/zh-Hans");
  for (const f of fs.readdirSync(hansDir).filter((n) => n.endsWith(".json")).sort()) {
    const hans = JSON.parse(fs.readFileSync(path.join(hansDir, f), "utf8"));
    out.set(path.join(root, "locales/zh-Hant", f), json(mapStrings(hans, toHant)));
  }
  // The eligibility rules quote the seeds verbatim, in the seed's own script; pages show them in the reader's.
  const rulesDir = path.join(root, "lib/policy/eligibility");
  const texts = new Set();
  for (const f of fs.readdirSync(rulesDir).filter((n) => n.endsWith(".json")).sort()) {
    const rules = JSON.parse(fs.readFileSync(path.join(rulesDir, f), "utf8"));
    for (const list of Object.values(rules.sources)) for (const s of list) for (const t of [s.clause, s.quote]) if (t) texts.add(t);
  }
  const sorted = [...texts].sort();
  const table = { "zh-Hans": {}, "zh-Hant": {} };
  for (const t of sorted) {
    if (toHans(t) !== t) table["zh-Hans"][t] = toHans(t);
    if (toHant(t) !== t) table["zh-Hant"][t] = toHant(t);
  }
  out.set(path.join(root, "lib/eligibility/source-texts.json"), json(table));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [file, content] of generated()) {
    const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (now === content) continue;
    stale++;
    if (check) console.error(`out of date: ${path.relative(root, file)}`);
    else fs.writeFileSync(file, content);
  }
  if (check && stale) process.exit(1);
}
