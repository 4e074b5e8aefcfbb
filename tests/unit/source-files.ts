import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every TypeScript or JavaScript source file below `dir`, for tests that check what the code imports. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(tsx?|jsx?|mjs|cjs)$/.test(name) ? [p] : [];
  });
}
