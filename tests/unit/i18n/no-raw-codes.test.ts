import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { renderedTexts } from "@/tests/unit/i18n/rendered-texts";

/**
 * No raw codes in what people read (issue 14): an assumption says "自费金额", never "自费金额（selfFunded）".
 * The request keys stay only where they help a program's author: the calculation API's error messages
 * (policy.json field.* and error.*), which are never shown beside a form field's own label.
 */
const root = path.resolve(__dirname, "../../..");
const RAW_CODE = /[（(][A-Za-z][A-Za-z0-9.\-]*[）)]/;
const API_ONLY = [/^policy\.json (field|error)\./];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
function flatten(value: Json, prefix: string, out: { where: string; text: string }[]) {
  if (typeof value === "string") out.push({ where: prefix, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix.endsWith(" ") ? prefix + k : `${prefix}.${k}`, out);
  return out;
}

describe.each(["zh-Hans", "zh-Hant"] as const)("%s: no request keys in texts people read", (lng) => {
  test("catches a field name in brackets", () => {
    expect(RAW_CODE.test("第 1 次就医没有说明自费金额（selfFunded），按“0.00”计算。")).toBe(true);
    expect(RAW_CODE.test("第 1 次就医没有说明自费金额，按“0.00”计算。")).toBe(false);
  });

  test("locale files (outside the API's own error texts)", () => {
    const dir = path.join(root, "locales", lng);
    const texts = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .flatMap((f) => flatten(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")), `${f} `, []));
    const off = texts.filter(({ where, text }) => RAW_CODE.test(text) && !API_ONLY.some((r) => r.test(where))).map(({ where, text }) => `${where}: ${text}`);
    expect(off).toEqual([]);
  });

  test("rendered explanations, assumptions and referrals of every pack", () => {
    const off = renderedTexts(lng).filter(({ text }) => RAW_CODE.test(text)).map(({ where, text }) => `${where}: ${text}`);
    expect(off).toEqual([]);
  }, 60_000);
});
