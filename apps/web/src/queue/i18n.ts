import { addTranslations } from '../app/i18n';

addTranslations({
  'zh-CN': {
    queueMore: {
      deadline: '时限',
      rating: '评价',
      reviewAge: '评价于',
      ago: '{{age}}前',
      closed: '已结案',
      status: { label: '状态', open: '处理中', closed: '已结案（归档）', all: '全部' },
      sort: { label: '排序', urgency: '最紧急优先', newest: '最新评价优先', oldest: '最早评价优先' },
      emptyArchive: '没有符合条件的工单',
      keys: { next: '下一个工单', previous: '上一个工单', open: '打开所选工单', search: '搜索' },
      selected: '已选中',
      select: '选择 {{buyer}} 的工单',
      drill: {
        first_contact: '首次联系已超时',
        resolution: '解决已超时',
        reviewedOn: '评价日期 {{day}}',
        import: '本次导入的工单',
        importFile: '导入“{{file}}”开的工单',
        remove: '取消筛选：{{what}}',
        removeShort: '取消',
      },
    },
  },
  en: {
    queueMore: {
      deadline: 'Deadline',
      rating: 'Rating',
      reviewAge: 'Reviewed',
      ago: '{{age}} ago',
      closed: 'Closed',
      status: { label: 'Status', open: 'Open', closed: 'Closed (archive)', all: 'All' },
      sort: {
        label: 'Sort',
        urgency: 'Most urgent first',
        newest: 'Newest review first',
        oldest: 'Oldest review first',
      },
      emptyArchive: 'No case matches',
      keys: { next: 'Next case', previous: 'Previous case', open: 'Open the selected case', search: 'Search' },
      selected: 'selected',
      select: "Select {{buyer}}'s case",
      drill: {
        first_contact: 'First contact overdue',
        resolution: 'Resolution overdue',
        reviewedOn: 'Reviewed on {{day}}',
        import: 'Cases of this import',
        importFile: 'Cases opened by importing “{{file}}”',
        remove: 'Remove the filter: {{what}}',
        removeShort: 'Remove',
      },
    },
  },
});
