/**
 * The production server: Node's HTTP server in front of Next. Every request first passes the front door
 * (lib/http/front-door.ts: trusted client address, HSTS, body limits as bytes arrive); the public calculation API
 * is answered by the fast path (lib/http/fast-path.ts); every other request goes to Next's handler exactly as
 * `next start` would serve it.
 * Built by scripts/build-server.mjs into dist/server.cjs; run as `node dist/server.cjs [-H host] [-p port]`.
 */
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBackgroundTasks } from "@/lib/applications/background";
import { readEnv, trustedProxyHops } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { frontDoor } from "@/lib/http/front-door";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
  });
  // Like `next start`: every interface unless -H says otherwise. (Not $HOSTNAME: shells and containers set it
  // to the machine's name.)
  const hostname = values.hostname ?? "0.0.0.0";
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  // Set before Next is loaded: it reads NODE_ENV when its modules initialise.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), hostname, port });
  const handle = app.getRequestHandler();
  // prepare() also runs instrumentation.ts: provisional (暂定) deadlines are recounted there if a holiday notice arrived.
  await app.prepare();
  // Upload files a crash left behind are swept before the first request; pending SMS are retried.
  const background = await startBackgroundTasks(getDb());

  const env = readEnv();
  const server = createServer(
    frontDoor({ trustedProxyHops: trustedProxyHops(env), publicUrlIsHttps: /^https:/i.test(env.NEXTAUTH_URL ?? "") }, (req, res) => {
      handle(req, res).catch((e: unknown) => {
        console.error(e);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    }),
  );
  server.listen(port, hostname, () => console.log(`Yizhan ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

  const stop = () => {
    background.stop();
    server.close(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
