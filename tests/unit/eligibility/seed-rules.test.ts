import { describe, expect, test } from "vitest";
import { estimateCategories, evaluateEligibility, PROGRAMME_IDS, type Answers, type Certification, type ProgrammeId } from "@/lib/eligibility";
import { certOptions, readState, toAnswers } from "@/lib/eligibility/screener";
import { PACK_IDS } from "@/lib/policy";

/** The check against the seeds' rules, one test per rule, named by place and clause. */

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
const check = (a: Partial<Answers>, locale: "zh-Hans" | "zh-Hant" = "zh-Hans") => evaluateEligibility({ ...base, ...a }, locale);
const programme = (a: Partial<Answers>, id: ProgrammeId, locale: "zh-Hans" | "zh-Hant" = "zh-Hans") =>
  check(a, locale).programmes.find((p) => p.id === id)!;

describe("兜底 needs 参保", () => {
  test("浙江 二(一) 基本医疗保险参保…对象: an uninsured 低保 household is told to enrol first, not promised 兜底", () => {
    const r = check({ policy: "zhejiang-district-2024", insurance: "none", enrolled: false, certifications: ["dibao"] });
    const b = r.programmes.find((p) => p.id === "backstop")!;
    expect(b.status).toBe("maybe");
    expect(b.reasons.join("")).toContain("先参保");
    expect(b.nextSteps.length).toBeGreaterThanOrEqual(2);
    expect(r.enrolFirst).not.toBeNull();
    expect(r.enrolFirst!.steps.join("")).toContain("资助参保");
    expect(r.enrolFirst!.reasons.join("")).toContain("定额资助");
  });

  test("鹿寨 三(二)8 and 大病集中救治一批 三(四)2: an uninsured 建档立卡 household gets “enrol first” with 资助参保 in full", () => {
    const r = check({ policy: "luzhai-2018", insurance: "none", enrolled: false, certifications: ["poverty-registered"] });
    expect(r.programmes.find((p) => p.id === "backstop")!.status).toBe("maybe");
    expect(r.enrolFirst!.reasons.join("")).toContain("全额资助");
    expect(r.enrolFirst!.steps).toHaveLength(3);
  });

  test("an insured household has no “enrol first” block", () => {
    expect(check({ policy: "luzhai-2018", certifications: ["poverty-registered"] }).enrolFirst).toBeNull();
  });

  test("鹿寨 三(二)8 不享受城乡居民基本医疗保险待遇的患者: a 职工医保 建档立卡 household is not offered 兜底", () => {
    const b = programme({ policy: "luzhai-2018", insurance: "employee", certifications: ["poverty-registered"] }, "backstop");
    expect(b.status).toBe("not-eligible");
    expect(b.reasons.join("")).toContain("城乡居民医保");
    expect(b.sources.map((s) => s.clause)).toContain("重病兜底保障一批 三(二)8");
  });

  test("鹿寨 大病集中救治一批 三(四)3 参加城乡居民基本医疗保险的农村贫困住院患者: no 先诊疗后付费 for 职工医保", () => {
    expect(programme({ policy: "luzhai-2018", insurance: "employee", certifications: ["poverty-registered"] }, "pay-after-treatment").status).toBe("not-eligible");
    expect(programme({ policy: "luzhai-2018", certifications: ["poverty-registered"] }, "pay-after-treatment").status).toBe("eligible");
  });

  test("浙江 二(一): a 职工医保 household is 基本医疗保险参保 too, so its 低保 兜底 stands", () => {
    expect(programme({ policy: "zhejiang-district-2024", insurance: "employee", certifications: ["dibao"] }, "backstop").status).toBe("eligible");
  });
});

