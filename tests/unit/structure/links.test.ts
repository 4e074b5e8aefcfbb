import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/tests/unit/source-files";

/**
 * Links go through components/ui/link.tsx, which turns off Next's prefetch-on-scroll (slow, metered phone
 * connections). A direct `next/link` import would quietly bring it back for that link.
 */
const root = path.resolve(__dirname, "../../..");

describe("links", () => {
  it("only components/ui/link.tsx imports next/link", () => {
    const offenders = ["app", "components", "lib"]
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .filter((f) => !f.endsWith(path.join("components", "ui", "link.tsx")))
      .filter((f) => /from\s+["']next\/link["']/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});
