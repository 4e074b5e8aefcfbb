/**
 * Headers every response carries: Next applies them to pages and routes (next.config.ts), and the server's
 * fast path (fast-path.ts) to the answers it gives itself, so no door is weaker than another.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The application form photographs documents with the phone's camera; nothing else is granted.
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];
