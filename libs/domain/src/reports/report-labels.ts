import type { Locale } from '../refusals/labels';
import type { CompensationType } from '../shared/vocabulary';
import type { ActionItemStatus } from './action-items';
import type { ReportOutcome } from './monthly-report';

type Labels = Readonly<Record<Locale, string>>;

const OUTCOME_LABELS: Readonly<Record<ReportOutcome, Labels>> = {
  revised: { 'zh-CN': '买家已改评', en: 'revised by the buyer' },
  deleted: { 'zh-CN': '评价已删除', en: 'deleted' },
  appeal_won: { 'zh-CN': '申诉成功', en: 'appeal won' },
  replied: { 'zh-CN': '已公开回复', en: 'replied publicly' },
  unresolved: { 'zh-CN': '未解决', en: 'unresolved' },
};

const COMPENSATION_LABELS: Readonly<Record<CompensationType, Labels>> = {
  coupon: { 'zh-CN': '优惠券', en: 'coupon' },
  cash: { 'zh-CN': '现金红包', en: 'cash (red packet)' },
  gift: { 'zh-CN': '礼品', en: 'gift' },
  free_shipping: { 'zh-CN': '下单包邮', en: 'free shipping' },
  membership_upgrade: { 'zh-CN': '会员升级', en: 'membership upgrade' },
  next_order_discount: { 'zh-CN': '下单折扣', en: 'next-order discount' },
};

const STATUS_LABELS: Readonly<Record<ActionItemStatus, Labels>> = {
  open: { 'zh-CN': '待开始', en: 'open' },
  in_progress: { 'zh-CN': '进行中', en: 'in progress' },
  done: { 'zh-CN': '已完成', en: 'done' },
};

/** Headings and column names of the exported report (CSV, XLSX, PDF). */
const REPORT_TEXT = {
  title: { 'zh-CN': '差评原因月报', en: 'Monthly root-cause report' },
  overview: { 'zh-CN': '概览', en: 'Overview' },
  month: { 'zh-CN': '月份', en: 'Month' },
  cases: { 'zh-CN': '差评/中评工单', en: 'Cases' },
  previous: { 'zh-CN': '上月', en: 'Previous month' },
  change: { 'zh-CN': '变化', en: 'Change' },
  share: { 'zh-CN': '占比', en: 'Share' },
  causes: { 'zh-CN': '问题原因', en: 'Root causes' },
  cause: { 'zh-CN': '原因', en: 'Cause' },
  subCause: { 'zh-CN': '细分原因', en: 'Sub-cause' },
  whoShouldAct: { 'zh-CN': '谁来改进', en: 'Who should act' },
  unclassified: { 'zh-CN': '未分类', en: 'unclassified' },
  products: { 'zh-CN': '投诉最多的商品', en: 'Most complained-about products' },
  product: { 'zh-CN': '商品', en: 'Product' },
  sku: { 'zh-CN': 'SKU', en: 'SKU' },
  skus: { 'zh-CN': '投诉最多的 SKU', en: 'Most complained-about SKUs' },
  complaints: { 'zh-CN': '投诉', en: 'Complaints' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  perThousand: { 'zh-CN': '每千单投诉', en: 'Per 1,000 orders' },
  topCause: { 'zh-CN': '主要原因', en: 'Main cause' },
  outcomes: { 'zh-CN': '处理结果', en: 'Outcomes' },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
  compensation: { 'zh-CN': '补偿支出', en: 'Compensation spent' },
  type: { 'zh-CN': '方式', en: 'Type' },
  count: { 'zh-CN': '笔数', en: 'Count' },
  amount: { 'zh-CN': '金额（元）', en: 'Amount (¥)' },
  total: { 'zh-CN': '合计', en: 'Total' },
  firstContact: { 'zh-CN': '首次联系用时', en: 'Time to first contact' },
  median: { 'zh-CN': '中位数（小时）', en: 'Median (hours)' },
  p90: { 'zh-CN': '90 分位（小时）', en: '90th percentile (hours)' },
  actionItems: { 'zh-CN': '整改事项', en: 'Action items' },
  action: { 'zh-CN': '事项', en: 'Action' },
  department: { 'zh-CN': '负责部门', en: 'Department' },
  status: { 'zh-CN': '状态', en: 'Status' },
  started: { 'zh-CN': '开始月份', en: 'Started' },
  before: { 'zh-CN': '之前（每月）', en: 'Before (a month)' },
  after: { 'zh-CN': '之后（每月）', en: 'After (a month)' },
  quotes: { 'zh-CN': '评价摘录', en: 'Review quotes' },
  quote: { 'zh-CN': '评价', en: 'Review' },
  section: { 'zh-CN': '板块', en: 'Section' },
  item: { 'zh-CN': '项目', en: 'Item' },
  detail: { 'zh-CN': '细分', en: 'Detail' },
  measure: { 'zh-CN': '指标', en: 'Measure' },
  value: { 'zh-CN': '数值', en: 'Value' },
  maskedNote: {
    'zh-CN': '评价中的手机号、地址等个人信息已隐藏。',
    en: 'Phone numbers, addresses and other personal data in reviews are masked.',
  },
} as const satisfies Record<string, Labels>;

export type ReportTextKey = keyof typeof REPORT_TEXT;

export const reportText = (key: ReportTextKey, locale: Locale): string => REPORT_TEXT[key][locale];
export const outcomeLabel = (outcome: ReportOutcome, locale: Locale): string => OUTCOME_LABELS[outcome][locale];
export const compensationTypeLabel = (type: CompensationType, locale: Locale): string =>
  COMPENSATION_LABELS[type][locale];
export const actionItemStatusLabel = (status: ActionItemStatus, locale: Locale): string =>
  STATUS_LABELS[status][locale];
