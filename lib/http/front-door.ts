import type { IncomingMessage, ServerResponse } from "node:http";
import { guardBody } from "@/lib/http/body-limit";
import { trustForwardedHeaders } from "@/lib/http/client-address";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/http/content-security-policy";
import { serveFastPath } from "@/lib/http/fast-path";

export interface FrontDoorOptions {
  /** YIZHAN_TRUSTED_PROXY_HOPS. */
  trustedProxyHops: number;
  /** NEXTAUTH_URL is https: the public site is HTTPS even where a proxy does not say so. */
  publicUrlIsHttps: boolean;
}

/**
 * What the production server does with every request before Next sees it: trust only the client address and
 * scheme it can vouch for, send HSTS over HTTPS, refuse bodies over the route's limit as they arrive, answer the
 * calculation API itself; everything else goes to `next`.
 */
export function frontDoor(options: FrontDoorOptions, next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const { scheme } = trustForwardedHeaders(req, options.trustedProxyHops);
    if (scheme === "https" || options.publicUrlIsHttps) res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    if (!guardBody(req, res)) return;
    if (serveFastPath(req, res)) return;
    next(req, res);
  };
}
