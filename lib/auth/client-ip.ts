type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for rate limits and audit rows. The production server (server.ts, through
 * lib/http/client-address.ts) overwrites X-Forwarded-For with the one address it trusts (the socket's, or what
 * YIZHAN_TRUSTED_PROXY_HOPS proxies report), after dropping what the client sent; so this reads that header and
 * nothing else. Of several entries the last is taken: the one added nearest to us.
 */
export function getClientIp(headers: HeaderSource): string {
  const nearest = header(headers, "x-forwarded-for")?.split(",").at(-1)?.trim();
  return nearest ? nearest.slice(0, 64) : "unknown";
}
