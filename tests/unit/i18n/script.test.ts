import fs from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { describe, expect, test } from "vitest";
import fixupFile from "@/scripts/hant-fixups.json";
import { generated, toHant } from "@/scripts/hant.mjs";
import { renderedTexts } from "@/tests/unit/i18n/rendered-texts";

/**
 * One regional standard for zh-Hant: Taiwan forms, OpenCC cn→tw plus the word fixes in scripts/hant-fixups.json
 * (docs/i18n.md). Checked over every locale file, the eligibility rules' quotes and every rendered explanation.
 */

const root = path.resolve(__dirname, "../../..");
const cnToTw = OpenCC.Converter({ from: "cn", to: "tw" });
const twToCn = OpenCC.Converter({ from: "tw", to: "cn" });
/** Any Traditional text (Hong Kong or Taiwan forms) back to Simplified. */
const hkToCn = OpenCC.Converter({ from: "hk", to: "cn" });

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
function flatten(value: Json, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}
const files = fs.readdirSync(path.join(root, "locales/zh-Hant")).filter((f) => f.endsWith(".json"));
const load = (lng: string, f: string) => flatten(JSON.parse(fs.readFileSync(path.join(root, "locales", lng, f), "utf8")));
const hantTexts = files.flatMap((f) => [...load("zh-Hant", f)].map(([key, text]) => ({ where: `${f} ${key}`, text })));
const rendered = renderedTexts("zh-Hant");
/** One entry per distinct text (the rendered results repeat most sentences). */
const distinct = (list: { where: string; text: string }[]) => [...new Map(list.map((x) => [x.text, x])).values()];
const allHant = distinct([...hantTexts, ...rendered]);

/** Hong Kong (and old-style) forms where the Taiwan standard writes another character. */
const HK_FORMS = ["裏", "説", "羣", "啓", "脱", "税", "衞", "綫", "峯", "牀", "鷄", "着", "爲", "僞", "媪"];
/** Segmentation slips: a right character in the wrong word. 蔘 is ginseng (人蔘), never 參加; 併 merges, 並 joins. */
const SLIPS: { char: string; allowedIn: string[] }[] = [
  { char: "蔘", allowedIn: [] },
  { char: "併", allowedIn: ["一併", "合併", "併入", "兼併", "吞併"] },
  { char: "后", allowedIn: ["皇后", "太后"] },
  { char: "製", allowedIn: ["複製", "製作", "印製", "編製", "繪製", "製造", "製表"] },
];
function slips(text: string): string[] {
  return SLIPS.flatMap(({ char, allowedIn }) => {
    let rest = text;
    for (const w of allowedIn) rest = rest.split(w).join("");
    return rest.includes(char) ? [char] : [];
  });
}

describe("zh-Hant is Taiwan standard, generated from zh-Hans", () => {
  test("the generated files are up to date (node scripts/hant.mjs rewrites them)", () => {
    for (const [file, content] of generated()) expect(fs.readFileSync(file, "utf8"), path.relative(root, file)).toBe(content);
  });

  test("every zh-Hant string is its own Taiwan-standard conversion, round trip through Simplified (nothing in another standard)", () => {
    const off = allHant.filter(({ text }) => toHant(text) !== text || toHant(hkToCn(text)) !== text).map(({ where, text }) => `${where}: ${text}`);
    expect([...new Set(off)]).toEqual([]);
  }, 60_000);

  test("no Hong Kong forms (裏 説 羣 …) in any locale file or rendered text", () => {
    const off = allHant.filter(({ text }) => HK_FORMS.some((c) => text.includes(c))).map(({ where, text }) => `${where}: ${text}`);
    expect([...new Set(off)]).toEqual([]);
  });

  test("no segmentation slips (人蔘 for 人参, 併 for 並, 后 for 後, 製度 for 制度)", () => {
    const off = allHant.filter(({ text }) => slips(text).length).map(({ where, text }) => `${where}: ${slips(text).join("")} in ${text}`);
    expect([...new Set(off)]).toEqual([]);
  });

  test("zh-Hans texts contain no Traditional characters", () => {
    const hans = distinct([...files.flatMap((f) => [...load("zh-Hans", f)].map(([key, text]) => ({ where: `${f} ${key}`, text }))), ...renderedTexts("zh-Hans")]);
    // The script switch names the other script in that script (繁體).
    const off = hans
      .filter(({ where }) => where !== "common.json prefs.switchToHant")
      .filter(({ text }) => twToCn(text) !== text || /[蔘併]/.test(text))
      .map(({ where, text }) => `${where}: ${text}`);
    expect([...new Set(off)]).toEqual([]);
  }, 60_000);

  test("the checks can fail: each catches the slip it is for", () => {
    for (const c of HK_FORMS) expect(toHant(hkToCn(c)), `${c} is not a Taiwan form`).not.toBe(c);
    for (const text of ["家裏有人", "請説明", "弱勢羣體"]) expect(toHant(hkToCn(text))).not.toBe(text);
    expect(slips("病人蔘加了哪種醫保")).toEqual(["蔘"]);
    expect(slips("先行救助（批准併發放）")).toEqual(["併"]);
    expect(slips("一併辦理；三重製度")).toEqual(["製"]);
    expect(slips("出院後一併辦理")).toEqual([]);
  });

  test("each word fix is still needed (remove it once OpenCC gets the word right)", () => {
    const hansTexts = files.flatMap((f) => [...load("zh-Hans", f).values()]);
    for (const [wrong] of fixupFile.fixups as [string, string][]) expect(hansTexts.some((t) => cnToTw(t).includes(wrong)), wrong).toBe(true);
  });
});
