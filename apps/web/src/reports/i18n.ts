import { addTranslations } from '../app/i18n';

addTranslations({
  'zh-CN': {
    kpiMore: {
      sampleTooSmall: '样本不足',
      sampleHint: '结案少于 {{count}} 件，不参与排名',
    },
  },
  en: {
    kpiMore: {
      sampleTooSmall: 'Too few cases',
      sampleHint: 'Fewer than {{count}} closed cases: not ranked',
    },
  },
});
