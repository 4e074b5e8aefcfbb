import { z } from "zod";
import type { ServerEnv } from "@/lib/config/env";
import { maskPhone } from "@/lib/crypto/mask";
import { SmsSendError, SmsUnavailableError, type SmsMessage, type SmsSender } from "@/lib/sms/types";

/**
 * Production sender: one JSON POST per message to SMS_API_URL, an HTTP
 * gateway in front of the contracted provider (阿里云短信, 腾讯云短信, …):
 *
 *   POST $SMS_API_URL
 *   Authorization: Bearer $SMS_API_KEY
 *   { "provider": $SMS_PROVIDER, "signName": $SMS_SIGN_NAME,
 *     "to": "13800000001", "template": "login-code", "params": { "code": "123456" } }
 *   → 2xx { "id": "…" }   (or "messageId")
 */
export interface ProviderSmsConfig {
  provider: string;
  apiUrl: string;
  apiKey: string;
  signName: string;
}

const SMS_ENV_KEYS = ["SMS_PROVIDER", "SMS_API_URL", "SMS_API_KEY", "SMS_SIGN_NAME"] as const;

const apiUrlSchema = z.url().refine((value) => {
  const url = new URL(value);
  // Plain HTTP only to a gateway on the same machine.
  return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
}, "SMS_API_URL must be https:// (http:// only for localhost)");

/** True when any SMS_* variable is set: the deployment means to use a provider. */
export function isProviderConfigured(env: ServerEnv): boolean {
  return SMS_ENV_KEYS.some((key) => env[key] !== undefined);
}

/** The provider settings, or SmsUnavailableError naming what is missing or wrong. */
export function readProviderConfig(env: ServerEnv): ProviderSmsConfig {
  const missing = SMS_ENV_KEYS.filter((key) => env[key] === undefined);
  if (missing.length > 0) throw new SmsUnavailableError(`SMS provider is not configured: missing ${missing.join(", ")}`);
  const url = apiUrlSchema.safeParse(env.SMS_API_URL);
  if (!url.success) throw new SmsUnavailableError(url.error.issues[0]?.message ?? "SMS_API_URL is not a valid URL");
  return { provider: env.SMS_PROVIDER!, apiUrl: url.data, apiKey: env.SMS_API_KEY!, signName: env.SMS_SIGN_NAME! };
}

const responseSchema = z.union([z.object({ id: z.string().min(1) }), z.object({ messageId: z.string().min(1) })]);

export class ProviderSmsSender implements SmsSender {
  constructor(
    private readonly config: ProviderSmsConfig,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: SmsMessage): Promise<{ id: string }> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.config.apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.config.apiKey}` },
        body: JSON.stringify({
          provider: this.config.provider,
          signName: this.config.signName,
          to: message.to,
          template: message.template,
          params: message.params,
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SmsSendError(`SMS gateway unreachable for ${maskPhone(message.to)}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new SmsSendError(`SMS gateway answered ${response.status} for ${maskPhone(message.to)}`);
    const parsed = responseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new SmsSendError("SMS gateway answer has no message id");
    return { id: "id" in parsed.data ? parsed.data.id : parsed.data.messageId };
  }
}
