// Imported by lib/http/body-limit.ts (the front door): keep this file free of imports.

/** Largest roster upload accepted. A 5,000-pupil `.xlsx` is about 160 KB and its CSV about 400 KB. */
export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;
/** Most data rows accepted: the largest schools have some 10,000 pupils. */
export const ROSTER_MAX_ROWS = 20_000;
