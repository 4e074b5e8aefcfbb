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
  // A class teacher's invitation: no pupil data, only where to sign in.
  "teacher-invite": "【{sign}】学校邀请您作为班主任使用一站助医，查看本班学生参保进度。请用本手机号在“班主任登录”({path})获取验证码登录。",
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
