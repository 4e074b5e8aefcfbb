import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // `next dev` refuses /_next/* to 127.0.0.1 otherwise, and pages never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  // Native SQLite driver and the policy data stay out of the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql"],
  poweredByHeader: false,
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
