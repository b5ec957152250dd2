import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, message, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, unwrap } from '../../shared/api-client';
import type { components } from '../../shared/api-schema';
import { IMPORT_STATUS_COLORS } from '../../shared/tag-colors';

import './i18n';

type History = components['schemas']['TriageModelHistoryDto'];
type ModelVersion = components['schemas']['TriageModelVersionDto'];

/** One row of the table: a trained version, or the shipped model at the bottom. */
interface Row {
  readonly version: string;
  readonly active: boolean;
  readonly trained: ModelVersion | null;
}

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/**
 * Lead: each training of a shop's triage model — how many corrections it learnt, its accuracy on the
 * frozen slice beside the model then in use, whether it went live — and a rollback to any version.
 */
export function TriageModelsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const [chosen, setChosen] = useState<string | null>(null);
  const shopId = chosen ?? shops.data?.[0]?.id ?? null;
  const queryKey = ['triage-models', shopId];
  const history = useQuery({
    queryKey,
    enabled: shopId !== null,
    queryFn: () => unwrap(api.GET('/api/shops/{shopId}/triage-models', { params: { path: { shopId: shopId ?? '' } } })),
  });
  const rollback = useMutation({
    mutationFn: (version: string) =>
      unwrap(
        api.POST('/api/shops/{shopId}/triage-models/rollback', {
          params: { path: { shopId: shopId ?? '' } },
          body: { version },
        }),
      ),
    onSuccess: (data: History, version) => {
      client.setQueryData(queryKey, data);
      void message.success(t('triageModels.done', { version }));
    },
    onError: (error) => void message.error(error.message),
  });
  const rows: Row[] = history.data
    ? [
        ...history.data.versions.map((trained) => ({ version: trained.version, active: trained.active, trained })),
        { version: history.data.shippedVersion, active: history.data.shippedActive, trained: null },
      ]
    : [];
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('triageModels.title')}</Typography.Title>
      <Typography.Paragraph>{t('triageModels.intro')}</Typography.Paragraph>
      <Space>
        <label htmlFor="triage-models-shop">{t('triageModels.shop')}</label>
        <Select<string>
          id="triage-models-shop"
          value={shopId ?? undefined}
          onChange={setChosen}
          style={{ width: 260 }}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
          aria-label={t('triageModels.shop')}
        />
      </Space>
      {history.data && history.data.versions.length === 0 && (
        <Typography.Text type="secondary">{t('triageModels.empty')}</Typography.Text>
      )}
      <Table<Row>
        rowKey="version"
        loading={history.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('triageModels.version'),
            render: (_, row) => (row.trained ? row.version : `${row.version} · ${t('triageModels.shipped')}`),
          },
          {
            title: t('triageModels.trainedAt'),
            render: (_, row) => (row.trained ? dateTime.format(new Date(row.trained.trainedAt)) : '–'),
          },
          { title: t('triageModels.labels'), render: (_, row) => row.trained?.labelCount ?? 0 },
          {
            title: t('triageModels.frozen'),
            render: (_, row) =>
              !row.trained
                ? '–'
                : row.trained.frozenCount === 0
                  ? t('triageModels.noSlice')
                  : t('triageModels.ofCount', {
                      accuracy: percent(row.trained.frozenAccuracy),
                      count: row.trained.frozenCount,
                    }),
          },
          { title: t('triageModels.previous'), render: (_, row) => percent(row.trained?.previousAccuracy ?? null) },
          {
            title: t('triageModels.decision'),
            render: (_, row) =>
              row.trained
                ? t('triageModels.outcome', {
                    decision: t(`triageModels.decisions.${row.trained.decision}`),
                    reason: t(`triageModels.reasons.${row.trained.reason}`),
                  })
                : '–',
          },
          {
            title: t('triageModels.status'),
            render: (_, row) =>
              row.active ? (
                <Tag color={IMPORT_STATUS_COLORS.done}>{t('triageModels.active')}</Tag>
              ) : (
                <Popconfirm
                  title={t('triageModels.confirm', { version: row.version })}
                  okText={t('triageModels.rollback')}
                  onConfirm={() => rollback.mutate(row.version)}
                >
                  <Button size="small" loading={rollback.isPending} data-testid={`rollback-${row.version}`}>
                    {t('triageModels.rollback')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
