import type { PrismaClient } from "../generated/prisma/client";
import { isDemoMode, isProduction, readEnv, warnOnce, type ServerEnv } from "../config/env";
import { OutboxSmsSender } from "./outbox";
import { isProviderConfigured, ProviderSmsSender, readProviderConfig } from "./provider";
import { SmsUnavailableError, type SmsSender } from "./types";

export { listOutbox, OutboxSmsSender, type OutboxEntry } from "./outbox";
export { ProviderSmsSender, readProviderConfig, type ProviderSmsConfig } from "./provider";
export { renderSms, SMS_TEMPLATES, type SmsTemplateId } from "./templates";
export { SmsSendError, SmsUnavailableError, type SmsMessage, type SmsSender } from "./types";

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
