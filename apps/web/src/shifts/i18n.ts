import { addTranslations } from '../app/i18n';

addTranslations({
  'zh-CN': {
    shift: {
      label: '在班状态',
      on: '在班',
      off: '下班',
      hint: '在班时新工单会自动分给你；下班后手上的工单仍归你',
      changed: '{{name}} 现在{{state}}',
      title: '在班客服',
      agent: '客服',
      note: '自动分配只把新工单分给在班的客服；都不在班时工单进入店铺公共池。',
    },
  },
  en: {
    shift: {
      label: 'On shift',
      on: 'On shift',
      off: 'Off shift',
      hint: 'On shift, new cases are assigned to you; off shift, the cases you have stay yours',
      changed: '{{name}} is now {{state}}',
      title: 'Agents on shift',
      agent: 'Agent',
      note: 'Assignment gives new cases only to agents on shift; with nobody on shift they wait in the shop pool.',
    },
  },
});
