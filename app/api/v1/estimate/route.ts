import { estimateText, serializeEstimateResponse } from "../../../../lib/policy";

// The HTTP door of the calculation module: same function, same bytes as the CLI.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEADERS = { "content-type": "application/json; charset=utf-8" };

export async function POST(request: Request): Promise<Response> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    text = "";
  }
  const res = estimateText(text);
  return new Response(serializeEstimateResponse(res), { status: res.status, headers: HEADERS });
}
