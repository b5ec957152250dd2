import { PROMOTION_TRAP_CODES, promotionTrapLabel, type PromotionTrapCode } from '../campaigns/promotion-wording';
import { complianceCitation } from '../compliance/rules';
import { ROOT_CAUSES, SHOP_TIME_ZONE, type RootCause } from '../shared/vocabulary';
import { rootCauseLabel, subCauseLabel } from '../triage/sub-causes';
import { compensationStatusLabel, fieldLabel, platformLabel, stageLabel, type Locale } from './labels';
import { type Refusal, type RefusalCode, type RefusalParams } from './refusal';

type MessageBuilder = (params: RefusalParams, locale: Locale) => string;
type Bilingual = { 'zh-CN': MessageBuilder; en: MessageBuilder };

const str = (params: RefusalParams, key: string): string => {
  const value = params[key];
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
};

const list = (params: RefusalParams, key: string, locale: Locale): string => {
  const value = params[key];
  const items = Array.isArray(value) ? (value as readonly string[]) : [];
  return items.map((item) => fieldLabel(item, locale)).join(locale === 'zh-CN' ? '、' : ', ');
};

const ROBOT_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  dingtalk: { 'zh-CN': '钉钉', en: 'DingTalk' },
  wecom: { 'zh-CN': '企业微信', en: 'WeCom' },
  feishu: { 'zh-CN': '飞书', en: 'Feishu' },
};
const robotLabel = (platform: string, locale: Locale): string => ROBOT_LABELS[platform]?.[locale] ?? platform;
/** The allowed webhook prefixes, joined as alternatives (Feishu has two). */
const hosts = (params: RefusalParams, locale: Locale): string => {
  const value = params['hosts'];
  const items = Array.isArray(value) ? (value as readonly string[]) : [String(value ?? '')];
  return items.join(locale === 'zh-CN' ? ' 或 https://' : ' or https://');
};

const CHANNEL_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  im: { 'zh-CN': '旺旺/飞鸽', en: 'platform chat' },
  sms: { 'zh-CN': '短信', en: 'SMS' },
  phone: { 'zh-CN': '电话', en: 'phone' },
  platform_message: { 'zh-CN': '平台消息', en: 'platform message' },
  other: { 'zh-CN': '其他', en: 'another channel' },
};
const channels = (params: RefusalParams, key: string, locale: Locale): string => {
  const value = params[key];
  const items = Array.isArray(value) ? (value as readonly string[]) : [String(value ?? '')];
  return items.map((item) => CHANNEL_LABELS[item]?.[locale] ?? item).join(locale === 'zh-CN' ? '、' : ', ');
};

/** A list of texts already in the reader's language, joined with `separator`. */
const lines = (params: RefusalParams, key: string, separator: string): string => {
  const value = params[key];
  return (Array.isArray(value) ? (value as readonly string[]) : [str(params, key)]).join(separator);
};

const stage = (params: RefusalParams, key: string, locale: Locale): string => stageLabel(str(params, key), locale);

/** A moment (an ISO param) as people read it, in Beijing time, where the platforms' deadlines run. */
const moment = (params: RefusalParams, key: string, locale: Locale): string => {
  const at = new Date(str(params, key));
  if (Number.isNaN(at.getTime())) return str(params, key);
  const format = { timeZone: SHOP_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' } as const;
  return `${at.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', format)}${locale === 'zh-CN' ? ' 北京时间' : ' Beijing time'}`;
};

/** A list of stages by their names for people, never their ids. */
const stages = (params: RefusalParams, key: string, locale: Locale): string => {
  const value = params[key];
  const items = Array.isArray(value) ? (value as readonly string[]) : [str(params, key)];
  return items.map((item) => stageLabel(item, locale)).join(locale === 'zh-CN' ? '、' : ', ');
};

/** A root cause by its name for people; an unknown id (never expected) is shown as it is. */
const cause = (params: RefusalParams, key: string, locale: Locale): string => {
  const value = str(params, key);
  return (ROOT_CAUSES as readonly string[]).includes(value) ? rootCauseLabel(value as RootCause, locale) : value;
};

const SIGN_OFF_STEP_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  setter: { 'zh-CN': '设置人确认', en: "the setter's sign-off" },
  self_review: { 'zh-CN': '设置人自查', en: "the setter's self-review" },
  teammate: { 'zh-CN': '同事复核', en: "a teammate's check" },
  experience: { 'zh-CN': '体验组终审', en: "the experience team's check" },
};
const signOffStep = (params: RefusalParams, key: string, locale: Locale): string =>
  SIGN_OFF_STEP_LABELS[str(params, key)]?.[locale] ?? str(params, key);

