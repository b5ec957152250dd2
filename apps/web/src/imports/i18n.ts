import { addTranslations } from '../app/i18n';

/** Wording of order files for care follow-ups (issue 18) and of the rejected-rows download on the imports page. */
addTranslations({
  'zh-CN': {
    imports: {
      kind: {
        label: '文件内容',
        reviews: '评价导出',
        care_orders: '已签收订单（售后回访）',
        careFile: '订单报表文件',
        careDrop: '点击或拖入后台导出的订单报表',
        careHint:
          '订单报表（CSV 或 XLSX）：需要订单号和签收或确认收货时间；买家ID、金额、商品、承诺送达时间可让回访挑选更准确。同一订单重复导入不会重复。',
      },
      careCounts: {
        imported: '新订单',
        updated: '签收信息有更新',
        duplicates: '已导入过',
        skipped: '尚未签收',
        rejected: '未导入',
      },
      fields: { orderedAt: '下单时间', deliveredAt: '签收时间', promisedBy: '承诺送达时间' },
      downloadRejected: '下载被拒的行 (CSV)',
      viewCases: '查看本次导入的工单（{{count}} 个）',
    },
  },
  en: {
    imports: {
      kind: {
        label: 'The file holds',
        reviews: 'A review export',
        care_orders: 'Delivered orders (care follow-ups)',
        careFile: 'Order report file',
        careDrop: 'Click or drop the order report exported from the back office',
        careHint:
          'An order report (CSV or XLSX): needs the order id and the sign-for or receipt-confirmed time; buyer id, amount, product and promised delivery make the care choice sharper. Importing an order again doubles nothing.',
      },
      careCounts: {
        imported: 'New orders',
        updated: 'Delivery updated',
        duplicates: 'Already imported',
        skipped: 'Not delivered yet',
        rejected: 'Not imported',
      },
      fields: { orderedAt: 'Order time', deliveredAt: 'Delivered at', promisedBy: 'Promised by' },
      downloadRejected: 'Download the rejected rows (CSV)',
      viewCases: 'See the cases this import opened ({{count}})',
    },
  },
});
