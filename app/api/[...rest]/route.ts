// Unknown API paths answer as the APIs do (JSON, code "not-found"), not with Next's English HTML 404 page.
function notFound(): Response {
  return Response.json({ error: { code: "not-found" } }, { status: 404, headers: { "cache-control": "no-store" } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
