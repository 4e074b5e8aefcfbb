import { describe, expect, test } from "vitest";
import fs from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";

const localesDir = path.resolve(__dirname, "../../../locales");
const namespaceFiles = fs.readdirSync(path.join(localesDir, "zh-Hans")).filter((f) => f.endsWith(".json"));

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function flatten(value: Json, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k).forEach((s, key) => out.set(key, s));
  return out;
}

function load(lng: string, file: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(localesDir, lng, file), "utf8")));
}

// A character is Simplified-only when the mainland→Taiwan and mainland→Hong Kong converters both rewrite it, in its
// phrase and on its own: 批准 passes (准 is kept in that phrase), 准备 does not, and the converters' own
// mis-segmentation (三重制度 → 三重製度) is not blamed on correct Traditional text.
const toTw = OpenCC.Converter({ from: "cn", to: "tw" });
const toHk = OpenCC.Converter({ from: "cn", to: "hk" });
function rewrittenByBoth(ch: string): boolean {
  return toTw(ch) !== ch && toHk(ch) !== ch;
}
function simplifiedOnly(text: string): string[] {
  const chars = [...text];
  const tw = [...toTw(text)];
  const hk = [...toHk(text)];
  const inPhrase = (ch: string, i: number) =>
    tw.length === chars.length && hk.length === chars.length ? tw[i] !== ch && hk[i] !== ch : true;
  return [...new Set(chars.filter((ch, i) => inPhrase(ch, i) && rewrittenByBoth(ch)))];
}

describe("locale files", () => {
  test("both scripts have the same namespace files", () => {
    const hant = fs.readdirSync(path.join(localesDir, "zh-Hant")).filter((f) => f.endsWith(".json"));
    expect(hant.sort()).toEqual([...namespaceFiles].sort());
    expect(namespaceFiles.length).toBeGreaterThan(0);
  });

  test.each(namespaceFiles)("%s: every key exists in both scripts", (file) => {
    const hans = [...load("zh-Hans", file).keys()].sort();
    const hant = [...load("zh-Hant", file).keys()].sort();
    expect(hant.filter((k) => !hans.includes(k)), "keys only in zh-Hant").toEqual([]);
    expect(hans.filter((k) => !hant.includes(k)), "keys only in zh-Hans").toEqual([]);
  });

  test.each(namespaceFiles)("%s: zh-Hant text has no Simplified-only characters", (file) => {
    const offenders = [...load("zh-Hant", file)].flatMap(([key, text]) => {
      const chars = simplifiedOnly(text);
      return chars.length ? [`${key}: ${chars.join("")}`] : [];
    });
    expect(offenders).toEqual([]);
  });

  test.each(namespaceFiles)("%s: placeholders match between scripts", (file) => {
    const hant = load("zh-Hant", file);
    const mismatches = [...load("zh-Hans", file)].flatMap(([key, text]) => {
      const names = (s: string) => (s.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, "")).sort();
      const other = hant.get(key);
      return other !== undefined && names(text).join() !== names(other).join() ? [key] : [];
    });
    expect(mismatches).toEqual([]);
  });

  test("the checker itself catches Simplified text", () => {
    expect(simplifiedOnly("医疗救助")).toEqual(["医", "疗"]);
    expect(simplifiedOnly("醫療救助")).toEqual([]);
    expect(simplifiedOnly("已批准")).toEqual([]);
    expect(simplifiedOnly("准备材料")).toEqual(["准", "备"]);
    expect(simplifiedOnly("經三重制度保障")).toEqual([]);
  });
});
