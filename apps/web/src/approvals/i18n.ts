import { addTranslations } from '../app/i18n';

addTranslations({
  'zh-CN': {
    approvalsMore: {
      limit: '限额 {{limit}}',
      case: '工单',
      suggested: '待确认',
      history: '买家以往补偿',
      noHistory: '{{buyer}}：此前没有补偿',
    },
  },
  en: {
    approvalsMore: {
      limit: 'limit {{limit}}',
      case: 'Case',
      suggested: 'not confirmed',
      history: "Buyer's earlier compensations",
      noHistory: '{{buyer}}: no earlier compensation',
    },
  },
});
