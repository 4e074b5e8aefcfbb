import { describe, expect, test } from "vitest";
import { groupAssumptions } from "@/lib/estimate/assumptions";
import { estimate, getPack, PACK_IDS } from "@/lib/policy";

const layers = [
  { id: "basic", paid: "100.00" },
  { id: "critical", paid: "0.00" },
  { id: "assistance", paid: "50.00" },
];

describe("assumptions on the estimate result", () => {
  test("v2 {id, text, affects}: what moves a paying layer first, how the bills were read before policy notes, values last", () => {
    const g = groupAssumptions(
      [
        { id: "note:floor", text: "文件规定比例不低于 70%。", affects: ["assistance"] },
        { id: "param:critical-cap", text: "大病保险封顶线：按假设值 30 万元计算。", affects: ["critical"] },
        { id: "firstThisYear", text: "假设这是本年度第一次就医。", affects: ["basic", "critical", "assistance"] },
        { id: "target", text: "本政策针对中小学生。", affects: [] },
        { id: "basic-rate:county", text: "报销比例：按假设值 70% 计算。", affects: ["basic"] },
      ],
      layers,
    );
    expect(g.first).toEqual(["假设这是本年度第一次就医。", "文件规定比例不低于 70%。"]);
    expect(g.groups.map((x) => x.id)).toEqual(["policy", "values"]);
    expect(g.groups[1].items).toEqual(["大病保险封顶线：按假设值 30 万元计算。", "报销比例：按假设值 70% 计算。"]);
  });

  test("v1 strings: grouped by what they say; at most three first", () => {
    const g = groupAssumptions(
      ["假设这是本年度第一次就医：…。", "政策范围内费用按“总费用 − 自费”计算。", "第 1 次就医没有说明自费金额，按“0.00”计算。", "这是历史政策。", "起付线：按假设值 400.00 元计算。"],
      layers,
    );
    expect(g.first).toHaveLength(3);
    expect(g.groups.map((x) => x.id)).toEqual(["policy", "values"]);
  });

  test("no sentence twice: a repeated sentence is dropped, the rest of its assumption kept", () => {
    const g = groupAssumptions(["这是历史政策。请以当地为准。", "这是历史政策。", "另一条。这是历史政策。"], layers);
    const all = [...g.first, ...g.groups.flatMap((x) => x.items)];
    expect(all).toEqual(["这是历史政策。请以当地为准。", "另一条。"]);
  });

  test.each(PACK_IDS)("%s: the shown assumptions never repeat a sentence, and lose none", (policy) => {
    for (const categories of [[], ["dibao"], ["medical-poverty"]]) {
      const r = estimate({
        policy,
        serviceDate: getPack(policy)!.version.from,
        person: { insurance: "resident", categories },
        episodes: [{ kind: "inpatient", facility: "county", total: "50000.00" }, { kind: "outpatient", facility: "city", total: "900.00" }],
      });
      expect(r.status).toBe(200);
      const body = r.body as { assumptions: (string | { text: string })[]; layers: { id: string; paid: string }[] };
      const g = groupAssumptions(body.assumptions, body.layers);
      const shown = [...g.first, ...g.groups.flatMap((x) => x.items)].join("");
      const sentences = shown.match(/[^。！？]+[。！？]?/g) ?? [];
      expect(new Set(sentences).size, policy).toBe(sentences.length);
      for (const a of body.assumptions) for (const s of (typeof a === "string" ? a : a.text).match(/[^。！？]+[。！？]?/g) ?? []) expect(shown).toContain(s.trim());
      expect(g.first.length).toBeGreaterThanOrEqual(1);
      expect(g.first.length).toBeLessThanOrEqual(3);
    }
  }, 30_000);
});
