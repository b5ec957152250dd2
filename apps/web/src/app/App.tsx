import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Button, ConfigProvider, Layout, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';

import 'dayjs/locale/zh-cn';

import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';

import { ME_QUERY, RequireSignIn, useMe, useSignOut } from '../auth/session';
import {
  caseQueryKey,
  fetchCase,
  fetchPolicy,
  fetchScript,
  policyQueryKey,
  scriptQueryKey,
} from '../case/case-queries';
import { queueHref } from '../queue/queue-href';
import { isSignedOut } from '../shared/api';
import { NavGroup } from './NavGroup';

// A session that ends while the app is open (expired, signed out elsewhere) sends the user to sign in.
// Every page loads on demand: the entry holds only the shell, so the first paint waits for one page's
// code, not all of them (the sign-in form alone would add Form, Card and Tabs to every visit).
const LoginPage = lazy(() => import('../auth/LoginPage').then((module) => ({ default: module.LoginPage })));
const QueuePage = lazy(() => import('../queue/QueuePage').then((module) => ({ default: module.QueuePage })));
const CareQueuePage = lazy(() => import('../care/CareQueuePage').then((module) => ({ default: module.CareQueuePage })));
const CareSettingsPage = lazy(() =>
  import('../care/settings/CareSettingsPage').then((module) => ({ default: module.CareSettingsPage })),
);
const CampaignsPage = lazy(() =>
  import('../campaigns/CampaignsPage').then((module) => ({ default: module.CampaignsPage })),
);
const ApprovalsPage = lazy(() =>
  import('../approvals/ApprovalsPage').then((module) => ({ default: module.ApprovalsPage })),
);
const ImportsPage = lazy(() => import('../imports/ImportsPage').then((module) => ({ default: module.ImportsPage })));
const SlaBoardPage = lazy(() => import('../sla/SlaBoardPage').then((module) => ({ default: module.SlaBoardPage })));
const ScriptEditorPage = lazy(() =>
  import('../settings/ScriptEditorPage').then((module) => ({ default: module.ScriptEditorPage })),
);
const PolicyPage = lazy(() => import('../settings/PolicyPage').then((module) => ({ default: module.PolicyPage })));
const UsersPage = lazy(() => import('../settings/UsersPage').then((module) => ({ default: module.UsersPage })));
const TriageModelsPage = lazy(() =>
  import('../settings/triage-models/TriageModelsPage').then((module) => ({ default: module.TriageModelsPage })),
);
const AlertsPage = lazy(() =>
  import('../settings/alerts/AlertsPage').then((module) => ({ default: module.AlertsPage })),
);
const ConnectionsPage = lazy(() =>
  import('../settings/connections/ConnectionsPage').then((module) => ({ default: module.ConnectionsPage })),
);
const ReportPage = lazy(() => import('../reports/ReportPage').then((module) => ({ default: module.ReportPage })));
const DashboardPage = lazy(() =>
  import('../reports/DashboardPage').then((module) => ({ default: module.DashboardPage })),
);
const KpiPage = lazy(() => import('../reports/KpiPage').then((module) => ({ default: module.KpiPage })));
const ShiftSwitch = lazy(() => import('../shifts/ShiftSwitch').then((module) => ({ default: module.ShiftSwitch })));
const loadCasePage = () => import('../case/CasePage');
const CasePage = lazy(() => loadCasePage().then((module) => ({ default: module.CasePage })));

const SIGNED_IN_ROUTES: Array<[string, ComponentType]> = [
  ['/', QueuePage],
  ['/cases/:id', CasePage],
  ['/care', CareQueuePage],
  ['/campaigns', CampaignsPage],
  ['/imports', ImportsPage],
  ['/approvals', ApprovalsPage],
  ['/sla', SlaBoardPage],
  ['/dashboard', DashboardPage],
  ['/reports', ReportPage],
  ['/kpis', KpiPage],
  ['/settings/scripts', ScriptEditorPage],
  ['/settings/policy', PolicyPage],
  ['/settings/users', UsersPage],
  ['/settings/triage-models', TriageModelsPage],
  ['/settings/alerts', AlertsPage],
  ['/settings/care', CareSettingsPage],
  ['/settings/connections', ConnectionsPage],
];

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: (count, error) => !isSignedOut(error) && count < 1 } },
  queryCache: new QueryCache({
    onError: (error) => {
      if (isSignedOut(error)) queryClient.setQueryData(ME_QUERY, null);
    },
  }),
});

/**
 * Darker than antd's defaults wherever colour carries text: every pairing with white passes WCAG AA
 * (4.5:1) — primary and links (hovered and pressed too), overdue red, warning amber, success green, secondary grey.
 */
