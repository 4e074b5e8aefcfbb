import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";
import { checkEligibility } from "@/lib/eligibility";
import { text } from "@/lib/eligibility/messages";
import { BodyTooLargeError, bodyTooLargeResponse, readBodyText } from "@/lib/http/read-body";

// Thin door: parse JSON, let lib/eligibility validate (zod, unknown fields rejected, translated issues) and evaluate.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEADERS = { "content-type": JSON_CONTENT_TYPE };

export async function POST(request: Request): Promise<Response> {
  let raw: string;
  try {
    raw = await readBodyText(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(request, error);
    raw = "";
  }
  if (raw.length > 16 * 1024) return invalidJson(raw);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return invalidJson(raw);
  }
  const res = checkEligibility(body);
  return new Response(JSON.stringify(res.body), { status: res.status, headers: HEADERS });
}

function invalidJson(raw: string): Response {
  const locale = /"locale"\s*:\s*"zh-Hant"/.test(raw.slice(0, 4096)) ? "zh-Hant" : "zh-Hans";
  const message = text(locale, "error.invalidJson");
  return new Response(JSON.stringify({ error: { code: "invalid-json", issues: [{ path: "", message }] } }), { status: 400, headers: HEADERS });
}
