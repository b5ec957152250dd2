export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STAGE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  new: { 'zh-CN': '新建', en: 'new' },
  contacting: { 'zh-CN': '联系中', en: 'contacting' },
  apologised: { 'zh-CN': '已致歉', en: 'apologised' },
  resolving: { 'zh-CN': '处理中', en: 'resolving' },
  compensating: { 'zh-CN': '补偿中', en: 'compensating' },
  replying: { 'zh-CN': '公开回复', en: 'replying' },
  watching: { 'zh-CN': '观察中', en: 'watching' },
  appealing: { 'zh-CN': '申诉中', en: 'appealing' },
  recorded: { 'zh-CN': '已归档', en: 'recorded' },
};

const FIELD_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  buyerId: { 'zh-CN': '买家ID', en: 'buyer id' },
  productModel: { 'zh-CN': '商品及型号', en: 'product and model' },
  rootCause: { 'zh-CN': '问题原因', en: 'root cause' },
  severity: { 'zh-CN': '严重程度', en: 'severity' },
  buyerType: { 'zh-CN': '买家类型', en: 'buyer type' },
  misclick: { 'zh-CN': '误评', en: 'mis-click' },
  actionsTaken: { 'zh-CN': '处理过程与沟通内容', en: 'what was done and said' },
  outcome: { 'zh-CN': '处理结果', en: 'outcome' },
  specialNotes: { 'zh-CN': '特别备注(买家性格等)', en: 'special notes (buyer temperament)' },
  appealResult: { 'zh-CN': '申诉结果', en: 'appeal result' },
  phone: { 'zh-CN': '手机号', en: 'phone number' },
  landline: { 'zh-CN': '座机号', en: 'landline number' },
  email: { 'zh-CN': '电子邮箱', en: 'e-mail address' },
  id_number: { 'zh-CN': '身份证号', en: 'ID number' },
  address: { 'zh-CN': '地址', en: 'address' },
  full_name: { 'zh-CN': '真实姓名', en: 'full name' },
  over_limit: { 'zh-CN': '超出限额', en: 'over the limit' },
  buyer_already_compensated: { 'zh-CN': '该买家近期已获补偿', en: 'buyer compensated recently' },
  compensationPaid: { 'zh-CN': '已批准的补偿尚未发放', en: 'an approved compensation is not paid yet' },
  order_number: { 'zh-CN': '订单号', en: 'order number' },
  chat_handle: { 'zh-CN': '微信/QQ号', en: 'WeChat or QQ account' },
};

const PLATFORM_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  taobao: { 'zh-CN': '淘宝', en: 'Taobao' },
  tmall: { 'zh-CN': '天猫', en: 'Tmall' },
  jd: { 'zh-CN': '京东', en: 'JD' },
  pinduoduo: { 'zh-CN': '拼多多', en: 'Pinduoduo' },
  douyin: { 'zh-CN': '抖音', en: 'Douyin' },
};

const COMPENSATION_STATUS_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  pending_approval: { 'zh-CN': '待主管审批', en: 'awaiting a lead' },
  approved: { 'zh-CN': '已批准', en: 'approved' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
  paid: { 'zh-CN': '已发放', en: 'paid' },
};

export function platformLabel(platform: string, locale: Locale): string {
  return PLATFORM_LABELS[platform]?.[locale] ?? platform;
}

export function compensationStatusLabel(status: string, locale: Locale): string {
  return COMPENSATION_STATUS_LABELS[status]?.[locale] ?? status;
}

export function stageLabel(stage: string, locale: Locale): string {
  return STAGE_LABELS[stage]?.[locale] ?? stage;
}

export function fieldLabel(field: string, locale: Locale): string {
  return FIELD_LABELS[field]?.[locale] ?? field;
}
