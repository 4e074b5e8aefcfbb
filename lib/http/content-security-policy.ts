/**
 * The Content-Security-Policy of every page (proxy.ts sets it, with a fresh nonce per request). Scripts run only
 * when they carry the nonce (Next puts it on its own scripts when it finds the policy on the request) or are
 * loaded by one that does ('strict-dynamic'); nothing may frame the site, and forms post only to it.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings for its debugging tools; production never needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style prop) are not a script risk; the stylesheet is a file.
    "style-src 'self' 'unsafe-inline'",
    // Photos are previewed and resized in the browser (blob:, data:); QR codes are data: images.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Sent only when the site is served over HTTPS (server.ts decides): two years, as browsers' preload lists ask. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000";
