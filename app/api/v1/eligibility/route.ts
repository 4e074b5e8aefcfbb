import { checkEligibility } from "@/lib/eligibility";
import { text } from "@/lib/eligibility/messages";
import { apiError } from "@/lib/http/api-error";
import { JSON_CONTENT_TYPE } from "@/lib/http/content-type";
import { BodyTooLargeError, bodyTooLargeResponse, readBodyText } from "@/lib/http/read-body";
import { requestLocale } from "@/lib/policy/request-locale";

// Thin door: parse JSON, let lib/eligibility validate (zod, unknown fields rejected, translated issues) and evaluate.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_CHARS = 16 * 1024;

export async function POST(request: Request): Promise<Response> {
  let raw: string;
  try {
    raw = await readBodyText(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(request, error);
    raw = "";
  }
  let body: unknown;
  try {
    if (raw.length > MAX_BODY_CHARS) throw new Error("too large");
    body = JSON.parse(raw);
  } catch {
    const locale = requestLocale(raw);
    const message = text(locale, "error.invalidJson");
    return apiError(400, "invalid-json", { locale, message, issues: [{ path: "", message }] });
  }
  const res = checkEligibility(body);
  return new Response(JSON.stringify(res.body), { status: res.status, headers: { "content-type": JSON_CONTENT_TYPE } });
}
