import { addTranslations } from '../app/i18n';

/** Wording of the case view's panes, history details, earlier cases and shortcuts. */
addTranslations({
  'zh-CN': {
    caseView: {
      earlier: {
        title: '该买家的以往工单',
        none: '没有以往工单',
        open: '未归档',
        reviewed: '{{date}} 评价',
      },
      detail: {
        amount: '金额 {{amount}}',
        limit: '限额 {{limit}}',
        reason: '原因：{{reason}}',
        note: '备注：{{note}}',
        rejectReason: '驳回原因：{{reason}}',
        from: '由 {{before}}',
        outcome: '结果：{{outcome}}',
        notes: '特别备注：{{notes}}',
        evidence: '证据 {{count}} 项',
        paused: '暂停 {{minutes}} 分钟',
        waiting: { call_back_requested: '买家约定稍后联系', return_in_transit: '退货在途' },
        score: '质检 {{score}} 分',
        rating: { positive: '好评', neutral: '中评', negative: '差评' },
      },
      done: {
        title: '处理经过',
        contacts: '联系 {{count}} 次',
        remedy: '解决方案',
        compensation: '补偿',
        reply: '公开回复',
        appeal: '申诉',
        actionsTaken: '处理过程',
        outcome: '处理结果',
        notes: '特别备注',
      },
      reply: {
        published: '已发布的回复（{{date}}）',
        followUp: '追评回复',
      },
      keys: {
        open: '打开“{{action}}”',
        submit: '提交当前操作',
        tick: '勾选话术中下一项',
        focus: '跳到当前操作的第一个输入框',
        recordNext: '归档并打开下一个工单',
      },
      script: {
        notTaken: '本工单未走此步，无需完成',
        byAction: '（操作后自动勾选）',
        completeFirst: '先完成话术步骤：{{done}}/{{total}}',
      },
      compensation: {
        rejectedBy: '主管驳回：{{reason}}',
        rejectedNoReason: '主管已驳回（未写原因）',
      },
    },
  },
  en: {
    caseView: {
      earlier: {
        title: "Buyer's earlier cases",
        none: 'No earlier cases',
        open: 'open',
        reviewed: 'reviewed {{date}}',
      },
      detail: {
        amount: 'amount {{amount}}',
        limit: 'limit {{limit}}',
        reason: 'reason: {{reason}}',
        note: 'note: {{note}}',
        rejectReason: 'rejected because: {{reason}}',
        from: 'was {{before}}',
        outcome: 'outcome: {{outcome}}',
        notes: 'special notes: {{notes}}',
        evidence: '{{count}} pieces of evidence',
        paused: 'paused {{minutes}} min',
        waiting: { call_back_requested: 'buyer asked to be contacted later', return_in_transit: 'return in transit' },
        score: 'QA score {{score}}',
        rating: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
      },
      done: {
        title: 'What was done',
        contacts: '{{count}} contact attempts',
        remedy: 'Remedy',
        compensation: 'Compensation',
        reply: 'Public reply',
        appeal: 'Appeal',
        actionsTaken: 'What was done and said',
        outcome: 'Outcome',
        notes: 'Special notes',
      },
      reply: {
        published: 'Published reply ({{date}})',
        followUp: 'Reply to the follow-up',
      },
      keys: {
        open: 'Open “{{action}}”',
        submit: 'Submit the open action',
        tick: 'Tick the next script check-off',
        focus: 'Jump to the first field of the open action',
        recordNext: 'Record and open the next case',
      },
      script: {
        notTaken: 'not on this case’s path; not required',
        byAction: '(ticked by the action)',
        completeFirst: 'Finish the script first: {{done}}/{{total}}',
      },
      compensation: {
        rejectedBy: 'Rejected by the lead: {{reason}}',
        rejectedNoReason: 'Rejected by the lead (no reason given)',
      },
    },
  },
});
