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
  // The generated Prisma client (bundled since the server starts background tasks on the database) reads
  // import.meta.url, which CommonJS output lacks: give it this file's URL.
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__importMetaUrl" },
  logLevel: "warning",
});
