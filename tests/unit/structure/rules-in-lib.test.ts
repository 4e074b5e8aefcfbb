import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/tests/unit/source-files";

/**
 * Domain numbers live in policy packs and rules in lib/ (issue 11): a page that declares its own
 * count of days (a 补正 or 先行救助 deadline, say) or counts days with a literal number is a rule
 * hiding in a door. Components get their texts as props rather than calling getT themselves.
 */
const root = path.resolve(__dirname, "../../..");
const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");

const DAY_CONSTANT = /\bconst\s+[A-Z][A-Z0-9_]*(DAYS?|MONTHS?|WEEKS?)[A-Z0-9_]*\s*=\s*[\d_.]+/;
const LITERAL_COUNT = /\b(countWorkingDays|countCalendarDays)\s*\([^,()]*,\s*\d+\s*\)/;

function dayRules(source: string): string[] {
  const out: string[] = [];
  if (DAY_CONSTANT.test(source)) out.push("declares a numeric day constant (put it in a policy pack's procedure)");
  if (LITERAL_COUNT.test(source)) out.push("counts days with a literal number (read the period from lib/applications/procedure)");
  return out;
}

describe("domain rules stay out of pages", () => {
  it("catches a page's own day constant or literal count", () => {
    expect(dayRules("const CORRECTION_DUE_WORKING_DAYS = 10;")).toHaveLength(1);
    expect(dayRules("const EMERGENCY_DOCUMENTS_DUE_WORKING_DAYS = 20;")).toHaveLength(1);
    expect(dayRules("const due = countWorkingDays(today, 10);")).toHaveLength(1);
    expect(dayRules("const due = addPeriod(today, tm.correctionDue);")).toEqual([]);
  });

  it("no file under app/ declares a day count or counts days with a literal", () => {
    const problems = sourceFiles(path.join(root, "app")).flatMap((f) => dayRules(readFileSync(f, "utf8")).map((p) => `${rel(f)} ${p}`));
    expect(problems).toEqual([]);
  });

  it("components get their texts as props (no getT in components/, the page frame included)", () => {
    const readers = sourceFiles(path.join(root, "components"))
      .filter((f) => /from\s*["']@\/lib\/i18n\/(server|frame)["']/.test(readFileSync(f, "utf8").replace(/import type[^;]*;/g, "")))
      .map(rel);
    expect(readers).toEqual([]);
    expect(readFileSync(path.join(root, "components/shell/page-frame.tsx"), "utf8")).not.toMatch(/\bgetT\s*\(/);
  });
});
