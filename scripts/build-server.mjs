// Bundles server.ts (and the lib/ code it uses) into dist/server.cjs; `next` and other packages stay in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  outfile: "dist/server.cjs",
  logLevel: "warning",
});
