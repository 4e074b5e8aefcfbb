import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/tests/unit/source-files";

/**
 * No redirect may leave the site (issue 13: `returnTo=/%09/evil.example` did). Pages and server actions redirect
 * through lib/http/redirect.ts, and route handlers build a Location only from safeReturnPath, so a path made from
 * a tampered argument cannot point elsewhere.
 */
const root = path.resolve(__dirname, "../../..");
const files = ["app", "components", "lib", "proxy.ts"].flatMap((d) =>
  d.endsWith(".ts") ? [path.join(root, d)] : sourceFiles(path.join(root, d)),
);

describe("redirects", () => {
  it("only lib/http/redirect.ts calls next/navigation's redirect", () => {
    const offenders = files
      .filter((f) => !f.endsWith(path.join("lib", "http", "redirect.ts")))
      .filter((f) => /import\s*{[^}]*\b(redirect|permanentRedirect)\b[^}]*}\s*from\s*["']next\/navigation["']/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it("route handlers set a Location only through safeReturnPath, and nothing uses NextResponse.redirect", () => {
    const offenders = files
      .filter((f) => {
        const source = readFileSync(f, "utf8");
        if (/NextResponse\.redirect\(|Response\.redirect\(/.test(source)) return true;
        return source.split("\n").some((line) => /Location:/.test(line) && !/safeReturnPath\(/.test(line));
      })
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});
