import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { SHOP_TIME_ZONE, stageLabel } from '@chaping/domain';

import { queueSearchParams, type Overdue } from '../queue/queue-search';
import { api, unwrap } from '../shared/api-client';
import { Chart } from '../shared/Chart';
import { useLocale } from '../shared/use-locale';

import './i18n';

/** The queue's URLs for the numbers that have a case list behind them (see queue-search.ts). */
const OPEN_CASES = `/?${queueSearchParams({ scope: 'all', status: 'open', sort: 'urgency' }).toString()}`;
const POOL_CASES = `/?${queueSearchParams({ scope: 'none', status: 'open', sort: 'urgency' }).toString()}`;
const OVERDUE_CASES = (overdue: Overdue) =>
  `/?${queueSearchParams({ scope: 'all', status: 'open', sort: 'urgency', overdue }).toString()}`;
/** Today in China, where the dashboard counts its day. */
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_TIME_ZONE }).format(new Date());
const TODAYS_CASES = () =>
  `/?${queueSearchParams({ scope: 'all', status: 'all', sort: 'urgency', reviewedOn: chinaToday() }).toString()}`;

const AGES = ['underOneDay', 'oneToThreeDays', 'threeToSevenDays', 'overSevenDays'] as const;

/** The team lead's dashboard: open cases by stage and age, SLA breaches, load per agent, today's intake. */
export function DashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => unwrap(api.GET('/api/dashboard')),
    refetchInterval: 60_000,
  });
  const data = dashboard.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {dashboard.isError && <Alert type="error" message={t('error')} description={dashboard.error.message} />}
      {data && (
        <>
          <Row gutter={16}>
            {(
              [
                ['open', data.open, false, OPEN_CASES],
                ['overdueFirstContact', data.overdueFirstContact, true, OVERDUE_CASES('first_contact')],
                ['overdueResolution', data.overdueResolution, true, OVERDUE_CASES('resolution')],
                ['todayIntake', data.todayIntake, false, TODAYS_CASES()],
              ] as const
            ).map(([key, value, alarm, drill]) => {
              const statistic = (
                <Statistic
                  title={t(`dashboard.${key}`)}
                  value={value}
                  valueStyle={alarm && value > 0 ? { color: '#c41d1f' } : undefined}
                />
              );
              return (
                <Col key={key} xs={12} md={6}>
                  <Card>
                    {drill ? (
                      <Link to={drill} aria-label={t('dashboard.drill', { what: t(`dashboard.${key}`), count: value })}>
                        {statistic}
                      </Link>
                    ) : (
                      statistic
                    )}
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card title={t('dashboard.byStageAndAge')}>
                <Chart
                  label={t('dashboard.byStageAndAge')}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0, data: AGES.map((age) => t(`dashboard.ages.${age}`)) },
                    grid: { left: 80, right: 24, top: 40, bottom: 24 },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', data: data.byStageAndAge.map((row) => stageLabel(row.stage, locale)) },
                    series: AGES.map((age) => ({
                      name: t(`dashboard.ages.${age}`),
                      type: 'bar',
                      stack: 'age',
                      data: data.byStageAndAge.map((row) => row[age]),
                    })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('dashboard.todayByPlatform')}>
                <Table
                  rowKey="platform"
                  size="small"
                  pagination={false}
                  dataSource={data.todayByPlatform}
                  columns={[
                    {
                      title: t('queue.columns.platform'),
                      dataIndex: 'platform',
                      render: (p: string) => t(`platform.${p}`),
                    },
                    { title: t('dashboard.cases'), dataIndex: 'cases', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('dashboard.load')}>
            <Table
              rowKey={(row) => row.agentId ?? 'pool'}
              size="small"
              pagination={false}
              dataSource={data.load}
              columns={[
                {
                  title: t('sla.agent'),
                  dataIndex: 'agentName',
                  // The pool's cases are the queue's pool tab; an agent's are in the all-cases tab.
                  render: (name: string | null) => name ?? <Link to={POOL_CASES}>{t('queue.pool')}</Link>,
                },
                { title: t('dashboard.open'), dataIndex: 'open', align: 'right' },
                { title: t('dashboard.weightedLoad'), dataIndex: 'weightedLoad', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
