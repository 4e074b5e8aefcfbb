import { describe, expect, test } from "vitest";
import { checkEligibility, evaluateEligibility, PROGRAMME_IDS, rulePacks, rulesFor, type Answers, type ProgrammeId } from "@/lib/eligibility";
import { PACK_IDS } from "@/lib/policy";

const base: Answers = {
  policy: "national-2021",
  who: "adult",
  insurance: "resident",
  enrolled: true,
  certifications: [],
  highCosts: false,
  union: false,
  urgent: false,
};

function statusOf(a: Partial<Answers>, id: ProgrammeId, locale: "zh-Hans" | "zh-Hant" = "zh-Hans") {
  const p = evaluateEligibility({ ...base, ...a }, locale).programmes.find((x) => x.id === id)!;
  return p;
}

describe("rule data", () => {
  test("every policy pack has eligibility rules, and only those", () => {
    expect([...rulePacks()].sort()).toEqual([...PACK_IDS].sort());
  });

  test.each(PACK_IDS)("%s: every programme, every answer has reasons, an office and texts in both scripts", (policy) => {
    for (const locale of ["zh-Hans", "zh-Hant"] as const) {
      const r = evaluateEligibility({ ...base, policy, certifications: ["dibao"], highCosts: true, union: true, urgent: true }, locale);
      expect(r.programmes.map((p) => p.id)).toEqual([...PROGRAMME_IDS]);
      for (const p of r.programmes) {
        expect(p.reasons.length, p.id).toBeGreaterThan(0);
        expect(p.office).not.toBe("");
      }
    }
  });
});

describe("沈阳 2023 (seed 000)", () => {
  const sy = { policy: "shenyang-2023", who: "pupil" as const };

  test("低保 pupil: 医疗救助 eligible — 六、1 “个人负担的合规医疗费用纳入医疗救助范围”", () => {
    const p = statusOf({ ...sy, certifications: ["dibao"] }, "medical-assistance");
    expect(p.status).toBe("eligible");
    expect(p.sources[0].clause).toContain("六、重点任务 1");
  });

  test("低保 pupil: no one-time 因病致贫 aid — only for those 不符合特困人员、低保等救助对象条件 (六、1)", () => {
    expect(statusOf({ ...sy, certifications: ["dibao"], highCosts: true }, "one-time-medical-poverty").status).toBe("not-eligible");
  });

  test("pupil without certificate but crushing costs: one-time aid is 'maybe', needs 认定 (六、1)", () => {
    const p = statusOf({ ...sy, highCosts: true }, "one-time-medical-poverty");
    expect(p.status).toBe("maybe");
    expect(p.needsRecognition).toBe(true);
    expect(p.sources[0].quote).toContain("一次性因病致贫重病患者医疗救助");
  });

  test("adult: the one-time aid is for 中小学生和幼儿 only (三、救助对象)", () => {
    expect(statusOf({ ...sy, who: "adult", highCosts: true }, "one-time-medical-poverty").status).toBe("not-eligible");
  });

  test("工会 member parent of an ill child with hardship: 'maybe' — 六、6 困难职工帮扶", () => {
    const p = statusOf({ ...sy, union: true, highCosts: true }, "union-aid");
    expect(p.status).toBe("maybe");
    expect(p.sources[0].quote).toContain("困难职工");
  });

  test("教育资助 for a 低保 pupil (六、5), not for an adult", () => {
    expect(statusOf({ ...sy, certifications: ["dibao"] }, "education-aid").status).toBe("eligible");
    expect(statusOf({ ...sy, who: "adult", certifications: ["dibao"] }, "education-aid").status).toBe("not-eligible");
  });

  test("urgent care: 疾病应急救助 'maybe' (六、6) and 急难型临时救助 'maybe' (六、4)", () => {
    expect(statusOf({ ...sy, urgent: true }, "emergency-fund").status).toBe("maybe");
    expect(statusOf({ ...sy, urgent: true }, "temporary-relief").status).toBe("maybe");
    expect(statusOf({ ...sy }, "emergency-fund").status).toBe("not-eligible");
  });

  test("资助参保 for a 低保 pupil is eligible (六、2 分类资助)", () => {
    expect(statusOf({ ...sy, certifications: ["dibao"] }, "resident-insurance-subsidy").status).toBe("eligible");
  });
});

