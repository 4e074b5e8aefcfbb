export interface SmsMessage {
  /** Mainland mobile number, normalised ("13800000001"). */
  to: string;
  /** Template id, e.g. "login-code" (see templates.ts). */
  template: string;
  params: Record<string, string>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<{ id: string }>;
}

/** No way to send SMS is configured: sign-in by code must not start. */
export class SmsUnavailableError extends Error {
  override name = "SmsUnavailableError";
}

/** The provider refused or could not be reached. */
export class SmsSendError extends Error {
  override name = "SmsSendError";
}
