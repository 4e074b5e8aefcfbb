// Imported by lib/http/body-limit.ts (the front door): keep this file free of imports.

/**
 * Largest extract or registry the import page takes (the page's form holds the file in memory while it
 * is checked). A district's month of settlements is some 10 MB of CSV; a bigger file is split by month.
 */
export const MONITORING_UPLOAD_MAX_BYTES = 64 * 1024 * 1024;
