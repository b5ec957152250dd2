import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  message,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  ACTION_ITEM_STATUSES,
  compensationTypeLabel,
  departmentLabel,
  outcomeLabel,
  PLATFORMS,
  rootCauseLabel,
  subCauseLabel,
  type CompensationType,
  type Department,
  type Locale,
  type ReportOutcome,
  type RootCause,
} from '@chaping/domain';

import {
  getJson,
  patchJson,
  type ActionEffect,
  type CauseRow,
  type MonthlyReport,
  type ProductRow,
  type Shop,
} from '../shared/api';
import { Chart } from '../shared/Chart';
import { EmptyText } from '../shared/EmptyText';
import { yuan } from '../shared/money';
import { ActionItemForm, type ActionItemDraft } from './ActionItemForm';
import { decimal, percent, signedPercent } from './format';

const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

/** Change against the previous month, red when complaints went up. */
function ChangeTag({ ratio, delta }: { ratio: number | null; delta: number }) {
  const { t } = useTranslation();
  if (ratio === null) return delta > 0 ? <Tag color="red">{t('report.new')}</Tag> : <span>—</span>;
  return <Tag color={ratio > 0 ? 'red' : ratio < 0 ? 'green' : 'default'}>{signedPercent(ratio)}</Tag>;
}

/**
 * The monthly root-cause report for operations and team leads: what buyers complained about and
 * who should act, products and SKUs, outcomes, compensation, first-contact times, and the action
 * items started from earlier reports with their cause's rate before and after.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [month, setMonth] = useState(lastMonth);
  const [shopIds, setShopIds] = useState<string[]>([]);
  const [platforms, setPlatforms] = useState<string[]>([]);
  const [draft, setDraft] = useState<ActionItemDraft | null>(null);
  const params = new URLSearchParams({ month });
  shopIds.forEach((id) => params.append('shopId', id));
  platforms.forEach((platform) => params.append('platform', platform));
  const query = params.toString();
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => getJson<Shop[]>('/api/shops', locale) });
  const report = useQuery({
    queryKey: ['report', query, locale],
    queryFn: () => getJson<MonthlyReport>(`/api/reports/monthly?${query}`, locale),
  });
  const data = report.data;
  const client = useQueryClient();
  const setStatus = useMutation({
    mutationFn: ({ item, status }: { item: ActionEffect; status: string }) =>
      patchJson(`/api/action-items/${item.id}`, { expectedVersion: item.version, status }, locale),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['report'] }),
    onError: (error) => void message.error(error.message),
  });
  const causeName = (cause: string | null) =>
    cause ? rootCauseLabel(cause as RootCause, locale) : t('report.unclassified');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('report.title')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('report.month')}
            value={dayjs(`${month}-01`)}
            onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
          />
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 200 }}
            placeholder={t('report.allShops')}
            aria-label={t('queue.columns.shop')}
            value={shopIds}
            onChange={setShopIds}
            options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
          />
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('report.allPlatforms')}
            aria-label={t('queue.columns.platform')}
            value={platforms}
            onChange={setPlatforms}
            options={PLATFORMS.map((platform) => ({ value: platform, label: t(`platform.${platform}`) }))}
          />
          {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              href={`/api/reports/monthly/export?${query}&format=${format}&lang=${i18n.language}`}
              download
            >
              {t('report.export', { format: format.toUpperCase() })}
            </Button>
          ))}
        </Space>
      </Space>
      {report.isError && <Alert type="error" message={t('error')} description={report.error.message} />}
      {data && data.cases === 0 && data.previousCases === 0 ? (
        <Empty description={t('report.noCases', { month })} />
      ) : (
        data && (
          <>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('report.cases')} value={data.cases} />
                  <Typography.Text type="secondary">
                    {t('report.vsPrevious', { count: data.previousCases })}{' '}
                    <ChangeTag ratio={data.change.ratio} delta={data.change.delta} />
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic
                    title={t('report.firstContactMedian')}
                    value={decimal(data.firstContact.medianHours)}
                    suffix="h"
                  />
                  <Typography.Text type="secondary">
                    {t('report.p90', { hours: decimal(data.firstContact.p90Hours) })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('report.compensationTotal')} value={yuan(data.compensationTotalFen)} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic
                    title={t('report.unresolved')}
                    value={percent(data.outcomes.find((row) => row.outcome === 'unresolved')?.share ?? 0)}
                  />
                </Card>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <Card title={t('report.causes')}>
                  <Chart
                    label={t('report.causesChart', { month: data.month })}
                    height={Math.max(220, data.causes.length * 36)}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { top: 0, data: [data.month, data.previousMonth] },
                      grid: { left: 120, right: 24, top: 36, bottom: 24 },
                      xAxis: { type: 'value' },
                      yAxis: {
                        type: 'category',
                        inverse: true,
                        data: data.causes.map((row) => causeName(row.rootCause)),
                      },
                      series: [
                        { name: data.month, type: 'bar', data: data.causes.map((row) => row.cases) },
                        { name: data.previousMonth, type: 'bar', data: data.causes.map((row) => row.previousCases) },
                      ],
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('report.outcomes')}>
                  <Chart
                    label={t('report.outcomes')}
                    option={{
                      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
                      legend: { bottom: 0 },
                      series: [
                        {
                          type: 'pie',
                          radius: ['40%', '68%'],
                          data: data.outcomes.map((row) => ({
                            name: outcomeLabel(row.outcome as ReportOutcome, locale),
                            value: row.cases,
                          })),
                        },
                      ],
                    }}
                  />
                </Card>
              </Col>
            </Row>
            <Card title={t('report.causeTable')}>
              <Table<CauseRow>
                rowKey={(row) => row.rootCause ?? 'none'}
                dataSource={data.causes}
                pagination={false}
                expandable={{
                  // antd's own expand icon has no accessible name.
                  expandIcon: ({ expanded, onExpand, record }) => (
                    <Button
                      size="small"
                      type="text"
                      aria-expanded={expanded}
                      aria-label={t(expanded ? 'report.hideDetail' : 'report.showDetail', {
                        cause: causeName(record.rootCause),
                      })}
                      icon={expanded ? <MinusOutlined /> : <PlusOutlined />}
                      onClick={(event) => onExpand(record, event)}
                    />
                  ),
                  expandedRowRender: (row) => (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Space wrap>
                        {row.subCauses.map((sub) => (
                          <Tag key={sub.subCause ?? 'none'}>
                            {sub.subCause ? subCauseLabel(sub.subCause, locale) : '—'} {sub.cases} ({percent(sub.share)}
                            )
                          </Tag>
                        ))}
                      </Space>
                      {row.quotes.map((quote) => (
                        <Typography.Text key={quote.caseId} type="secondary">
                          “{quote.text}”
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                }}
                columns={[
                  { title: t('report.cause'), dataIndex: 'rootCause', render: causeName },
                  { title: t('report.cases'), dataIndex: 'cases', align: 'right' },
                  { title: t('report.share'), dataIndex: 'share', align: 'right', render: percent },
                  { title: data.previousMonth, dataIndex: 'previousCases', align: 'right' },
                  {
                    title: t('report.change'),
                    key: 'change',
                    render: (_, row) => <ChangeTag ratio={row.change.ratio} delta={row.change.delta} />,
                  },
                  { title: t('report.whoShouldAct'), dataIndex: 'whoShouldAct' },
                  {
                    title: '',
                    key: 'act',
                    render: (_, row) =>
                      row.rootCause && (
                        <Button size="small" onClick={() => setDraft({ rootCause: row.rootCause as RootCause })}>
                          {t('report.newAction')}
                        </Button>
                      ),
                  },
                ]}
              />
            </Card>
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <Card title={t('report.products')}>
                  <Table<ProductRow>
                    rowKey="productId"
                    size="small"
                    dataSource={data.topProducts}
                    pagination={false}
                    locale={{ emptyText: <EmptyText>{t('report.none')}</EmptyText> }}
                    columns={[
                      { title: t('report.product'), dataIndex: 'title' },
                      { title: t('report.complaints'), dataIndex: 'complaints', align: 'right' },
                      {
                        title: t('report.perThousand'),
                        dataIndex: 'complaintsPerThousandOrders',
                        align: 'right',
                        render: (value: number | null) => decimal(value, 2),
                      },
                      { title: t('report.topCause'), dataIndex: 'topCause', render: causeName },
                      {
                        title: '',
                        key: 'act',
                        render: (_, row) =>
                          row.topCause && (
                            <Button
                              size="small"
                              onClick={() =>
                                setDraft({
                                  rootCause: row.topCause as RootCause,
                                  shopId: row.shopId,
                                  productId: row.productId,
                                  productTitle: row.title,
                                })
                              }
                            >
                              {t('report.newAction')}
                            </Button>
                          ),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('report.compensation')}>
                  {data.compensation.length === 0 ? (
                    <Empty description={t('report.noCompensation')} />
                  ) : (
                    <Chart
                      label={t('report.compensation')}
                      height={220}
                      option={{
                        tooltip: { trigger: 'axis' },
                        grid: { left: 96, right: 24, top: 16, bottom: 24 },
                        xAxis: { type: 'value', axisLabel: { formatter: (fen: number) => yuan(fen) } },
                        yAxis: {
                          type: 'category',
                          data: data.compensation.map((row) =>
                            compensationTypeLabel(row.type as CompensationType, locale),
                          ),
                        },
                        series: [{ type: 'bar', data: data.compensation.map((row) => row.amountFen) }],
                      }}
                    />
                  )}
                  <Typography.Text type="secondary">
                    {t('report.skus')}:{' '}
                    {data.topSkus
                      .slice(0, 5)
                      .map((sku) => `${sku.title} · ${sku.skuName} (${sku.complaints})`)
                      .join('；') || '—'}
                  </Typography.Text>
                </Card>
              </Col>
            </Row>
            <Card title={t('report.actionItems')}>
              <Table<ActionEffect>
                rowKey="id"
                size="small"
                dataSource={data.actionItems}
                pagination={false}
                locale={{ emptyText: <EmptyText>{t('report.noActions')}</EmptyText> }}
                columns={[
                  { title: t('report.actionTitle'), dataIndex: 'title' },
                  {
                    title: t('report.cause'),
                    key: 'cause',
                    render: (_, item) =>
                      [
                        causeName(item.rootCause),
                        item.subCause && subCauseLabel(item.subCause, locale),
                        item.productTitle,
                        item.skuName,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                  },
                  {
                    title: t('report.department'),
                    dataIndex: 'department',
                    render: (value: string) => departmentLabel(value as Department, locale),
                  },
                  { title: t('report.started'), dataIndex: 'startedMonth' },
                  {
                    title: t('report.status'),
                    dataIndex: 'status',
                    render: (status: string, item) => (
                      <Select
                        size="small"
                        value={status}
                        aria-label={`${item.title} ${t('report.status')}`}
                        style={{ width: 110 }}
                        onChange={(next) => setStatus.mutate({ item, status: next })}
                        options={ACTION_ITEM_STATUSES.map((value) => ({ value, label: t(`report.statuses.${value}`) }))}
                      />
                    ),
                  },
                  {
                    title: t('report.beforeAfter'),
                    key: 'effect',
                    render: (_, item) => (
                      <span>
                        {decimal(item.beforePerMonth)} → {decimal(item.afterPerMonth)} {t('report.perMonth')}
                        {item.beforePerThousandOrders !== null && item.afterPerThousandOrders !== null && (
                          <Typography.Text type="secondary">
                            {' '}
                            ({decimal(item.beforePerThousandOrders, 2)} → {decimal(item.afterPerThousandOrders, 2)}{' '}
                            {t('report.perThousand')})
                          </Typography.Text>
                        )}
                      </span>
                    ),
                  },
                ]}
              />
            </Card>
          </>
        )
      )}
      <ActionItemForm draft={draft} shops={shops.data ?? []} onClose={() => setDraft(null)} />
    </Space>
  );
}
