import { addTranslations } from '../app/i18n';

addTranslations({
  'zh-CN': {
    claim: {
      button: '领取',
      hint: '领取后工单归你处理（快捷键 c）',
      done: '已领取，工单已在“我的工单”中',
      key: '领取所选的公共池工单',
    },
  },
  en: {
    claim: {
      button: 'Take',
      hint: 'Take the case: it becomes yours to work (key c)',
      done: 'Taken: the case is now in My cases',
      key: 'Take the selected pool case',
    },
  },
});
