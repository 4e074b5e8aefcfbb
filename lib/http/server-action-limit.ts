// Read by next.config.ts too (which cannot resolve "@/" imports): keep this file free of imports.

/** Server actions and form posts to pages: the production server refuses larger bodies as they arrive. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** The same limit in the notation of next.config's serverActions.bodySizeLimit. */
export const SERVER_ACTION_BODY_SIZE_LIMIT = "1mb";
