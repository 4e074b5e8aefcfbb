import { z } from "zod";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestLoginCode } from "@/lib/auth/otp";
import { BodyTooLargeError, bodyTooLargeResponse, readBodyText } from "@/lib/http/read-body";

const bodySchema = z.object({ phone: z.string() });

/** POST { phone } → send a sign-in code. Error codes are translated by the UI. */
export async function POST(request: Request): Promise<Response> {
  let text: string;
  try {
    text = await readBodyText(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(request, error);
    throw error;
  }
  const body = bodySchema.safeParse(parseJson(text));
  if (!body.success) return Response.json({ error: { code: "phone-invalid" } }, { status: 400 });

  const result = await requestLoginCode({ phone: body.data.phone, ip: getClientIp(request.headers) });
  if (result.ok) return Response.json({ ok: true, resendAfterSeconds: result.resendAfterSeconds });

  switch (result.code) {
    case "phone-invalid":
      return Response.json({ error: { code: result.code } }, { status: 400 });
    case "rate-limited": {
      const retryAfterSeconds = result.retryAfterSeconds ?? 60;
      return Response.json(
        { error: { code: result.code, retryAfterSeconds } },
        { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
      );
    }
    case "sms-unavailable":
      return Response.json({ error: { code: result.code } }, { status: 503 });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
