import type { Locale } from '../refusals/labels';
import type { RootCause } from '../shared/vocabulary';

/** Who outside after-sales can remove the cause of a complaint (DESIGN §6). */
export const DEPARTMENTS = ['product_qc', 'warehouse_logistics', 'service_training', 'operations_listing'] as const;
export type Department = (typeof DEPARTMENTS)[number];

const DEPARTMENT_BY_CAUSE: Readonly<Record<RootCause, Department>> = {
  product_quality: 'product_qc',
  not_as_described: 'operations_listing',
  size_fit: 'operations_listing',
  price_value: 'operations_listing',
  logistics_delay: 'warehouse_logistics',
  logistics_damage: 'warehouse_logistics',
  service_attitude: 'service_training',
  refund_dispute: 'service_training',
  promotion_rules: 'operations_listing',
  malicious: 'service_training',
  other: 'service_training',
};

const DEPARTMENT_LABELS: Readonly<Record<Department, Readonly<Record<Locale, string>>>> = {
  product_qc: { 'zh-CN': '产品/质检', en: 'product and QC' },
  warehouse_logistics: { 'zh-CN': '仓储/物流', en: 'warehouse and logistics' },
  service_training: { 'zh-CN': '客服培训', en: 'service training' },
  operations_listing: { 'zh-CN': '运营/商品详情页', en: 'operations and listings' },
};

/** What the department should do about the cause, one line per cause for the monthly report. */
const ACTION_LINES: Readonly<Record<RootCause, Readonly<Record<Locale, string>>>> = {
  product_quality: {
    'zh-CN': '质检抽检问题批次，必要时联系供应商整改或下架',
    en: 'inspect the affected batches; have the supplier fix them or take the item off sale',
  },
  not_as_described: {
    'zh-CN': '核对详情页图片、参数与实物，修改不符之处',
    en: 'check the listing photos and specs against the real item and correct what differs',
  },
  size_fit: {
    'zh-CN': '补充尺码表与试穿说明，标出偏大偏小',
    en: 'add a size chart and fit notes; say when an item runs large or small',
  },
  price_value: {
    'zh-CN': '复盘定价与活动节奏，避免买后即降价',
    en: 'review pricing and promotion timing so prices do not drop right after purchase',
  },
  logistics_delay: {
    'zh-CN': '检查发货时效与快递线路，必要时更换快递',
    en: 'check dispatch times and carrier routes; change carriers where needed',
  },
  logistics_damage: {
    'zh-CN': '加固包装，与快递核对破损理赔',
    en: 'strengthen the packaging and settle damage claims with the carrier',
  },
  service_attitude: {
    'zh-CN': '复听相关对话，针对性培训客服',
    en: 'review the conversations concerned and train the agents involved',
  },
  refund_dispute: {
    'zh-CN': '梳理退换货与退款流程，缩短处理时间',
    en: 'simplify the return and refund process and shorten its turnaround',
  },
  promotion_rules: {
    'zh-CN': '简化活动规则，赠品与优惠券发放要可核对',
    en: 'simplify promotion rules; make gifts and coupons traceable',
  },
  malicious: {
    'zh-CN': '留存证据，按平台规则申诉',
    en: 'keep the evidence and appeal under the platform rules',
  },
  other: {
    'zh-CN': '抽查原因不明的工单，完善分类',
    en: 'sample the unclear cases and improve the classification',
  },
};

export function departmentFor(cause: RootCause): Department {
  return DEPARTMENT_BY_CAUSE[cause];
}

export function departmentLabel(department: Department, locale: Locale): string {
  return DEPARTMENT_LABELS[department][locale];
}

/** The report's "who should act" line: the department and what it should do. */
export function whoShouldAct(cause: RootCause, locale: Locale): string {
  const department = departmentLabel(departmentFor(cause), locale);
  return locale === 'zh-CN'
    ? `${department}：${ACTION_LINES[cause][locale]}`
    : `${department}: ${ACTION_LINES[cause][locale]}`;
}
