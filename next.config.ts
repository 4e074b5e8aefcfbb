import type { NextConfig } from "next";

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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
