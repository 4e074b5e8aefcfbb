import { describe, expect, it } from "vitest";
import { estimate, estimateText, MAX_REQUEST_CHARS } from "@/lib/policy";
import { ep, fail, req } from "@/tests/unit/policy/helpers";

/** The contract's error body: translated, says what is wrong and how to fix it, never zod's English. */

const good = () => req("national-2021", "2024-03-01", [], [ep()]);
const ZOD_ENGLISH = /Invalid|expected|received|Unrecognized|Too (small|big)/;

describe("request errors (invalid-request / unknown-policy / no-version-in-force)", () => {
  it("invalid JSON is a contract error pointing near the problem", () => {
    const res = estimateText('{"policy": "national-2021",');
    expect(res.status).toBe(400);
    if (res.status !== 400) return;
    expect(res.body.error.code).toBe("invalid-request");
    expect(res.body.error.issues[0].path).toBe("");
    expect(res.body.error.issues[0].message).toMatch(/^请求正文不是有效的 JSON/);
  });

  it("missing required fields are each named", () => {
    const e = fail({});
    expect(e.issues).toEqual([
      { path: "policy", message: "缺少政策包（policy），请补上。" },
      { path: "serviceDate", message: "缺少就医日期（serviceDate），请补上。" },
      { path: "person", message: "缺少参保人信息（person），请补上。" },
      { path: "episodes", message: "缺少就医记录（episodes），请补上。" },
    ]);
    expect(e.message).toBe("请求有 4 处问题，请按下面的说明修改后重新提交。");
  });

  it("money must be a string with at most two decimals, not negative, and a total above zero", () => {
    const e = fail(req("national-2021", "2024-03-01", [], [
      ep({ total: "-5.00" }),
      ep({ total: "0.00" }),
      ep({ total: "12.345" }),
      ep({ total: "100.00", selfFunded: 20 }),
    ]));
    expect(e.issues).toEqual([
      { path: "episodes.0.total", message: "第 1 次就医的医疗总费用（total）不能为负数（收到 -5.00）。" },
      { path: "episodes.1.total", message: "第 2 次就医的医疗总费用（total）必须大于 0。" },
      { path: "episodes.2.total", message: "第 3 次就医的医疗总费用（total）应为不带正负号、最多两位小数的金额字符串，例如 \"12000.00\"（收到 \"12.345\"）。" },
      { path: "episodes.3.selfFunded", message: "第 4 次就医的自费金额（selfFunded）应写成带引号的金额字符串，例如 \"12000.00\"，不能写成数字 20。" },
    ]);
  });

  it("unknown fields are rejected where they are", () => {
    const r = { ...good(), extra: 1 } as Record<string, unknown>;
    (r.episodes as Record<string, unknown>[])[0].hospital = "x";
    const e = fail(r);
    expect(e.issues.map((i) => i.path)).toEqual(["episodes.0.hospital", "extra"]);
    expect(e.issues[1].message).toBe("请求正文中有不认识的字段“extra”，请删除或检查拼写。");
  });

  it("dates must exist on the calendar", () => {
    const e = fail({ ...good(), serviceDate: "2023-02-29" });
    expect(e.issues).toEqual([
      { path: "serviceDate", message: "就医日期（serviceDate）应为 YYYY-MM-DD 格式的有效日期，例如 \"2024-03-01\"（收到 \"2023-02-29\"）。" },
    ]);
  });

  it("a bad locale is reported in zh-Hans with the valid values", () => {
    const e = fail({ ...good(), locale: "en" });
    expect(e.issues).toEqual([{ path: "locale", message: "语言（locale）的值 \"en\" 无效，可选值：zh-Hans、zh-Hant。" }]);
  });

  it("errors come in Traditional script for zh-Hant requests", () => {
    const e = fail({ ...good(), locale: "zh-Hant", episodes: [] });
    expect(e.message).toBe("請求有 1 處問題，請按下面的說明修改後重新提交。");
    expect(e.issues).toEqual([{ path: "episodes", message: "至少需要 1 條就醫記錄（episodes）。" }]);
  });

  it("enum values, age range and the episode limit", () => {
    const e = fail({
      ...good(),
      person: { insurance: "private", categories: ["dibao"], age: 200 },
      episodes: Array.from({ length: 101 }, () => ep()),
    });
    expect(e.issues.map((i) => i.path)).toEqual(["person.insurance", "person.age", "episodes"]);
    expect(e.issues[0].message).toBe("参保类型（insurance）的值 \"private\" 无效，可选值：resident、employee、none。");
    expect(e.issues[1].message).toBe("年龄（age）应为 0 到 130 之间的整数。");
    expect(e.issues[2].message).toBe("一次最多估算 100 条就医记录，请分开提交。");
  });

  it("unknown policy → unknown-policy, listing the packs", () => {
    const e = fail({ ...good(), policy: "beijing-2024" });
    expect(e.code).toBe("unknown-policy");
    expect(e.issues[0].path).toBe("policy");
    expect(e.message).toBe(
      "没有名为“beijing-2024”的政策包。请把 policy 改为以下之一：luzhai-2018、zhejiang-district-2024、inner-mongolia-2018、urumqi-2023、shenyang-2023、national-2021。",
    );
  });

  it("unknown policy together with other problems → invalid-request listing all of them", () => {
    const e = fail({ ...good(), policy: "beijing-2024", serviceDate: "tomorrow" });
    expect(e.code).toBe("invalid-request");
    expect(e.issues.map((i) => i.path)).toEqual(["serviceDate", "policy"]);
  });

  it("a date outside every version → no-version-in-force, with the valid range", () => {
    const e = fail({ ...good(), serviceDate: "2020-01-01" });
    expect(e.code).toBe("no-version-in-force");
    expect(e.message).toBe(
      "国家重特大疾病医疗保险和救助制度（国办发〔2021〕42号）（national-2021）在 2020-01-01 没有生效的版本。请把 serviceDate 改到以下日期范围内：2021-10-28 起。",
    );
  });

  it("a settled 基本医保 larger than the in-policy cost (total − 自费) is an error", () => {
    // 20000 − 5000 = 15000 in policy; a slip cannot show 16000 of 统筹 on it
    const e = fail(req("luzhai-2018", "2018-09-01", ["poverty-registered"], [
      ep({ total: "20000.00", selfFunded: "5000.00", settled: { basic: "16000.00" } }),
    ]));
    expect(e.issues).toEqual([{
      path: "episodes.0.settled.basic",
      message: "结算单上的基本医保统筹支付 16,000.00 元超过了政策范围内费用在前面各层支付后剩余的 15,000.00 元（医保和救助不支付目录外自费），请核对结算单金额和自费金额。",
    }]);
  });

  it("a body that is not an object, and an oversized body", () => {
    expect(fail([]).issues).toEqual([{ path: "", message: "请求正文的类型不对，应为对象（{…}）。" }]);
    const res = estimateText(" ".repeat(MAX_REQUEST_CHARS + 1));
    expect(res.status).toBe(400);
  });

  it("no zod English and no stack traces leak into any message", () => {
    const bad: unknown[] = [
      {}, [], null, 42, "x", { ...good(), locale: 3 }, { ...good(), person: null }, { ...good(), episodes: [null] },
      { ...good(), episodes: [{ ...ep(), settled: { basic: 5 } }] }, { ...good(), episodes: [{ ...ep(), kind: "dental" }] },
      { ...good(), person: { insurance: "resident", categories: "dibao" } }, { ...good(), person: { insurance: "resident", age: 1.5 } },
    ];
    for (const b of bad) {
      const res = estimate(b);
      expect(res.status).toBe(400);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(ZOD_ENGLISH);
      expect(text).not.toMatch(/\.ts:\d+/);
    }
  });
});