/** Promotion traps by their names for people. */
const traps = (params: RefusalParams, locale: Locale): string => {
  const value = params['traps'];
  const items = Array.isArray(value) ? (value as readonly string[]) : [str(params, 'traps')];
  return items
    .map((item) =>
      (PROMOTION_TRAP_CODES as readonly string[]).includes(item)
        ? promotionTrapLabel(item as PromotionTrapCode, locale)
        : item,
    )
    .join(locale === 'zh-CN' ? '、' : '; ');
};

/** Every refusal code has a sentence in both languages; the compiler checks none is missing. */
const MESSAGES: Record<RefusalCode, Bilingual> = {
  'stage.transition_not_allowed': {
    'zh-CN': (p, l) => `不能从「${stage(p, 'from', l)}」转到「${stage(p, 'to', l)}」`,
    en: (p, l) => `A case cannot move from "${stage(p, 'from', l)}" to "${stage(p, 'to', l)}"`,
  },
  'stage.case_closed': {
    'zh-CN': () => '工单已归档，需主管重新打开后才能操作',
    en: () => 'The case is closed; a team lead must reopen it first',
  },
  'stage.wrong_stage': {
    'zh-CN': (p, l) => `当前阶段「${stage(p, 'stage', l)}」不能执行此操作(需在:${stages(p, 'allowed', l)})`,
    en: (p, l) =>
      `This action is not available in stage "${stage(p, 'stage', l)}" (allowed: ${stages(p, 'allowed', l)})`,
  },
  'contact.do_not_contact': {
    'zh-CN': () => '买家已要求不再联系，所有外呼渠道已停止',
    en: () => 'The buyer asked not to be contacted; all outbound channels are stopped',
  },
  'contact.phone_limit_reached': {
    'zh-CN': (p) => `第${str(p, 'attempt')}次电话超出上限(${str(p, 'max')}次)`,
    en: (p) => `Call number ${str(p, 'attempt')} exceeds the limit of ${str(p, 'max')} calls per case`,
  },
  'contact.quiet_hours': {
    'zh-CN': (p) =>
      `买家当地时间${str(p, 'localTime')}处于免打扰时段(${str(p, 'start')}–${str(p, 'end')})，请稍后再联系`,
    en: (p) =>
      `It is ${str(p, 'localTime')} for the buyer, inside quiet hours (${str(p, 'start')}–${str(p, 'end')}); contact them later`,
  },
  'contact.lunch_rest': {
    'zh-CN': (p) => `买家当地时间${str(p, 'localTime')}是午休时间(${str(p, 'start')}–${str(p, 'end')})，请勿来电`,
    en: (p) =>
      `It is ${str(p, 'localTime')} for the buyer, their lunch rest (${str(p, 'start')}–${str(p, 'end')}); do not call now`,
  },
  'contact.too_soon': {
    'zh-CN': (p) => `距上次电话仅${str(p, 'minutesSince')}分钟，至少间隔${str(p, 'minMinutes')}分钟`,
    en: (p) =>
      `Only ${str(p, 'minutesSince')} minutes since the last call; wait at least ${str(p, 'minMinutes')} minutes`,
  },
  'contact.not_reached': {
    'zh-CN': () => '尚未联系上买家，不能记录道歉',
    en: () => 'The buyer has not been reached yet, so no apology can be recorded',
  },
  'contact.attempts_not_exhausted': {
    'zh-CN': (p) => `联系尝试尚未用尽(${str(p, 'attempts')}/${str(p, 'needed')})，买家也未拒绝沟通`,
    en: (p) =>
      `Contact attempts are not exhausted (${str(p, 'attempts')}/${str(p, 'needed')}) and the buyer has not refused`,
  },
  'root_cause.not_confirmed': {
    'zh-CN': () => '请先与买家确认问题原因',
    en: () => 'Confirm the root cause with the buyer first',
  },
  'remedy.missing': {
    'zh-CN': () => '请先登记解决方案',
    en: () => 'Record the remedy first',
  },
  'remedy.not_done': {
    'zh-CN': () => '解决方案尚未完成',
    en: () => 'The remedy is not done yet',
  },
  'compensation.malicious_case': {
    'zh-CN': () =>
      '该工单被判定为恶意评价(恶意索赔、同行陷害等)，不能给予任何补偿；如判定有误，请在「分诊」中更正问题原因',
    en: () =>
      'This case is a malicious review (extortion, a competitor…): no compensation can be given. If that is wrong, correct the root cause under Triage',
  },
  'compensation.tied_to_review': {
    'zh-CN': (p, l) =>
      `补偿说明把利益与评价挂钩(「${str(p, 'phrase')}」)：${complianceCitation(str(p, 'rule'), l)}。补偿只能作为解决买家问题的措施`,
    en: (p, l) =>
      `The compensation text ties a benefit to the review ("${str(p, 'phrase')}"): ${complianceCitation(str(p, 'rule'), l)}. Compensation may only remedy the buyer's problem`,
  },
  'compensation.invalid_amount': {
    'zh-CN': () => '补偿金额必须是大于0的整数(单位:分)',
    en: () => 'The amount must be a positive whole number of fen',
  },
  'compensation.not_found': {
    'zh-CN': () => '找不到该补偿记录',
    en: () => 'No such compensation on this case',
  },
  'compensation.not_pending_approval': {
    'zh-CN': (p, l) => `该补偿当前状态为「${compensationStatusLabel(str(p, 'status'), l)}」，无需审批`,
    en: (p, l) => `This compensation is "${compensationStatusLabel(str(p, 'status'), l)}", not waiting for approval`,
  },
  'compensation.approval_required': {
    'zh-CN': (p, l) => `该补偿需主管审批后才能发放(${list(p, 'reasons', l)})`,
    en: (p, l) => `A team lead must approve this compensation before it is paid (${list(p, 'reasons', l)})`,
  },
  'compensation.rejected': {
    'zh-CN': () => '该补偿已被驳回，不能发放',
    en: () => 'This compensation was rejected and cannot be paid',
  },
  'compensation.already_paid': {
    'zh-CN': () => '该补偿已发放，不能重复发放',
    en: () => 'This compensation has already been paid',
  },
  'compensation.awaiting_decision': {
    'zh-CN': () => '还有一笔补偿等待主管审批，请等主管批准或驳回后再继续',
    en: () => 'A compensation is still waiting for a team lead; wait until it is approved or rejected',
  },
  'reply.already_published': {
    'zh-CN': (p) => `该${str(p, 'target') === 'follow_up' ? '追评' : '评价'}已发布过公开回复，平台只允许回复一次`,
    en: (p) =>
      `A public reply to this ${str(p, 'target') === 'follow_up' ? 'follow-up review' : 'review'} is already published; platforms allow one`,
  },
  'reply.platform_reply_exists': {
    'zh-CN': () => '该评价在平台上已有商家回复，平台只允许回复一次',
    en: () => 'The review already carries a seller reply on the platform; platforms allow one',
  },
  'reply.personal_data': {
    'zh-CN': (p, l) => `回复中含有买家个人信息(${list(p, 'kinds', l)})，公开回复不得泄露`,
    en: (p, l) => `The reply contains personal data (${list(p, 'kinds', l)}), which must never appear in public`,
  },
  'reply.abusive': {
    'zh-CN': (p) => `回复含有不当用语(「${str(p, 'phrase')}」)`,
    en: (p) => `The reply contains abusive wording ("${str(p, 'phrase')}")`,
  },
  'reply.tied_to_review': {
    'zh-CN': (p, l) =>
      `公开回复不能提好评、改评、删评或返现(「${str(p, 'phrase')}」)：${complianceCitation(str(p, 'rule'), l)}。公开回复只说明问题和处理结果`,
    en: (p, l) =>
      `A public reply may not ask for a good, changed or deleted review or offer anything for one ("${str(p, 'phrase')}"): ${complianceCitation(str(p, 'rule'), l)}. A public reply explains the problem and what was done`,
  },
  'reply.invalid_length': {
    'zh-CN': (p) => `回复需为1–${str(p, 'max')}个字`,
    en: (p) => `A reply must be 1–${str(p, 'max')} characters`,
  },
  'reply.not_found': {
    'zh-CN': () => '找不到该回复草稿',
    en: () => 'No such reply draft on this case',
  },
  'reply.no_follow_up': {
    'zh-CN': () => '买家没有追评，不能回复追评',
    en: () => 'The buyer has not added a follow-up review to reply to',
  },
  'reply.not_published': {
    'zh-CN': () => '公开回复尚未发布',
    en: () => 'The public reply has not been published yet',
  },
  'reply.sending': {
    'zh-CN': () => '回复正在发送到平台，请等待平台的结果',
    en: () => "The reply is on its way to the platform; wait for the platform's answer",
  },
  'appeal.not_flagged_malicious': {
    'zh-CN': () => '只有标记为恶意评价的工单才能申诉，请说明恶意类型',
    en: () => 'Only a case flagged as malicious can be appealed; give the kind of malice',
  },
  'appeal.deadline_passed': {
    'zh-CN': (p, l) => `申诉期限已过(截止${moment(p, 'deadline', l)})，平台不再受理申诉`,
    en: (p, l) =>
      `The appeal deadline has passed (${moment(p, 'deadline', l)}); the platform no longer takes an appeal`,
  },
  'appeal.evidence_required': {
    'zh-CN': () => '申诉至少需要一项证据(截图、聊天记录编号等)',
    en: () => 'An appeal needs at least one piece of evidence (screenshot, chat log reference…)',
  },
  'appeal.already_filed': {
    'zh-CN': () => '该工单已提交过申诉',
    en: () => 'An appeal has already been filed for this case',
  },
  'appeal.not_filed': {
    'zh-CN': () => '尚未提交申诉',
    en: () => 'No appeal has been filed yet',
  },
  'appeal.result_already_recorded': {
    'zh-CN': () => '申诉结果已登记',
    en: () => 'The appeal result is already recorded',
  },
  'appeal.awaiting_result': {
    'zh-CN': () => '申诉已提交，请先登记平台的申诉结果',
    en: () => "The appeal is filed: record the platform's answer first",
  },
  'record.incomplete': {
    'zh-CN': (p, l) => `归档记录不完整，缺少:${list(p, 'missing', l)}`,
    en: (p, l) => `The record is incomplete; missing: ${list(p, 'missing', l)}`,
  },
  'script.incomplete': {
    'zh-CN': (p) =>
      `请先完成本阶段话术（已完成 ${str(p, 'done')}/${str(p, 'total')}），还差：${lines(p, 'missingZh', '；')}`,
    en: (p) =>
      `Finish this stage's script first (${str(p, 'done')} of ${str(p, 'total')} done); still to do: ${lines(p, 'missingEn', '; ')}`,
  },
  'script.check_by_action': {
    'zh-CN': (p) => `「${str(p, 'checkZh')}」由工单操作自动勾选，请执行对应操作而不是手动勾选`,
    en: (p) => `"${str(p, 'checkEn')}" is ticked by the action that records it: do that action instead of ticking it`,
  },
  'script.check_unknown': {
    'zh-CN': () => '该话术没有这个勾选项，请刷新页面后再勾选',
    en: () => 'This script has no such check-off; reload the page and tick again',
  },
  'script.not_followed': {
    'zh-CN': () => '这不是工单当前阶段使用的话术版本，请刷新页面后再勾选',
    en: () => 'This is not the script version the case follows in its current stage; reload the page and tick again',
  },
  'reopen.not_closed': {
    'zh-CN': () => '工单尚未归档，无需重新打开',
    en: () => 'The case is not closed, so there is nothing to reopen',
  },
  'reopen.reason_required': {
    'zh-CN': () => '重新打开工单时请写明原因',
    en: () => 'Give a reason for reopening the case',
  },
  'role.admin_required': {
    'zh-CN': () => '此操作需要管理员权限',
    en: () => 'Only an admin can do this',
  },
  'role.lead_required': {
    'zh-CN': () => '此操作需要客服主管权限',
    en: () => 'Only a team lead can do this',
  },
  'revision.platform_forbids': {
    'zh-CN': (p, l) => `${platformLabel(str(p, 'platform'), l)}平台规则禁止商家要求买家修改评价`,
    en: (p, l) => `The rules of ${platformLabel(str(p, 'platform'), l)} forbid sellers to ask for a review change`,
  },
  'revision.benefit_mentioned': {
    'zh-CN': (p) => `改评请求不得附带任何利益(「${str(p, 'phrase')}」)`,
    en: (p) => `A revision request must never carry a benefit ("${str(p, 'phrase')}")`,
  },
  'revision.already_requested': {
    'zh-CN': () => '已经向买家提出过一次改评请求，不能重复',
    en: () => 'The buyer has already been asked once; do not ask again',
  },
  'triage.reason_required': {
    'zh-CN': () => '修改系统判断时请写明原因，便于改进分诊规则',
    en: () => 'Say why you change the suggestion; the reasons are used to improve triage',
  },
  'triage.unchanged': {
    'zh-CN': (p, l) => `「${fieldLabel(str(p, 'field'), l)}」已经是这个值，无需修改`,
    en: (p, l) => `The ${fieldLabel(str(p, 'field'), l)} already has this value`,
  },
  'triage.invalid_sub_cause': {
    'zh-CN': (p, l) => `子原因「${subCauseLabel(str(p, 'subCause'), l)}」不属于「${cause(p, 'rootCause', l)}」`,
    en: (p, l) =>
      `Sub-cause "${subCauseLabel(str(p, 'subCause'), l)}" does not belong to "${cause(p, 'rootCause', l)}"`,
  },
  'triage.appeal_filed': {
    'zh-CN': () => '已按恶意评价向平台提交申诉，不能再改为非恶意；请先登记申诉结果',
    en: () => 'An appeal was filed calling this review malicious; record its result instead of changing the cause',
  },
  'triage.no_second_suggestion': {
    'zh-CN': () => '系统没有给出第二个原因建议，请直接选择原因并写明理由',
    en: () => 'Triage made no second suggestion; choose the cause yourself and say why',
  },
  'triage.not_second_suggestion': {
    'zh-CN': (p, l) => `第二建议是「${cause(p, 'rootCause', l)}」；选择其他原因时请写明理由`,
    en: (p, l) => `The second suggestion is "${cause(p, 'rootCause', l)}"; say why when you choose another cause`,
  },
  'assignment.reason_required': {
    'zh-CN': () => '改派工单时请写明原因',
    en: () => 'Give a reason for the reassignment',
  },
  'assignment.unchanged': {
    'zh-CN': () => '工单已经在这位客服名下',
    en: () => 'The case is already with this agent',
  },
  'assignment.already_taken': {
    'zh-CN': () => '这个工单刚被其他客服领取了，请从公共池另选一个',
    en: () => 'Another agent has just taken this case; pick another one from the pool',
  },
  'shift.agents_only': {
    'zh-CN': () => '只有客服有在班状态：自动分配只把新工单分给在班的客服',
    en: () => 'Only agents go on or off shift: assignment gives new cases to agents on shift',
  },
  'shift.not_your_agent': {
    'zh-CN': () => '只能调整自己或所管店铺客服的在班状态',
    en: () => 'You can change only your own shift or that of an agent in a shop you lead',
  },
  'assignment.agents_only': {
    'zh-CN': () => '只有客服可以从公共池领取工单；主管请用改派',
    en: () => 'Only agents take cases from the pool; a team lead reassigns instead',
  },
  'privacy.reason_required': {
    'zh-CN': () => '查看买家个人信息需写明与本工单相关的原因（至少 5 个字）',
    en: () => 'Say why this case needs the personal data (at least 5 characters)',
  },
  'privacy.not_assigned': {
    'zh-CN': () => '只有负责该工单的客服才能查看买家个人信息（先认领工单）',
    en: () => "Only the agent the case is assigned to may see the buyer's personal data (take the case first)",
  },
  'contact.reason_required': {
    'zh-CN': () => '请写明买家是怎么要求不再联系的',
    en: () => 'Say how the buyer asked not to be contacted',
  },
  'access.case_forbidden': {
    'zh-CN': () => '你无权处理这个工单：客服只能处理自己的工单和所属店铺公共池中的工单',
    en: () => 'You may not work this case: agents work their own cases and their shops’ pool',
  },
  'assignment.no_shop_access': {
    'zh-CN': () => '这位客服没有该店铺的权限，或不是客服角色',
    en: () => 'This user is not an agent of the case’s shop',
  },
  'care.text_not_allowed': {
    'zh-CN': (p, l) => `回访内容不能发送(「${str(p, 'phrase')}」)：${complianceCitation(str(p, 'rule'), l)}`,
    en: (p, l) => `The care message cannot be sent ("${str(p, 'phrase')}"): ${complianceCitation(str(p, 'rule'), l)}`,
  },
  'care.frequency_cap': {
    'zh-CN': (p, l) =>
      `${str(p, 'hoursSince')}小时前已给这位买家发过回访消息，每${str(p, 'gapHours')}小时最多主动联系一次；${moment(p, 'nextAt', l)}之后可再联系`,
    en: (p, l) =>
      `This buyer got a care message ${str(p, 'hoursSince')} hours ago; at most one proactive message per ${str(p, 'gapHours')} hours. Next possible after ${moment(p, 'nextAt', l)}`,
  },
  'care.task_closed': {
    'zh-CN': () => '这条回访已经结束，不能再记录',
    en: () => 'This care follow-up is already closed',
  },
  'care.problem_note_required': {
    'zh-CN': () => '发现问题时请写明买家反映的问题，工单会以此开立',
    en: () => 'Describe the problem the buyer reported; the case opens with it',
  },
  'care.message_required': {
    'zh-CN': () => '请填写发给买家的回访内容',
    en: () => 'Write the care message you send the buyer',
  },
  'care.invalid_schedule': {
    'zh-CN': (p) => `回访日需为签收后第1–${str(p, 'maxDay')}天之间互不相同的整数，最多${str(p, 'max')}次`,
    en: (p) =>
      `Care days must be different whole days from 1 to ${str(p, 'maxDay')} after delivery, at most ${str(p, 'max')}`,
  },
  'care.invalid_rate': {
    'zh-CN': () => '差评率门槛需在0%到100%之间',
    en: () => 'The negative-rate threshold must be between 0% and 100%',
  },
  'care.invalid_channels': {
    'zh-CN': () => '请至少选择一个回访渠道',
    en: () => 'Choose at least one channel for care follow-ups',
  },
  'care.channel_not_allowed': {
    'zh-CN': (p, l) =>
      `本店回访不使用${channels(p, 'channel', l)}；可用渠道：${channels(p, 'allowed', l)}（主管可在回访设置中调整）`,
    en: (p, l) =>
      `This shop's care follow-ups do not use ${channels(p, 'channel', l)}; allowed: ${channels(p, 'allowed', l)} (a lead can change this in the care settings)`,
  },
  'alerts.webhook_invalid': {
    'zh-CN': () => 'Webhook 地址无法识别，请从群机器人设置中完整复制',
    en: () => "The webhook address can't be read; copy it whole from the group robot's settings",
  },
  'alerts.webhook_not_https': {
    'zh-CN': () => 'Webhook 地址必须以 https:// 开头',
    en: () => 'The webhook address must start with https://',
  },
  'alerts.webhook_host_not_allowed': {
    'zh-CN': (p, locale) =>
      `${robotLabel(str(p, 'platform'), locale)}机器人的 Webhook 地址应以 https://${hosts(p, locale)} 开头`,
    en: (p, locale) =>
      `A ${robotLabel(str(p, 'platform'), locale)} robot's webhook address starts with https://${hosts(p, locale)}`,
  },
  'alerts.secret_required': {
    'zh-CN': (p, locale) =>
      `${robotLabel(str(p, 'platform'), locale)}机器人需填写加签密钥（在机器人安全设置中开启“加签”后复制）`,
    en: (p, locale) =>
      `A ${robotLabel(str(p, 'platform'), locale)} robot needs its signing secret (turn on signing in the robot's security settings and copy it)`,
  },
  'promotion.sign_off_out_of_order': {
    'zh-CN': (p, l) =>
      `活动规则需按顺序确认：现在应进行「${signOffStep(p, 'expected', l)}」，而不是「${signOffStep(p, 'step', l)}」`,
    en: (p, l) =>
      `Promotion rules are signed in order: ${signOffStep(p, 'expected', l)} comes next, not ${signOffStep(p, 'step', l)}`,
  },
  'promotion.already_signed_off': {
    'zh-CN': () => '该活动规则已完成全部四步确认；修改文案后需重新确认',
    en: () => 'These promotion rules have all four sign-offs; changing the wording starts them again',
  },
  'promotion.setter_required': {
    'zh-CN': (p, l) => `「${signOffStep(p, 'step', l)}」需由撰写当前文案的设置人本人完成`,
    en: (p, l) => `${signOffStep(p, 'step', l)} is done by the person who wrote the current wording`,
  },
  'promotion.different_person_required': {
    'zh-CN': (p, l) => `「${signOffStep(p, 'step', l)}」需由此前未参与确认的另一位同事完成`,
    en: (p, l) => `${signOffStep(p, 'step', l)} needs someone who has not signed these rules yet`,
  },
  'promotion.trap_blocking': {
    'zh-CN': (p, l) => `活动文案存在必须修改的问题：${traps(p, l)}；修改后再确认`,
    en: (p, l) => `The promotion wording must be fixed first: ${traps(p, l)}`,
  },
  'promotion.trap_not_acknowledged': {
    'zh-CN': (p, l) => `活动文案有待处理的风险：${traps(p, l)}；请修改文案或写明确认理由`,
    en: (p, l) => `The promotion wording has open risks: ${traps(p, l)}; fix the wording or write why it is acceptable`,
  },
  'forecast.invalid_hour': {
    'zh-CN': () => '预计订单的时间需为整点（例如 2026-11-11T10:00:00+08:00），且同一小时只能出现一次',
    en: () => 'Expected-order times must be whole hours (e.g. 2026-11-11T10:00:00+08:00), each hour at most once',
  },
  'forecast.too_many_hours': {
    'zh-CN': (p) => `活动预测最多覆盖${str(p, 'max')}小时（31天），请缩短活动时间段`,
    en: (p) => `A campaign forecast covers at most ${str(p, 'max')} hours (31 days); shorten the campaign window`,
  },
  'forecast.invalid_orders': {
    'zh-CN': (p) => `每小时预计订单数需为0到${str(p, 'max')}之间的数字`,
    en: (p) => `Expected orders per hour must be a number from 0 to ${str(p, 'max')}`,
  },
  'forecast.invalid_rate': {
    'zh-CN': () => '各原因的历史差评率需在0%到100%之间',
    en: () => "Each cause's historical negative-review rate must be between 0% and 100%",
  },
  'forecast.invalid_delay': {
    'zh-CN': (p) => `下单到评价的间隔需为0到${str(p, 'maxHours')}小时的整数小时，各间隔占比不为负且合计为100%`,
    en: (p) =>
      `Order-to-review delays must be whole hours from 0 to ${str(p, 'maxHours')}, with non-negative shares adding up to 100%`,
  },
  'forecast.invalid_handling': {
    'zh-CN': (p) => `每单处理时长需大于0且不超过${str(p, 'maxMinutes')}分钟，饱和度需大于0且不超过100%`,
    en: (p) =>
      `Minutes per case must be above 0 and at most ${str(p, 'maxMinutes')}, and occupancy above 0% and at most 100%`,
  },
  'forecast.no_rates': {
    'zh-CN': (p) =>
      `近${str(p, 'days')}天内关联到订单的评价工单只有${str(p, 'linkedCases')}个（至少需${str(p, 'minCases')}个），且活动未填写各原因差评率：请新建活动时填写差评率`,
    en: (p) =>
      `Only ${str(p, 'linkedCases')} review cases of the last ${str(p, 'days')} days are linked to orders (at least ${str(p, 'minCases')} needed) and the campaign gives no negative rates: create it with negative rates by cause`,
  },
  'forecast.history_incomplete': {
    'zh-CN': (p) =>
      `近${str(p, 'days')}天内有下单时间的订单只有${str(p, 'orders')}个，却关联了${str(p, 'linkedCases')}个评价工单，订单记录不全：请导入这段时间的订单报表，或新建活动时填写各原因差评率`,
    en: (p) =>
      `Only ${str(p, 'orders')} orders of the last ${str(p, 'days')} days have an order time, yet ${str(p, 'linkedCases')} review cases are linked to them, so the order history is incomplete: import the order exports of those days, or create the campaign with negative rates by cause`,
  },
  'roster.invalid_shifts': {
    'zh-CN': (p) => `班次起点需为0–23点之间互不相同的整点，每班时长不超过每24小时工时上限（${str(p, 'max')}小时）`,
    en: (p) =>
      `Shift starts must be different whole hours from 0 to 23, each shift no longer than the cap of ${str(p, 'max')} hours per 24 hours`,
  },
  'roster.campaign_over': {
    'zh-CN': () => '该活动排班的所有班次都已结束，无法再采用：请为下一场活动新建排班',
    en: () =>
      "Every shift of this campaign's roster has ended, so it can no longer be adopted: plan the next campaign instead",
  },
  'roster.nothing_planned': {
    'zh-CN': () => '该活动的预测没有任何班次可采用（活动未填写每小时预计订单）：请新建活动时填写预计订单',
    en: () =>
      "The campaign's forecast plans no shift to adopt (the campaign gives no expected orders per hour): create it with expected orders",
  },
  'roster.invalid_need': {
    'zh-CN': (p) => `排班需求需为非负整数人数，最多${str(p, 'maxHours')}小时、${str(p, 'maxAgents')}名客服`,
    en: (p) =>
      `Staffing needs must be whole, non-negative numbers of agents, for at most ${str(p, 'maxHours')} hours and ${str(p, 'maxAgents')} agents`,
  },
  'quiz.invalid_count': {
    'zh-CN': (p) => `测验需有1到${str(p, 'max')}道题`,
    en: (p) => `A quiz has 1 to ${str(p, 'max')} questions`,
  },
  'quiz.invalid_question': {
    'zh-CN': (p) =>
      `第${str(p, 'number')}题不完整：题干1–${str(p, 'maxPrompt')}字，${str(p, 'minChoices')}–${str(p, 'maxChoices')}个互不相同的选项（每个1–${str(p, 'maxChoice')}字），并选定正确答案`,
    en: (p) =>
      `Question ${str(p, 'number')} is incomplete: a prompt of 1–${str(p, 'maxPrompt')} characters, ${str(p, 'minChoices')}–${str(p, 'maxChoices')} different choices (1–${str(p, 'maxChoice')} characters each) and the right answer marked`,
  },
  'quiz.answers_mismatch': {
    'zh-CN': (p) => `请为全部${str(p, 'total')}道题各选一个选项后再提交`,
    en: (p) => `Choose one option for each of the ${str(p, 'total')} questions before submitting`,
  },
  'campaign.no_promotions': {
    'zh-CN': () => '活动还没有活动规则；先添加规则并完成四步确认，再发布测验',
    en: () => 'The campaign has no promotion rules yet; add them and get the four sign-offs before publishing the quiz',
  },
  'campaign.promotions_not_signed_off': {
    'zh-CN': (p) => `还有${str(p, 'count')}条活动规则未完成四步确认；全部确认后才能发布测验`,
    en: (p) =>
      `${str(p, 'count')} promotion rule(s) still lack their four sign-offs; the quiz is published once all are signed`,
  },
  'campaign.invalid_name': {
    'zh-CN': (p) => `活动名称需为1到${str(p, 'max')}个字`,
    en: (p) => `A campaign name has 1 to ${str(p, 'max')} characters`,
  },
  'campaign.invalid_window': {
    'zh-CN': (p) => `活动结束时间需晚于开始时间，且活动最长${str(p, 'maxDays')}天`,
    en: (p) => `A campaign ends after it starts and lasts at most ${str(p, 'maxDays')} days`,
  },
  'campaign.invalid_peak': {
    'zh-CN': () => '高峰时段需在活动时间之内，且结束晚于开始',
    en: () => 'The peak window lies inside the campaign and ends after it starts',
  },
  'campaign.hour_outside': {
    'zh-CN': () => '预计订单的每个小时都需在活动时间之内',
    en: () => 'Every hour of expected orders lies inside the campaign',
  },
  'quiz.not_published': {
    'zh-CN': () => '该活动的测验尚未发布，请等主管发布后再作答',
    en: () => 'The quiz of this campaign is not published yet; take it once your lead publishes it',
  },
  'quiz.attempts_exhausted': {
    'zh-CN': (p) => `每人最多作答${str(p, 'max')}次，次数已用完；请向主管了解活动规则`,
    en: (p) =>
      `Each person may take the quiz at most ${str(p, 'max')} times, and yours are used; ask your lead about the rules`,
  },
  'quiz.too_soon': {
    'zh-CN': (p) => `请先看清题目：${str(p, 'seconds')}秒后可再次作答`,
    en: (p) => `Read the questions first: you can try again in ${str(p, 'seconds')} seconds`,
  },
};

export function refusalMessage(value: Refusal, locale: Locale = 'zh-CN'): string {
  return MESSAGES[value.code][locale](value.params, locale);
}
