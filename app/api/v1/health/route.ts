export const dynamic = "force-dynamic";

// Liveness for load balancers and the test runner; deliberately touches nothing sensitive.
export function GET() {
  return Response.json({ status: "ok" });
}
