/**
 * SMS texts. Providers in mainland China only send approved templates with a
 * registered signature (签名), so each message is a template id plus
 * parameters; the text below is what the demo outbox shows and what the
 * template registered with the provider should say.
 */
export const SMS_TEMPLATES = {
  "login-code": "【{sign}】您的验证码是 {code}，5分钟内有效。",
  // No status or health detail in an SMS (a phone's lock screen is not private): only the reference.
  "application-update": "【{sign}】您的临时救助申请 {reference} 有新进展，请登录一站助医查看。",
  // 政策找人: an invitation with help beats a notice; no amount or illness in the text, only the link.
  "monitoring-invite": "【{sign}】您可能可以申请医疗救助或临时救助，点此查看并申请：{link}",
} as const satisfies Record<string, string>;

export type SmsTemplateId = keyof typeof SMS_TEMPLATES;

export const DEFAULT_SIGN_NAME = "一站助医";

export function renderSms(template: string, params: Record<string, string>, signName: string = DEFAULT_SIGN_NAME): string {
  const text = (SMS_TEMPLATES as Record<string, string>)[template];
  if (!text) throw new Error(`Unknown SMS template "${template}"`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "sign") return signName;
    const value = params[name];
    if (value === undefined) throw new Error(`SMS template "${template}" needs parameter "${name}"`);
    return value;
  });
}
