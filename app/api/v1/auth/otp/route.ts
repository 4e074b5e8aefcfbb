import { z } from "zod";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestLoginCode } from "@/lib/auth/otp";
import { apiError, apiMessage } from "@/lib/http/api-error";
import { BodyTooLargeError, bodyTooLargeResponse, readBodyText } from "@/lib/http/read-body";
import { requestLocale } from "@/lib/policy/request-locale";

const bodySchema = z.object({ phone: z.string() });

/** POST { phone, locale? } → send a sign-in code. Errors carry a code (the UI translates it) and a message in the body's script. */
export async function POST(request: Request): Promise<Response> {
  let text: string;
  try {
    text = await readBodyText(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(request, error);
    throw error;
  }
  const json = parseJson(text);
  const locale = requestLocale(json);
  const body = bodySchema.safeParse(json);
  const phoneInvalid = () => apiError(400, "phone-invalid", { locale, issues: [{ path: "phone", message: apiMessage("phone-invalid", locale) }] });
  if (!body.success) return phoneInvalid();

  const result = await requestLoginCode({ phone: body.data.phone, ip: getClientIp(request.headers) });
  if (result.ok) return Response.json({ ok: true, resendAfterSeconds: result.resendAfterSeconds });

  switch (result.code) {
    case "phone-invalid":
      return phoneInvalid();
    case "rate-limited": {
      const retryAfterSeconds = result.retryAfterSeconds ?? 60;
      return apiError(429, result.code, {
        locale,
        vars: { seconds: retryAfterSeconds },
        extra: { retryAfterSeconds },
        headers: { "Retry-After": String(retryAfterSeconds) },
      });
    }
    case "sms-unavailable":
      return apiError(503, result.code, { locale });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
