import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

const resources = {
  'zh-CN': {
    translation: {
      appName: '差评工单',
      nav: { queue: '工单队列' },
      language: 'English',
      queue: {
        title: '工单队列',
        empty: '暂无待处理工单',
        columns: {
          urgency: '截止',
          stage: '阶段',
          shop: '店铺',
          buyer: '买家',
          review: '评价内容',
          severity: '紧急度',
          assignee: '处理人',
        },
        pool: '店铺公共池',
        loadMore: '加载更多',
      },
      case: { back: '返回队列', review: '评价', history: '处理记录', buyer: '买家', deadlines: '时限' },
      severity: { low: '低', medium: '中', high: '高', critical: '紧急' },
      error: '加载失败，请稍后重试',
      login: {
        title: '登录',
        username: '用户名',
        password: '密码',
        submit: '登录',
        usernameRequired: '请输入用户名',
        passwordRequired: '请输入密码',
      },
      signOut: '退出登录',
    },
  },
  en: {
    translation: {
      appName: 'Review Cases',
      nav: { queue: 'Queue' },
      language: '中文',
      queue: {
        title: 'Case queue',
        empty: 'No open cases',
        columns: {
          urgency: 'Due',
          stage: 'Stage',
          shop: 'Shop',
          buyer: 'Buyer',
          review: 'Review',
          severity: 'Severity',
          assignee: 'Assignee',
        },
        pool: 'Shop pool',
        loadMore: 'Load more',
      },
      case: { back: 'Back to the queue', review: 'Review', history: 'History', buyer: 'Buyer', deadlines: 'Deadlines' },
      severity: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
      error: 'Could not load; try again shortly',
      login: {
        title: 'Sign in',
        username: 'Username',
        password: 'Password',
        submit: 'Sign in',
        usernameRequired: 'Enter your username',
        passwordRequired: 'Enter your password',
      },
      signOut: 'Sign out',
    },
  },
};

const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem('locale');

void i18n.use(initReactI18next).init({
  resources,
  lng: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export default i18n;
