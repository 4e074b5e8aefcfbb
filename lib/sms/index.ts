import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isDemoMode, isProduction, readEnv, warnOnce, type ServerEnv } from "@/lib/config/env";
import { OutboxSmsSender } from "@/lib/sms/outbox";
import { isProviderConfigured, ProviderSmsSender, readProviderConfig } from "@/lib/sms/provider";
import { SmsUnavailableError, type SmsSender } from "@/lib/sms/types";

export { listOutbox, OutboxSmsSender, type OutboxEntry } from "@/lib/sms/outbox";
export { ProviderSmsSender, readProviderConfig, type ProviderSmsConfig } from "@/lib/sms/provider";
export { renderSms, SMS_TEMPLATES, type SmsTemplateId } from "@/lib/sms/templates";
export { SmsSendError, SmsUnavailableError, type SmsMessage, type SmsSender } from "@/lib/sms/types";

/**
 * Which sender this deployment uses:
 *  - demo mode (YIZHAN_DEMO=1): the outbox, even if a provider is configured;
 *  - any SMS_* variable set: the provider (all four must be valid);
 *  - otherwise outside production: the outbox, with a warning;
 *  - otherwise: SmsUnavailableError, so sign-in by code refuses to start.
 */
export function getSmsSender({ db, env = readEnv() }: { db: PrismaClient; env?: ServerEnv }): SmsSender {
  if (isDemoMode(env)) return new OutboxSmsSender(db);
  if (isProviderConfigured(env)) return new ProviderSmsSender(readProviderConfig(env));
  if (!isProduction(env)) {
    warnOnce("sms-outbox-dev", "[yizhan] No SMS provider configured: codes go to the SMS outbox and the server log (development only).");
    return new OutboxSmsSender(db);
  }
  throw new SmsUnavailableError(
    "No SMS provider configured (SMS_PROVIDER, SMS_API_URL, SMS_API_KEY, SMS_SIGN_NAME) and not in demo mode (YIZHAN_DEMO=1).",
  );
}
