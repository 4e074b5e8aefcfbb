import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { procedureTimings } from "@/lib/applications/procedure";
import { getPack, PACK_IDS } from "@/lib/policy";
import { packSchema } from "@/lib/policy/pack-schema";
import national from "@/lib/policy/packs/national-2021.json";

/**
 * The default 补正 period and the default period for documents owed after 急难型 先行救助 are pack
 * parameters (issue 11), with a source clause and an ASSUMED mark where no document sets them.
 */
describe("default due periods come from the policy packs", () => {
  it("national-2021 holds both, in working days, with dates and sources", () => {
    const v = getPack("national-2021")!;
    expect(v.procedure.correctionDue).toEqual({ value: "10", unit: "working-days", reliability: "ASSUMED", parameter: "proc-correction-due-days" });
    expect(v.procedure.emergencyDocumentsDue).toEqual({ value: "20", unit: "working-days", reliability: "ASSUMED", parameter: "proc-emergency-documents-days" });
    const correction = v.parameters.find((p) => p.id === "proc-correction-due-days")!;
    expect(correction.source["zh-Hans"].clause).toBe("各地未规定补正期限，按10个工作日设默认值，经办人员可修改");
    expect(correction.source["zh-Hant"].clause).toBe("各地未規定補正期限，按10個工作日設默認值，經辦人員可修改");
    const documents = v.parameters.find((p) => p.id === "proc-emergency-documents-days")!;
    expect(documents.source["zh-Hans"].clause).toContain("宁国市");
    expect(documents.source["zh-Hans"].url).toContain("ningguo.gov.cn");
    expect(national.parameters["proc-correction-due-days"].values[0].from).toBe("2021-01-01");
  });

  it.each(PACK_IDS)("%s: staff are offered the pack's (or the national) default, marked as assumed", (id) => {
    const t = procedureTimings(id);
    const own = getPack(id)!.procedure;
    expect(t.correctionDue).toMatchObject({ days: 10, unit: "working", parameter: "proc-correction-due-days", assumed: true, reliability: "ASSUMED" });
    expect(t.emergencyDocumentsDue).toMatchObject({ days: 20, unit: "working", parameter: "proc-emergency-documents-days", assumed: true });
    expect(t.correctionDue.pack).toBe(own.correctionDue ? id : "national-2021");
    expect(t.correctionDue.versionFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.correctionDue.source["zh-Hans"]).toContain("补正");
    expect(t.correctionDue.packTitle["zh-Hant"]).not.toBe("");
    expect(t.emergencyDocumentsDue.label["zh-Hans"]).toBe("先行救助后补齐材料默认期限");
  });

  it("an unknown or missing pack falls back to the national defaults", () => {
    expect(procedureTimings(null).correctionDue.pack).toBe("national-2021");
    expect(procedureTimings("no-such-pack").emergencyDocumentsDue.days).toBe(20);
  });

  it("the pack schema accepts the new procedure entries and refuses a number or an unknown key", () => {
    expect(packSchema.safeParse(national).success).toBe(true);
    expect(packSchema.safeParse({ ...national, procedure: { ...national.procedure, correctionDue: 10 } }).success).toBe(false);
    expect(packSchema.safeParse({ ...national, procedure: { ...national.procedure, correctionDays: "proc-correction-due-days" } }).success).toBe(false);
  });

  it("受理, 审核, 公示, 审批 and 拨付 come from the packs: the national pack holds each, with its date and clause", () => {
    const v = getPack("national-2021")!;
    for (const key of ["acceptance", "review", "publicity", "approval", "payment"] as const) {
      const view = v.procedure[key]!;
      expect(view, key).not.toBeNull();
      const param = v.parameters.find((p) => p.id === view.parameter)!;
      expect(param.source["zh-Hans"].clause, key).not.toBe("");
      expect((national.parameters as Record<string, { values?: { from: string }[] }>)[view.parameter].values![0].from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(v.procedure.acceptance).toEqual({ value: "1", unit: "working-days", reliability: "B", parameter: "proc-acceptance-days" });
    expect(v.parameters.find((p) => p.id === "proc-acceptance-days")!.source["zh-Hans"].clause).toContain("受理 1 个工作日");
    expect(v.procedure.payment?.reliability).toBe("ASSUMED");
    const t = procedureTimings(null);
    expect(t.acceptance).toEqual({ days: 1, unit: "working" });
    expect(t.review).toEqual({ days: 9, unit: "working" });
    expect(t.payment).toEqual({ days: 5, unit: "working" });
  });

  it("a place's own period wins; a step it does not set is the national one", () => {
    const luzhai = procedureTimings("luzhai-2018");
    expect(luzhai.publicity.days).toBe(Number(getPack("luzhai-2018")!.procedure.publicity!.value));
    expect(luzhai.acceptance).toEqual(procedureTimings(null).acceptance);
  });

  it("lib/applications/procedure.ts holds no period length of its own", () => {
    const source = readFileSync(path.resolve(__dirname, "../../../lib/applications/procedure.ts"), "utf8");
    expect(source).not.toMatch(/days:\s*\d/);
    expect(source).not.toMatch(/\bconst\s+[A-Z_]*DAYS\b/);
  });
});
