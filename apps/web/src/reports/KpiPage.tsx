import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { KPI_METRICS, KPI_MIN_SAMPLE } from '@chaping/domain';

import { type AgentKpi, type HourlyView } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { Chart } from '../shared/Chart';
import { EmptyText } from '../shared/EmptyText';
import { yuan } from '../shared/money';
import { decimal, percent } from './format';

import './i18n';

/**
 * The day a link asks for (`/kpis?day=YYYY-MM-DD`, as the campaign page links its peak day), else today. dayjs rolls
 * an impossible date such as 02-31 over into March, so the day must read back the same as asked.
 */
function dayAsked(asked: string | null): Dayjs {
  const day = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? dayjs(asked) : null;
  return day?.isValid() && day.format('YYYY-MM-DD') === asked ? day : dayjs();
}

/** The one shop a link asks for (`&shopId=`, as the campaign page links its shop's peak day), else every shop. */
const shopAsked = (asked: string | null) => (asked && /^[0-9a-f-]{36}$/i.test(asked) ? asked : null);

const HOURS = Array.from({ length: 24 }, (_, hour) => `${hour}:00`);

/**
 * Agent KPIs over a period with the composite score the lead weighs (policy settings), and the
 * by-hour view of one day for campaign days such as 618 and 双11.
 */
export function KpiPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const [search] = useSearchParams();
  const [day, setDay] = useState<Dayjs>(() => dayAsked(search.get('day')));
  const shopId = shopAsked(search.get('shopId'));
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const date = day.format('YYYY-MM-DD');
  const kpis = useQuery({
    queryKey: ['kpis', from, to],
    queryFn: () => unwrap(api.GET('/api/kpis', { params: { query: { from, to } } })),
  });
  const hourly = useQuery({
    queryKey: ['kpis', 'hourly', date, shopId],
    queryFn: () => unwrap(api.GET('/api/kpis/hourly', { params: { query: { date, ...(shopId ? { shopId } : {}) } } })),
  });
  const shops = useQuery({
    queryKey: ['shops'],
    queryFn: () => unwrap(api.GET('/api/shops')),
    enabled: shopId !== null,
  });
  const shopName = shops.data?.find((shop) => shop.id === shopId)?.name;
  const score = (agent: AgentKpi, metric: (typeof KPI_METRICS)[number]) => {
    const value = agent.scores[metric];
    return value === undefined ? '' : ` (${value.toFixed(0)})`;
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('kpi.title')}
        </Typography.Title>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          aria-label={t('kpi.period')}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
      </Space>
      {kpis.isError && <Alert type="error" message={t('error')} description={kpis.error.message} />}
      <Card
        title={t('kpi.agents')}
        extra={
          <Typography.Text type="secondary">
            {t('kpi.weights')}:{' '}
            {KPI_METRICS.map((metric) => `${t(`kpi.metrics.${metric}`)} ${kpis.data?.weights[metric] ?? '—'}`).join(
              ' · ',
            )}
          </Typography.Text>
        }
      >
        <Table<AgentKpi>
          rowKey="agentId"
          size="small"
          loading={kpis.isLoading}
          dataSource={kpis.data?.agents ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('kpi.none')}</EmptyText> }}
          columns={[
            { title: t('sla.agent'), dataIndex: 'agentName' },
            {
              title: t('kpi.composite'),
              dataIndex: 'composite',
              align: 'right',
              // Below the minimum sample an agent is not ranked, so sorts below every ranked one.
              sorter: (a, b) => (a.ranked ? (a.composite ?? -1) : -2) - (b.ranked ? (b.composite ?? -1) : -2),
              render: (value: number | null, agent) =>
                agent.ranked ? (
                  <Typography.Text strong>{decimal(value)}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary" title={t('kpiMore.sampleHint', { count: KPI_MIN_SAMPLE })}>
                    {t('kpiMore.sampleTooSmall')}
                  </Typography.Text>
                ),
            },
            {
              title: t('kpi.metrics.casesClosed'),
              dataIndex: 'casesClosed',
              align: 'right',
              sorter: (a, b) => a.casesClosed - b.casesClosed,
            },
            {
              title: t('kpi.metrics.firstContactHours'),
              align: 'right',
              render: (_, agent) => `${decimal(agent.firstContactHours)} h${score(agent, 'firstContactHours')}`,
            },
            {
              title: t('kpi.metrics.resolutionRate'),
              align: 'right',
              render: (_, agent) => percent(agent.resolutionRate),
            },
            { title: t('kpi.metrics.revisedRate'), align: 'right', render: (_, agent) => percent(agent.revisedRate) },
            {
              title: t('kpi.metrics.compensationPerCaseFen'),
              align: 'right',
              render: (_, agent) =>
                agent.compensationPerCaseFen === null ? '—' : yuan(Math.round(agent.compensationPerCaseFen)),
            },
            { title: t('kpi.metrics.qaScore'), align: 'right', render: (_, agent) => decimal(agent.qaScore, 0) },
          ]}
        />
      </Card>
      <Card
        title={shopId ? t('kpi.byHourOfShop', { shop: shopName ?? '…' }) : t('kpi.byHour')}
        extra={
          <Space>
            {shopId && (
              <Link to={`/kpis?day=${date}`} data-testid="kpi-all-shops">
                {t('kpi.allShops')}
              </Link>
            )}
            <DatePicker
              allowClear={false}
              value={day}
              aria-label={t('kpi.day')}
              onChange={(value) => value && setDay(value)}
            />
          </Space>
        }
      >
        {hourly.isError && <Alert type="error" message={t('error')} description={hourly.error.message} />}
        {hourly.data && (
          <Chart
            label={t('kpi.byHourChart', { date })}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0, data: [t('kpi.intake'), t('kpi.firstContacts'), t('kpi.closed')] },
              grid: { left: 40, right: 24, top: 40, bottom: 24 },
              xAxis: { type: 'category', data: HOURS },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { name: t('kpi.intake'), type: 'line', data: hourly.data.hours.map((slot) => slot.intake) },
                {
                  name: t('kpi.firstContacts'),
                  type: 'bar',
                  data: hourly.data.hours.map((slot) => slot.firstContacts),
                },
                { name: t('kpi.closed'), type: 'bar', data: hourly.data.hours.map((slot) => slot.closed) },
              ],
            }}
          />
        )}
        <Table
          rowKey="agentId"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={hourly.data?.agents ?? []}
          locale={{ emptyText: <EmptyText>{t('kpi.quietDay')}</EmptyText> }}
          columns={[
            { title: t('sla.agent'), dataIndex: 'agentName', fixed: 'left' },
            ...HOURS.map((label, hour) => ({
              title: label,
              key: label,
              align: 'center' as const,
              render: (_: unknown, agent: HourlyView['agents'][number]) => {
                const contacts = agent.firstContacts[hour] ?? 0;
                const closed = agent.closed[hour] ?? 0;
                return contacts + closed === 0 ? '' : `${contacts}/${closed}`;
              },
            })),
          ]}
        />
        <Typography.Text type="secondary">{t('kpi.cellHelp')}</Typography.Text>
      </Card>
    </Space>
  );
}
