import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Button, ConfigProvider, Layout, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router';

import { CasePage } from '../case/CasePage';
import { QueuePage } from '../queue/QueuePage';

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } });

/** A darker primary than antd's default, so primary buttons pass WCAG contrast. */
const theme = { token: { colorPrimary: '#1554ad' } };

export function App() {
  const { t, i18n } = useTranslation();
  const switchLanguage = () => {
    const next = i18n.language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('locale', next);
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
  };
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
              <Link to="/">
                <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
                  {t('appName')}
                </Typography.Title>
              </Link>
              <span style={{ flex: 1 }} />
              <Button onClick={switchLanguage}>{t('language')}</Button>
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              <main>
                <Routes>
                  <Route path="/" element={<QueuePage />} />
                  <Route path="/cases/:id" element={<CasePage />} />
                </Routes>
              </main>
            </Layout.Content>
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
