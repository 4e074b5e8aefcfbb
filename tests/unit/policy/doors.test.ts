import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/policies/route";
import { POST } from "@/app/api/v1/estimate/route";
import { EXAMPLE_1, EXAMPLE_2, EXAMPLE_3, EXAMPLE_4, HOUSEHOLD_ZHEJIANG } from "@/tests/unit/policy/examples";

/**
 * Two doors, one result (CALC-CONTRACT.md): the CLI and POST /api/v1/estimate
 * must give byte-identical output, exit 2 / HTTP 400 on bad input.
 */

const root = path.resolve(__dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "yizhan-estimate-"));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/estimate.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function http(body: string) {
  const res = await POST(new Request("http://127.0.0.1/api/v1/estimate", { method: "POST", body, headers: { "content-type": "application/json" } }));
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const BAD = JSON.stringify({ policy: "luzhai-2018", serviceDate: "2018-09-01", person: { insurance: "resident" }, episodes: [{ kind: "inpatient", facility: "county", total: -5 }] });

describe("CLI and HTTP doors", () => {
  const examples: [string, unknown][] = [
    ["example 1", EXAMPLE_1],
    ["example 2", EXAMPLE_2],
    ["example 3", EXAMPLE_3],
    ["example 4", EXAMPLE_4],
    ["household", HOUSEHOLD_ZHEJIANG],
  ];
  for (const [name, request] of examples) {
    it(`${name}: byte-identical JSON, exit 0 / HTTP 200`, async () => {
      const text = JSON.stringify(request);
      const a = cli([file(`${name.replace(" ", "-")}.json`, text)]);
      const b = await http(text);
      expect(a.status).toBe(0);
      expect(b.status).toBe(200);
      expect(b.type).toBe("application/json; charset=utf-8");
      expect(a.stdout).toBe(b.text);
      expect(JSON.parse(a.stdout).personal).toBeDefined();
    }, 60_000);
  }

  it("worked example 1 through the CLI from standard input (-)", () => {
    const a = cli(["-"], JSON.stringify(EXAMPLE_1));
    expect(a.status).toBe(0);
    const body = JSON.parse(a.stdout);
    expect(body.layers.find((l: { id: string }) => l.id === "backstop").paid).toBe("3000.00");
    expect(body.personal).toBe("2000.00");
  }, 60_000);

  it("bad input: identical error JSON, exit 2 / HTTP 400, no stack trace", async () => {
    const a = cli([file("bad.json", BAD)]);
    const b = await http(BAD);
    expect(a.status).toBe(2);
    expect(b.status).toBe(400);
    expect(a.stdout).toBe(b.text);
    const err = JSON.parse(a.stdout).error;
    expect(err.code).toBe("invalid-request");
    expect(err.issues).toContainEqual({
      path: "episodes.0.total",
      message: "第 1 次就医的医疗总费用（total）应写成带引号的金额字符串，例如 \"12000.00\"，不能写成数字 -5。",
    });
    expect(a.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);

  it("invalid JSON: identical contract error from both doors", async () => {
    const a = cli([file("broken.json", "{\"policy\": ")]);
    const b = await http("{\"policy\": ");
    expect(a.status).toBe(2);
    expect(b.status).toBe(400);
    expect(a.stdout).toBe(b.text);
    expect(JSON.parse(b.text).error.code).toBe("invalid-request");
  }, 60_000);

  it("an unreadable file is a contract error with exit 2, not a stack trace", () => {
    const a = cli([path.join(dir, "does-not-exist.json")]);
    expect(a.status).toBe(2);
    expect(JSON.parse(a.stdout).error.issues[0].message).toContain("无法读取请求文件");
    expect(a.stderr).toBe("");
  }, 60_000);

  it("GET /api/v1/policies lists the six packs with titles in both scripts", async () => {
    const res = await listRoute();
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = JSON.parse(await res.text());
    expect(body.policies.map((p: { id: string }) => p.id)).toEqual([
      "luzhai-2018",
      "zhejiang-district-2024",
      "inner-mongolia-2018",
      "urumqi-2023",
      "shenyang-2023",
      "national-2021",
    ]);
    expect(body.policies[0].title["zh-Hant"]).toBe("鹿寨縣健康扶貧“重病兜底保障一批”（2018）");
  });
});
