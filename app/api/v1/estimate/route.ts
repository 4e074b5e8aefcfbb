import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";
import { answerEstimate } from "@/lib/http/estimate-endpoint";

// The HTTP door of the calculation module: same function, same bytes as the CLI. In production the server's fast
// path (lib/http/fast-path.ts) answers this URL before Next does, through the same answerEstimate().
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    text = "";
  }
  const answer = answerEstimate(text);
  return new Response(answer.body, { status: answer.status, headers: { "content-type": JSON_CONTENT_TYPE } });
}
