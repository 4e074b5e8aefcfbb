import { describe, expect, test } from "vitest";
import { glossaryIds, glossaryTerm, termsIn } from "@/lib/glossary";
import { renderedTexts } from "@/tests/unit/i18n/rendered-texts";

/** The plain-language glossary: every jargon term a result shows, one sentence each, in both scripts. */

const REQUIRED = ["政策范围内个人负担", "起付线", "分段报销", "倾斜", "乙类先行自付", "兜底", "一站式结算", "大病保险", "医疗救助", "临时救助", "低保边缘", "封顶线", "自费", "资助参保", "先诊疗后付费", "认定"];

describe("glossary", () => {
  test("has every jargon term results show (issue 12), in both scripts", () => {
    const terms = glossaryIds().map((id) => glossaryTerm("zh-Hans", id).term);
    for (const term of REQUIRED) expect(terms, term).toContain(term);
    expect(glossaryTerm("zh-Hant", "deductible").term).toBe("起付線");
    expect(glossaryTerm("zh-Hant", "one-stop").text).toContain("醫保");
  });

  test.each(["zh-Hans", "zh-Hant"] as const)("%s: each explanation is one plain sentence", (locale) => {
    for (const id of glossaryIds()) {
      const { text } = glossaryTerm(locale, id);
      expect(text.match(/[。！？]/g), `${id}: ${text}`).toHaveLength(1);
      expect(text.endsWith("。"), id).toBe(true);
      expect(text.length, id).toBeLessThanOrEqual(60);
    }
  });

  test("finds terms in the order they appear; a shorter term inside a longer one is not found again", () => {
    expect(termsIn("zh-Hans", ["倾斜救助按比例支付", "起付线以上分段报销"]).map((t) => t.id)).toEqual(["tilted-assistance", "deductible", "bands"]);
    expect(termsIn("zh-Hans", ["政策范围内个人负担 1,000 元"]).map((t) => t.id)).toEqual(["policy-scope-personal"]);
    expect(termsIn("zh-Hant", ["出院時在醫院“一站式”結算"]).map((t) => t.id)).toEqual(["one-stop"]);
    expect(termsIn("zh-Hans", ["没有术语的句子"])).toEqual([]);
    expect(termsIn("zh-Hans", ["大病保险起付线"], ["critical"]).map((t) => t.id)).toEqual(["deductible"]);
  });

  test.each(["zh-Hans", "zh-Hant"] as const)("%s: every required term a rendered result uses is explained where it is used", (locale) => {
    const required = REQUIRED.map((term) => glossaryIds().find((id) => glossaryTerm("zh-Hans", id).term === term)!);
    const spelled = required.map((id) => ({ id, term: glossaryTerm(locale, id).term }));
    let seen = 0;
    for (const { where, text } of renderedTexts(locale)) {
      const found = termsIn(locale, [text]).map((t) => t.id);
      for (const { id, term } of spelled) {
        if (!text.includes(term)) continue;
        seen++;
        // Found itself, or inside a longer glossary term that explains it (政策范围内个人负担 holds 个人负担).
        expect(found.length, `${where}: ${term} in ${text}`).toBeGreaterThan(0);
        if (!found.includes(id)) expect(found.some((f) => glossaryTerm(locale, f).term.includes(term)), `${where}: ${term}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(100);
  }, 60_000);
});
