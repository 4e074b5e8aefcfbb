/** What every JSON API answer declares, from Next's routes and the server's fast path alike. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
