import { addTranslations } from '../app/i18n';

addTranslations({
  'zh-CN': {
    dashboard: { drill: '{{what}}：{{count}}，查看这些工单' },
    kpiMore: {
      sampleTooSmall: '样本不足',
      sampleHint: '结案少于 {{count}} 件，不参与排名',
    },
  },
  en: {
    dashboard: { drill: '{{what}}: {{count}}, list these cases' },
    kpiMore: {
      sampleTooSmall: 'Too few cases',
      sampleHint: 'Fewer than {{count}} closed cases: not ranked',
    },
  },
});