const theme = {
  token: {
    colorPrimary: '#1554ad',
    colorInfo: '#1554ad',
    colorLink: '#1554ad',
    // antd lightens on hover (#588dc7, 3.6:1 on white): a link under the pointer must stay readable too.
    colorLinkHover: '#0f3f85',
    colorLinkActive: '#0c3266',
    colorPrimaryHover: '#0f3f85',
    colorPrimaryActive: '#0c3266',
    colorError: '#c41d1f',
    colorWarning: '#9e5f00',
    colorSuccess: '#237804',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

/** To the queue as it was left: read again on every navigation, since the queue saves its search as it changes. */
function QueueLink({ children }: { children: string }) {
  useLocation();
  return (
    <Link to={queueHref()} style={{ color: '#fff' }}>
      {children}
    </Link>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  if (!me.data) return null;
  return (
    <>
      <QueueLink>{t('nav.queue')}</QueueLink>
      {me.data.role === 'agent' && (
        <Suspense fallback={null}>
          <ShiftSwitch />
        </Suspense>
      )}
      <Link to="/care" style={{ color: '#fff' }}>
        {t('nav.care')}
      </Link>
      <Link to="/campaigns" style={{ color: '#fff' }}>
        {t('nav.campaigns')}
      </Link>
      <Link to="/imports" style={{ color: '#fff' }}>
        {t('nav.imports')}
      </Link>
      {me.data.role !== 'agent' && (
        <>
          <Link to="/approvals" style={{ color: '#fff' }}>
            {t('nav.approvals')}
          </Link>
          <Link to="/sla" style={{ color: '#fff' }}>
            {t('nav.sla')}
          </Link>
          <Link to="/dashboard" style={{ color: '#fff' }}>
            {t('nav.dashboard')}
          </Link>
          <Link to="/reports" style={{ color: '#fff' }}>
            {t('nav.reports')}
          </Link>
          <Link to="/kpis" style={{ color: '#fff' }}>
            {t('nav.kpis')}
          </Link>
          <NavGroup
            label={t('nav.settings')}
            links={[
              { to: '/settings/scripts', label: t('nav.scripts') },
              { to: '/settings/policy', label: t('nav.policy') },
              { to: '/settings/users', label: t('nav.users') },
              { to: '/settings/triage-models', label: t('nav.triageModels') },
              { to: '/settings/alerts', label: t('nav.alerts') },
              { to: '/settings/connections', label: t('nav.connections') },
            ]}
          />
        </>
      )}
      <span style={{ color: '#fff' }}>{me.data.displayName}</span>
      <Button onClick={() => void signOut()}>{t('signOut')}</Button>
    </>
  );
}

/**
 * Opened straight on a case (a link, a reload): fetch its code, the case and the policy alongside
 * the sign-in check instead of one after the other.
 */
function prefetchDirectCase(client: QueryClient) {
  const id = /^\/cases\/([0-9a-f-]{36})$/i.exec(window.location.pathname)?.[1];
  if (!id) return;
  void loadCasePage();
  // The case, then at once its shop's call script and policy, while the page's code is still loading.
  void client
    .fetchQuery({ queryKey: caseQueryKey(id), queryFn: () => fetchCase(id) })
    .then((view) => {
      const selection = {
        shopId: view.shopId,
        stage: view.stage,
        rootCause: view.rootCause,
        buyerType: view.buyerType,
      };
      return Promise.all([
        client.prefetchQuery({ queryKey: scriptQueryKey(selection), queryFn: () => fetchScript(selection) }),
        client.prefetchQuery({
          queryKey: policyQueryKey(view.shopId),
          queryFn: () => fetchPolicy(view.shopId),
          staleTime: 10 * 60_000,
        }),
      ]);
    })
    .catch(() => undefined);
}

export function App() {
  const { t, i18n } = useTranslation();
  useState(() => {
    dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
    prefetchDirectCase(queryClient);
  });
  const switchLanguage = () => {
    const next = i18n.language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('locale', next);
    void i18n.changeLanguage(next);
    dayjs.locale(next === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = next;
  };
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Layout style={{ minHeight: '100vh' }}>
            {/* One line at 1280 px in both languages: settings sit behind one button, the gaps are tight. */}
            <Layout.Header
              style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 24px', whiteSpace: 'nowrap' }}
            >
              <Link to="/">
                {/* A plain heading: Typography would bring its editor, tooltip and copy code to the entry. */}
                <h4 style={{ color: '#fff', margin: 0, fontSize: 20, fontWeight: 600, lineHeight: 1.4 }}>
                  {t('appName')}
                </h4>
              </Link>
              <span style={{ flex: 1 }} />
              <UserMenu />
              <Button onClick={switchLanguage}>{t('language')}</Button>
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              <main>
                <Suspense fallback={<Spin />}>
                  <Routes>
                    <Route path="/login" element={<LoginPage />} />
                    {SIGNED_IN_ROUTES.map(([path, Page]) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <RequireSignIn>
                            <Page />
                          </RequireSignIn>
                        }
                      />
                    ))}
                  </Routes>
                </Suspense>
              </main>
            </Layout.Content>
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
