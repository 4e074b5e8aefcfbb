import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_SIZE_LIMIT } from "./lib/http/server-action-limit";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // `next dev` refuses /_next/* to 127.0.0.1 otherwise, and pages never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  // Native SQLite driver and the policy data stay out of the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql"],
  poweredByHeader: false,
  // The same limit the production server enforces as bytes arrive (lib/http/body-limit.ts).
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_SIZE_LIMIT } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS],
      },
    ];
  },
};

export default nextConfig;
