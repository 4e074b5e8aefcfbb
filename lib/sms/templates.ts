/**
 * SMS texts. Providers in mainland China only send approved templates with a
 * registered signature (签名), so each message is a template id plus
 * parameters; the text below is what the demo outbox shows and what the
 * template registered with the provider should say.
 */
export const SMS_TEMPLATES = {
  "login-code": "【{sign}】您的验证码是 {code}，5分钟内有效。",
  // Application messages, one approved set per script (the applicant's, Citizen.preferredScript). A phone's lock
  // screen is not private: no status, amount, programme or health detail — only the reference, what the applicant
  // has to do and by when. The zh-Hant set is the generated standard of the zh-Hans one (a unit test checks).
  "application-submitted.zh-Hans": "【{sign}】您的申请 {reference} 已收到。请记下这个编号，登录一站助医可以查看办理进度。",
  "application-update.zh-Hans": "【{sign}】您的申请 {reference} 有新进展，您暂时不需要做什么，登录一站助医可以查看详情。",
  "application-correction.zh-Hans": "【{sign}】您的申请 {reference} 需要您在 {date} 前补交材料，请登录一站助医查看要交哪些材料。",
  "application-submitted.zh-Hant": "【{sign}】您的申請 {reference} 已收到。請記下這個編號，登錄一站助醫可以查看辦理進度。",
  "application-update.zh-Hant": "【{sign}】您的申請 {reference} 有新進展，您暫時不需要做什麼，登錄一站助醫可以查看詳情。",
  "application-correction.zh-Hant": "【{sign}】您的申請 {reference} 需要您在 {date} 前補交材料，請登錄一站助醫查看要交哪些材料。",
  // 与家人共享进度: the family member is told how to look, in the applicant's script; nothing about the application
  // itself (no reference, name, status, amount or illness) reaches a lock screen.
  "family-invite.zh-Hans": "【{sign}】您的家人把一份申请的办理进度共享给了您。请用本手机号登录一站助医，在“我的”里查看。",
  "family-invite.zh-Hant": "【{sign}】您的家人把一份申請的辦理進度共享給了您。請用本手機號登錄一站助醫，在“我的”裡查看。",
  // 窗口帮办: the applicant's consent by a code they read out to the desk worker (lib/desk/consent-code.ts). What they
  // agree to, and a warning not to give the code to anyone when they are not at the desk themselves; no programme word.
  "desk-consent.zh-Hans": "【{sign}】您同意窗口工作人员帮您办理申请并核对家庭经济状况，请把验证码 {code} 告诉工作人员，5分钟内有效。您本人不在窗口时，请不要告诉任何人。",
  "desk-consent.zh-Hant": "【{sign}】您同意窗口工作人員幫您辦理申請並核對家庭經濟狀況，請把驗證碼 {code} 告訴工作人員，5分鐘內有效。您本人不在窗口時，請不要告訴任何人。",
  // A class teacher's invitation: no pupil data, only where to sign in.
  "teacher-invite": "【{sign}】学校邀请您作为班主任使用一站助医，查看本班学生参保进度。请用本手机号在“班主任登录”({path})获取验证码登录。",
  // 政策找人: an invitation with help beats a notice; no amount or illness in the text, only the link. One per
  // script, like the application set (Citizen.preferredScript when the person has an account).
  "monitoring-invite.zh-Hans": "【{sign}】您可能可以申请医疗救助或临时救助，点此查看并申请：{link}",
  "monitoring-invite.zh-Hant": "【{sign}】您可能可以申請醫療救助或臨時救助，點此查看並申請：{link}",
  // 专班: the parent's invitation to apply. Nothing on the lock screen about the child's illness or any programme:
  // only that the school asks them to fill in an application, and the link (lib/schools/zhuanban/cases.ts).
  "school-case-invite.zh-Hans": "【{sign}】孩子所在的学校请您在一站助医填写一份申请，请用本手机号登录后继续：{link}",
  "school-case-invite.zh-Hant": "【{sign}】孩子所在的學校請您在一站助醫填寫一份申請，請用本手機號登錄後繼續：{link}",
} as const satisfies Record<string, string>;

export type SmsTemplateId = keyof typeof SMS_TEMPLATES;

export const SMS_SCRIPTS = ["zh-Hans", "zh-Hant"] as const;
export type SmsScript = (typeof SMS_SCRIPTS)[number];

/** The applicant's script as stored (anything else, or nothing, is zh-Hans). */
export function smsScript(stored: string | null | undefined): SmsScript {
  return stored === "zh-Hant" ? "zh-Hant" : "zh-Hans";
}

/** A date the way an SMS gives it in either script: "12月18日" (the year is the current one, or the next). */
export function smsDate(isoDate: string): string {
  const [, month, day] = isoDate.split("-");
  return `${Number(month)}月${Number(day)}日`;
}

/**
 * Which application template a notification sends, with its parameters: 补正 says by when (it falls back to the
 * plain update if the row has no date), submission confirms the reference, anything else says there is news.
 */
export function applicationSms(kind: string, params: { reference?: string; dueOn?: string | null }, script: SmsScript): { template: SmsTemplateId; params: Record<string, string> } {
  const reference = params.reference ?? "";
  if (kind === "correction-requested" && params.dueOn) return { template: `application-correction.${script}`, params: { reference, date: smsDate(params.dueOn) } };
  if (kind === "submitted") return { template: `application-submitted.${script}`, params: { reference } };
  return { template: `application-update.${script}`, params: { reference } };
}

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
