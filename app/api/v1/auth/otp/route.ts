import { z } from "zod";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestLoginCode } from "@/lib/auth/otp";

const bodySchema = z.object({ phone: z.string() });

/** POST { phone } → send a sign-in code. Error codes are translated by the UI. */
export async function POST(request: Request): Promise<Response> {
  const body = bodySchema.safeParse(await request.json().catch(() => null));
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
