import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Speed is measured in bench/, not here: a loaded CI machine must not turn a slow test into a failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
