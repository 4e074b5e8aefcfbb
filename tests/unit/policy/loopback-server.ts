import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** A real Node HTTP server on a free loopback port, for tests of request handlers; close it when done. */
export async function listenOnLoopback(handler: RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
