import { addTranslations } from '../app/i18n';

/** Wording of triage's second suggestion and its disagreement flag, on the case view and in the queue. */
addTranslations({
  'zh-CN': {
    triageHint: {
      second: '第二建议',
      take: '采用第二建议',
      key: '采用第二建议（{{cause}}）',
      taken: '已采用第二建议',
      disagreement: '两种判断不一致，请核对原因',
      disagreementHelp: '关键词规则和学习模型给出了不同的原因：请读一遍评价，确认或改为第二建议。',
      flag: '原因待核对',
    },
  },
  en: {
    triageHint: {
      second: 'Second suggestion',
      take: 'Take the second suggestion',
      key: 'Take the second suggestion ({{cause}})',
      taken: 'took the second suggestion',
      disagreement: 'The two readings disagree: check the cause',
      disagreementHelp:
        'The phrase rules and the learned model named different causes: read the review, then confirm it or take the second suggestion.',
      flag: 'Check the cause',
    },
  },
});
