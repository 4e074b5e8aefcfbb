import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { evaluateEligibility } from "@/lib/eligibility";
import { getT } from "@/lib/i18n/server";
import { estimate, listPolicies, PACK_IDS } from "@/lib/policy";
import { renderedTexts } from "@/tests/unit/i18n/rendered-texts";

/**
 * No doubled quotation marks in any message: templates that put quotes around a title that has its own (浙江's
 * “社会助医、防贫共富”工程) wrote ““…”. Checked over every locale string, every rendered eligibility and
 * estimate text, the page templates filled with every pack title, and every quoted clause as the pages quote it.
 */

const DOUBLED = /““|””|“”|""|‘‘|’’|「「|」」|《《|》》/;
const root = path.resolve(__dirname, "../../..");

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (node && typeof node === "object") Object.values(node).forEach((v) => strings(v, out));
  return out;
}

describe.each(["zh-Hans", "zh-Hant"] as const)("%s: no doubled quotation marks", (locale) => {
  test("in any locale string", () => {
    const dir = path.join(root, "locales", locale);
    const off = fs.readdirSync(dir).flatMap((f) => strings(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))).filter((s) => DOUBLED.test(s)));
    expect(off).toEqual([]);
  });

  test("in any rendered eligibility or estimate text", () => {
    const off = [...new Set(renderedTexts(locale).filter(({ text }) => DOUBLED.test(text)).map(({ where, text }) => `${where}: ${text}`))];
    expect(off).toEqual([]);
  }, 60_000);

  test("in page lines that name a pack, and in quoted clauses", () => {
    const te = getT(locale, "estimate");
    const tq = getT(locale, "eligibility");
    const lines: string[] = [];
    for (const p of listPolicies()) {
      lines.push(te("result.policyLine", { title: p.title[locale], version: p.versions[0].id }));
      lines.push(tq("results.summary", { pack: p.title[locale], eligible: "1", maybe: "2", no: "3" }));
      const wrong = estimate({ policy: p.id, serviceDate: "1999-01-01", locale, person: { insurance: "resident" }, episodes: [{ kind: "inpatient", facility: "county", total: "1.00" }] });
      lines.push(...strings(wrong.body));
    }
    for (const policy of PACK_IDS)
      for (const pr of evaluateEligibility({ policy, who: "adult", insurance: "resident", enrolled: true, certifications: [], highCosts: true, union: true, urgent: true }, locale).programmes)
        for (const s of pr.sources) if (s.quote) lines.push(`“${s.quote}”`);
    expect(lines.filter((l) => DOUBLED.test(l))).toEqual([]);
    expect(lines.length).toBeGreaterThan(20);
  }, 60_000);

  test("the check can fail", () => {
    expect(DOUBLED.test("按““社会助医、防贫共富”工程”估算")).toBe(true);
    expect(DOUBLED.test("按“社会助医、防贫共富”工程估算")).toBe(false);
  });
});
