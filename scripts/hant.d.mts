/** Types for scripts/hant.mjs (the zh-Hant generator), for the tests that import it. */
export function toHant(text: string): string;
export function toHans(text: string): string;
export function generated(): Map<string, string>;