describe("鹿寨 2018 (seed 004)", () => {
  const lz = { policy: "luzhai-2018" };
  test("建档立卡: 兜底 eligible — 重病兜底保障一批 五(一) 住院总费用×90%−已救助报销总额, flagged historic", () => {
    const p = statusOf({ ...lz, certifications: ["poverty-registered"] }, "backstop");
    expect(p.status).toBe("eligible");
    expect(p.sources.map((s) => s.clause)).toContain("重病兜底保障一批 五(一)");
    expect(p.reasons.join("")).toContain("2020");
  });
  test("建档立卡: 先诊疗后付费 eligible (大病集中救治一批 三(四)3)", () => {
    expect(statusOf({ ...lz, certifications: ["poverty-registered"] }, "pay-after-treatment").status).toBe("eligible");
  });
  test("without 建档立卡 there is no 兜底 and no recognition route into it", () => {
    expect(statusOf({ ...lz, highCosts: true }, "backstop").status).toBe("not-eligible");
  });
});

describe("浙江某区 2024 (seed 001)", () => {
  const zj = { policy: "zhejiang-district-2024" };
  test.each(["tekun", "dibao", "dibao-edge"] as const)("%s holds a certificate covered by 兜底 (二(一), 二(三))", (c) => {
    expect(statusOf({ ...zj, certifications: [c] }, "backstop").status).toBe("eligible");
  });
  test("因病致困 without certificate: 'maybe', recognised by 区民政局 (部门职责)", () => {
    const p = statusOf({ ...zj, highCosts: true }, "backstop");
    expect(p.status).toBe("maybe");
    expect(p.needsRecognition).toBe(true);
  });
});

describe("乌鲁木齐 2023 (seed 002)", () => {
  const wq = { policy: "urumqi-2023" };
  test("特困 / 低保: 先诊疗后付费, 免除住院押金", () => {
    expect(statusOf({ ...wq, certifications: ["tekun"] }, "pay-after-treatment").status).toBe("eligible");
    expect(statusOf({ ...wq, certifications: ["dibao"] }, "pay-after-treatment").status).toBe("eligible");
  });
  test("孤儿 are managed as 特困 (参照特困人员管理): full 资助参保", () => {
    const p = statusOf({ ...wq, certifications: ["orphan"] }, "resident-insurance-subsidy");
    expect(p.status).toBe("eligible");
  });
  test("倾斜救助 exists here: 'maybe' for 低保, 'not-eligible' with no hardship", () => {
    expect(statusOf({ ...wq, certifications: ["dibao"] }, "tilted-assistance").status).toBe("maybe");
    expect(statusOf({ ...wq }, "tilted-assistance").status).toBe("not-eligible");
  });
});

describe("内蒙古 2018 (seed 003)", () => {
  test("低保 and 建档立卡 are 医疗救助 recipients (≥70 %); 因病致贫 needs recognition (≥50 %)", () => {
    const im = { policy: "inner-mongolia-2018" };
    expect(statusOf({ ...im, certifications: ["poverty-registered"] }, "medical-assistance").status).toBe("eligible");
    const p = statusOf({ ...im, highCosts: true }, "medical-assistance");
    expect([p.status, p.needsRecognition]).toEqual(["maybe", true]);
  });
});