describe("the check says what the calculator pays", () => {
  test("内蒙古 五 低收入救助对象…不低于50%: a 低保边缘 family is covered as 低收入, and the check says so", () => {
    const p = programme({ policy: "inner-mongolia-2018", certifications: ["dibao-edge"] }, "medical-assistance");
    expect(p.status).toBe("eligible");
    expect(p.reasons.join("")).toContain("低收入");
    expect(p.reasons.join("")).toContain("不低于 50%");
  });

  test("内蒙古 五: 低保 and 建档立卡 at ≥ 70 %", () => {
    expect(programme({ policy: "inner-mongolia-2018", certifications: ["dibao"] }, "medical-assistance").reasons.join("")).toContain("不低于 70%");
  });

  test("a 低保边缘 family is never told 家里没有低保、特困等身份, in any place, with any answers", () => {
    for (const policy of PACK_IDS)
      for (const highCosts of [true, false])
        for (const insurance of ["resident", "employee", "none"] as const)
          for (const certs of [["dibao-edge"], ["at-risk"], ["dibao-edge", "at-risk"]] as Certification[][]) {
            const r = check({ policy, highCosts, insurance, certifications: certs });
            for (const p of r.programmes) for (const text of [...p.reasons, ...p.nextSteps]) expect(text, `${policy} ${p.id}`).not.toMatch(/没有低保|没有.*特困等身份/);
          }
  });

  test("乌鲁木齐 (四) 基層首診轉診的特困人員、低保對象: 先诊疗后付费 names the referral condition", () => {
    const p = programme({ policy: "urumqi-2023", certifications: ["dibao"] }, "pay-after-treatment");
    expect(p.status).toBe("eligible");
    expect(p.reasons.join("")).toContain("转诊");
  });
});

describe("大病保险 起付线更低、比例更高 only where a pack tilts", () => {
  const tilt = (policy: string, certifications: Certification[]) =>
    programme({ policy, certifications }, "critical-illness-insurance").reasons.slice(1).join("");

  test("国办发〔2021〕42号 (national pack): 特困 and 低保 tilted, 低保边缘 and 监测对象 not", () => {
    expect(tilt("national-2021", ["dibao"])).toContain("起付线更低、报销比例更高");
    expect(tilt("national-2021", ["dibao-edge"])).toBe("");
    expect(tilt("national-2021", ["at-risk"])).toBe("");
  });

  test("鹿寨 大病集中救治一批 三(四)2 大病保险起付线降低50%，报销比例提高10个百分点: 建档立卡 only", () => {
    expect(tilt("luzhai-2018", ["poverty-registered"])).toContain("起付线更低、报销比例更高");
    expect(tilt("luzhai-2018", ["dibao"])).toBe("");
  });

  test("沈阳: 特困 / 低保 get a lower threshold and a minimum rate", () => {
    expect(tilt("shenyang-2023", ["tekun"])).toContain("起付线更低");
    expect(tilt("shenyang-2023", ["dibao-edge"])).toBe("");
  });

  test("no tilt for 职工医保 (the packs' 大病保险 is a 城乡居民医保 benefit)", () => {
    const p = programme({ insurance: "employee", certifications: ["dibao"] }, "critical-illness-insurance");
    expect(p.status).toBe("maybe");
    expect(p.reasons.join("")).not.toContain("起付线更低");
  });
});

describe("因病致贫 / 因病致困, already recognised", () => {
  test("the screener offers it in every place, and it reaches the estimate as the category medical-poverty", () => {
    for (const policy of PACK_IDS) expect(certOptions(policy)).toContain("medical-poverty");
    const answers = toAnswers(readState({ policy: "zhejiang-district-2024", who: "adult", insurance: "resident", enrolled: "yes", cert: "medical-poverty", costs: "yes", union: "no", urgent: "no" }));
    expect(answers.certifications).toEqual(["medical-poverty"]);
    expect(estimateCategories(answers)).toContain("medical-poverty");
  });

  test.each(PACK_IDS)("%s: a recognised household is a 医疗救助 recipient, without a further 认定", (policy) => {
    const p = programme({ policy, certifications: ["medical-poverty"] }, "medical-assistance");
    expect(p.status).toBe("eligible");
    expect(p.needsRecognition).toBe(false);
  });

  test("浙江 二(三) 因病致困对象…超过上年度本地城镇居民人均可支配收入部分给予兜底: recognised → 兜底 eligible", () => {
    expect(programme({ policy: "zhejiang-district-2024", certifications: ["medical-poverty"] }, "backstop").status).toBe("eligible");
  });

  test("沈阳 六、1 一次性因病致贫重病患者医疗救助: a recognised pupil is eligible", () => {
    expect(programme({ policy: "shenyang-2023", who: "pupil", certifications: ["medical-poverty"] }, "one-time-medical-poverty").status).toBe("eligible");
  });
});

describe("every text exists in both scripts", () => {
  test.each(PACK_IDS)("%s: every programme renders in zh-Hant for every certification", (policy) => {
    for (const c of certOptions(policy).filter((x) => x !== "none") as Certification[]) {
      for (const insurance of ["resident", "employee", "none"] as const) {
        const r = check({ policy, certifications: [c], insurance, highCosts: true, union: true, urgent: true }, "zh-Hant");
        expect(r.programmes.map((p) => p.id)).toEqual([...PROGRAMME_IDS]);
      }
    }
  });
});
