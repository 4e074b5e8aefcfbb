type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's IP: first hop of X-Forwarded-For, else X-Real-IP, else "unknown".
 * Trustworthy only behind a reverse proxy that overwrites these headers
 * (nginx: `proxy_set_header X-Forwarded-For $remote_addr;`); see docs/database.md.
 */
export function getClientIp(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = header(headers, "x-real-ip")?.trim();
  if (real) return real.slice(0, 64);
  return "unknown";
}