describe("national framework", () => {
  test("no certificate, high costs: 医疗救助 and 临时救助 are 'maybe' (not 'no'), 低保 worth applying for", () => {
    for (const id of ["medical-assistance", "temporary-relief", "dibao-inclusion"] as const) {
      const p = statusOf({ highCosts: true }, id);
      expect(p.status, id).toBe("maybe");
      expect(p.needsRecognition, id).toBe(true);
    }
  });
  test("no certificate, no hardship: 医疗救助 is 'not-eligible'", () => {
    expect(statusOf({}, "medical-assistance").status).toBe("not-eligible");
  });
  test("uninsured: basic and critical insurance 'not-eligible' with a step to enrol", () => {
    const p = statusOf({ insurance: "none", enrolled: false }, "basic-insurance");
    expect(p.status).toBe("not-eligible");
    expect(p.nextSteps.length).toBeGreaterThan(0);
    expect(statusOf({ insurance: "none", enrolled: false }, "critical-illness-insurance").status).toBe("not-eligible");
  });
  test("premium not paid this year: basic insurance is 'maybe'", () => {
    expect(statusOf({ enrolled: false }, "basic-insurance").status).toBe("maybe");
  });
  test("employee insurance gets no 资助参保", () => {
    expect(statusOf({ insurance: "employee", certifications: ["tekun"] }, "resident-insurance-subsidy").status).toBe("not-eligible");
  });
  test("a more protected certificate never loses a programme a less protected one has", () => {
    const rank = { eligible: 2, maybe: 1, "not-eligible": 0 } as const;
    const order = [["tekun"], ["dibao"], ["dibao-edge"], []] as const;
    for (const id of ["resident-insurance-subsidy", "medical-assistance", "backstop", "pay-after-treatment"] as const) {
      for (const policy of PACK_IDS) {
        const s = order.map((c) => rank[statusOf({ policy, certifications: [...c] }, id).status]);
        for (let i = 1; i < s.length; i++) expect(s[i - 1], `${policy} ${id}`).toBeGreaterThanOrEqual(s[i]);
      }
    }
  });
  test("zh-Hant texts are Traditional", () => {
    expect(statusOf({ certifications: ["dibao"] }, "medical-assistance", "zh-Hant").reasons[0]).toContain("醫療救助");
  });
});

describe("request validation (POST /api/v1/eligibility)", () => {
  const body = { ...base };
  test("a valid body answers 200 with every programme", () => {
    const r = checkEligibility(body);
    expect(r.status).toBe(200);
  });
  test("unknown fields are rejected, in the request's script", () => {
    const r = checkEligibility({ ...body, name: "张三", locale: "zh-Hant" });
    expect(r.status).toBe(400);
    expect(r.status === 400 && r.body.error.issues).toEqual([{ path: "name", message: "不認識的字段“name”，請刪除它。" }]);
    // The API's one error body: a code and a sentence in the request's script beside the issues.
    expect(r.status === 400 && r.body.error).toMatchObject({ code: "invalid-request", message: "請求有 1 處需要修改。" });
  });
  test("建档立卡 outside a historic pack is an error on certifications", () => {
    const r = checkEligibility({ ...body, certifications: ["poverty-registered"] });
    expect(r.status === 400 && r.body.error.issues[0].path).toBe("certifications");
  });
  test("an unknown pack and a bad type are errors naming the field", () => {
    const r1 = checkEligibility({ ...body, policy: "atlantis" });
    expect(r1.status === 400 && r1.body.error.issues[0].path).toBe("policy");
    const r2 = checkEligibility({ ...body, highCosts: "yes" });
    expect(r2.status === 400 && r2.body.error.issues[0].path).toBe("highCosts");
  });
});

describe("sources", () => {
  test.each(PACK_IDS)("%s: every source names a document some pack lists, so it shows with its title", (policy) => {
    const r = evaluateEligibility({ ...base, policy }, "zh-Hans");
    for (const p of r.programmes) for (const s of p.sources) expect(s.title, `${p.id}: ${s.document}`).toBeTruthy();
  });
  test("seed quotes are verbatim from the seed texts (ignoring punctuation width)", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const dir = path.resolve(__dirname, "../../../../shared/seeds");
    if (!fs.existsSync(dir)) return; // the seeds live outside the repository on some machines
    const files = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => [f.slice(0, 3), fs.readFileSync(path.join(dir, f), "utf8")]));
    const norm = (s: string) => s.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, "").replace(/[\s，,。.；;：:（）()“”"*、]/g, "");
    const missing: string[] = [];
    // The rule files hold the quotes in the seed's own script (the results show them in the reader's).
    for (const policy of PACK_IDS) {
      for (const [id, sources] of Object.entries(rulesFor(policy)!.sources)) {
        for (const s of sources) {
          if (s.reliability !== "SEED" || !s.quote) continue;
          const seed = files[s.document.replace("seed-", "")];
          if (!norm(seed).includes(norm(s.quote))) missing.push(`${policy} ${id}: ${s.quote}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
