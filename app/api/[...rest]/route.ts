import { apiError } from "@/lib/http/api-error";

// Unknown API paths answer as the APIs do (the JSON error body, code "not-found"), not with Next's English HTML 404 page.
function notFound(): Response {
  return apiError(404, "not-found", { headers: { "cache-control": "no-store" } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
