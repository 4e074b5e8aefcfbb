import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/tests/unit/source-files";

/** lib/policy is a pure library: no Next.js, React, Prisma or app code (issue 4). */

const root = path.resolve(__dirname, "../../..");
const lib = path.join(root, "lib/policy");

function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of source.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

describe("lib/policy purity", () => {
  const all = sourceFiles(lib);

  it("finds the library's source files", () => {
    expect(all.length).toBeGreaterThan(5);
  });

  for (const f of all) {
    const rel = path.relative(root, f);
    it(`${rel} imports only zod, decimal.js, its own modules and the policy locale files`, () => {
      for (const spec of specifiers(readFileSync(f, "utf8"))) {
        expect(spec, `${rel}: ${spec}`).not.toMatch(/^(next|react|react-dom|@prisma|prisma|next-auth|i18next|react-i18next)(\/|$)/);
        expect(spec, `${rel}: ${spec}`).not.toMatch(/^@\/app|^@\/components|\/app\//);
        if (spec.startsWith(".")) {
          const target = path.resolve(path.dirname(f), spec);
          const inside = target.startsWith(lib + path.sep) || target === lib;
          const locale = /\/locales\/zh-Han[st]\/policy\.json$/.test(target);
          expect(inside || locale, `${rel}: ${spec} leaves lib/policy`).toBe(true);
        } else {
          expect(["zod", "decimal.js"], `${rel}: ${spec}`).toContain(spec);
        }
      }
    });
  }
});
