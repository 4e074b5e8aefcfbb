import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/tests/unit/source-files";

/**
 * Project files import each other by `@/` path everywhere, so a file reads the same wherever it
 * moves. Two exceptions: lib/policy, whose purity test allows only relative imports (it is a
 * library that must not depend on the app's alias), and the files the Prisma CLI loads through
 * prisma.config.ts, whose loader does not know the alias.
 */
const root = path.resolve(__dirname, "../../..");
const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
const PRISMA_CLI_LOADS = new Set(["lib/db/database-url.ts", "lib/db/libsql-adapter.ts", "lib/config/env.ts", "prisma/migration-adapter.ts"]);

function relativeImports(source: string): string[] {
  const re = /(?:import|export)\s[^'"]*?from\s*["'](\.{1,2}\/[^"']*)["']|import\s*(?:\(\s*)?["'](\.{1,2}\/[^"']*)["']/g;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2]);
}

describe("import paths", () => {
  const files = [
    ...["app", "components", "lib", "tests", "scripts", "bench"].flatMap((d) => sourceFiles(path.join(root, d))),
    ...["server.ts", "proxy.ts", "prisma/seed.ts"].map((f) => path.join(root, f)).filter(existsSync),
  ]
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) => !rel(f).startsWith("lib/policy/") && !rel(f).startsWith("lib/generated/") && !PRISMA_CLI_LOADS.has(rel(f)));

  it("finds the project's files", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("use @/ paths outside lib/policy", () => {
    const offenders = files.flatMap((f) => relativeImports(readFileSync(f, "utf8")).map((spec) => `${rel(f)}: ${spec}`));
    expect(offenders).toEqual([]);
  });

  it("the check sees relative imports of every form", () => {
    const q = '"'; // built, so this file's own text holds no relative import for the scan above
    const sample = [`import a from ${q}./a${q};`, `export { b } from ${q}../b${q};`, `import ${q}../globals.css${q};`, `await import(${q}./c${q});`].join("\n");
    expect(relativeImports(sample)).toEqual(["./a", "../b", "../globals.css", "./c"]);
    expect(relativeImports(`import a from ${q}@/lib/a${q};\nimport z from ${q}zod${q};`)).toEqual([]);
  });
});
