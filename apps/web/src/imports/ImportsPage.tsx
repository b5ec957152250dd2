import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { queueSearchParams } from '../queue/queue-search';
import { type ImportJob, type ImportRejection } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { EmptyText } from '../shared/EmptyText';
import { IMPORT_STATUS_COLORS } from '../shared/tag-colors';
import { useLocale } from '../shared/use-locale';

import './i18n';

type ImportKind = ImportJob['kind'];

const isFinished = (job: ImportJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** Count labels by what the file held: a review export opens cases, an order export feeds care. */
const countsKey = (kind: ImportKind) => (kind === 'care_orders' ? 'imports.careCounts' : 'imports.counts');

/**
 * Bringing reviews in from a back-office export (CSV or XLSX), or delivered orders for care
 * follow-ups: pick the shop, drop the file, watch the rows come in, then see every row that was
 * not imported and why.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [shopId, setShopId] = useState<string | undefined>();
  const [kind, setKind] = useState<ImportKind>('reviews');
  const [file, setFile] = useState<File | null>(null);
  const [shownJobId, setShownJobId] = useState<string | null>(null);
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const recent = useQuery({
    queryKey: ['imports'],
    queryFn: () => unwrap(api.GET('/api/imports', { params: { query: { limit: 20 } } })),
    refetchInterval: (query) => (query.state.data?.some((job) => !isFinished(job)) ? 2_000 : false),
  });
  const upload = useMutation({
    mutationFn: ({ shop, chosen, holds }: { shop: string; chosen: File; holds: ImportKind }) => {
      const form = new FormData();
      form.append('file', chosen, chosen.name);
      // The generated type says `file: string` (OpenAPI's binary); the browser sends the File itself.
      return unwrap(
        api.POST('/api/imports', {
          params: { query: { shopId: shop, kind: holds } },
          body: form as never,
          bodySerializer: (body) => body,
        }),
      );
    },
    onSuccess: (job) => {
      setShownJobId(job.id);
      setFile(null);
      void client.invalidateQueries({ queryKey: ['imports'] });
    },
  });
  const shopName = (id: string) => shops.data?.find((shop) => shop.id === id)?.name ?? id;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Card>
        <Form
          layout="vertical"
          onFinish={() => shopId && file && upload.mutate({ shop: shopId, chosen: file, holds: kind })}
          style={{ maxWidth: 640 }}
        >
          <Form.Item label={t('imports.shop')} htmlFor="import-shop" required>
            <Select
              id="import-shop"
              value={shopId}
              onChange={setShopId}
              loading={shops.isLoading}
              placeholder={t('imports.chooseShop')}
              options={(shops.data ?? []).map((shop) => ({
                value: shop.id,
                label: `${shop.name} · ${t(`platform.${shop.platform}`)}`,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('imports.kind.label')}>
            <Radio.Group
              value={kind}
              onChange={(event) => setKind(event.target.value as ImportKind)}
              options={(['reviews', 'care_orders'] as const).map((value) => ({
                value,
                label: t(`imports.kind.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={kind === 'care_orders' ? t('imports.kind.careFile') : t('imports.file')} required>
            <Upload.Dragger
              accept=".csv,.xlsx"
              maxCount={1}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {kind === 'care_orders' ? t('imports.kind.careDrop') : t('imports.drop')}
              </p>
              <p className="ant-upload-hint">
                {kind === 'care_orders' ? t('imports.kind.careHint') : t('imports.hint')}
              </p>
            </Upload.Dragger>
          </Form.Item>
          {upload.isError && (
            <Alert type="error" showIcon message={upload.error.message} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" disabled={!shopId || !file} loading={upload.isPending}>
            {t('imports.start')}
          </Button>
        </Form>
      </Card>
      {shownJobId && <ImportProgress jobId={shownJobId} shopName={shopName} />}
      <Card title={t('imports.recent')}>
        <Table<ImportJob>
          rowKey="id"
          size="small"
          loading={recent.isLoading}
          dataSource={recent.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('imports.none')}</EmptyText> }}
          columns={[
            {
              title: t('imports.columns.file'),
              render: (_: unknown, job) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setShownJobId(job.id)}>
                  {job.fileName ?? t(`imports.source.${job.source}`)}
                </Button>
              ),
            },
            { title: t('imports.shop'), dataIndex: 'shopId', render: (id: string) => shopName(id) },
            {
              title: t('imports.kind.label'),
              dataIndex: 'kind',
              render: (held: ImportKind) => t(`imports.kind.${held}`),
            },
            {
              title: t('imports.columns.status'),
              dataIndex: 'status',
              render: (status: ImportJob['status']) => (
                <Tag color={IMPORT_STATUS_COLORS[status]}>{t(`imports.status.${status}`)}</Tag>
              ),
            },
            { title: t('imports.counts.rowsRead'), dataIndex: 'rowsRead', align: 'right' },
            { title: t('imports.counts.imported'), dataIndex: 'imported', align: 'right' },
            { title: t('imports.counts.rejected'), dataIndex: 'rejected', align: 'right' },
            {
              title: t('imports.columns.at'),
              dataIndex: 'createdAt',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** One import as it runs (polled twice a second) and, once it has finished, its rejected rows. */
function ImportProgress({ jobId, shopName }: { jobId: string; shopName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const job = useQuery({
    queryKey: ['imports', jobId],
    queryFn: () => unwrap(api.GET('/api/imports/{id}', { params: { path: { id: jobId } } })),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 500),
  });
  const finished = isFinished(job.data);
  const rejections = useQuery({
    queryKey: ['imports', jobId, 'rejections'],
    queryFn: () =>
      unwrap(api.GET('/api/imports/{id}/rejections', { params: { path: { id: jobId }, query: { limit: 500 } } })),
    enabled: finished && (job.data?.rejected ?? 0) > 0,
  });
  if (job.isError) return <Alert type="error" message={t('error')} description={job.error.message} />;
  if (!job.data) return <Spin />;
  const current = job.data;
  const seconds = Math.max(1, dayjs(current.finishedAt ?? undefined).diff(dayjs(current.createdAt), 'second'));
  // A failed job's error is its code, then the details as JSON (the limit that was crossed, for the message).
  const [errorCode, ...detailWords] = (current.error ?? '').split(' ');
  const errorDetails = parseDetails(detailWords.join(' '));

  return (
    <Card
      title={
        <Space>
          {current.fileName ?? t(`imports.source.${current.source}`)}
          <Typography.Text type="secondary">{shopName(current.shopId)}</Typography.Text>
          <Tag color={IMPORT_STATUS_COLORS[current.status]}>{t(`imports.status.${current.status}`)}</Tag>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div role="status" aria-live="polite">
          {finished ? (
            <Typography.Text>
              {t('imports.finishedIn', { rows: current.rowsRead.toLocaleString(locale), seconds })}
            </Typography.Text>
          ) : (
            <Space>
              <Spin size="small" />
              <Typography.Text>
                {t('imports.reading', {
                  rows: current.rowsRead.toLocaleString(locale),
                  perSecond: Math.round(current.rowsRead / seconds).toLocaleString(locale),
                })}
              </Typography.Text>
            </Space>
          )}
        </div>
        {current.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            message={t(`imports.errors.${errorCode}`, { ...errorDetails, defaultValue: current.error ?? '' })}
            description={current.error}
          />
        )}
        <Row gutter={16}>
          {(['imported', 'updated', 'duplicates', 'skipped', 'rejected'] as const).map((count) => (
            <Col key={count} xs={12} sm={8} md={4}>
              <Statistic title={t(`${countsKey(current.kind)}.${count}`)} value={current[count]} />
            </Col>
          ))}
        </Row>
        {current.status === 'done' && current.kind === 'reviews' && current.imported > 0 && (
          <Link
            to={`/?${queueSearchParams({ scope: 'all', status: 'all', sort: 'urgency', importId: current.id }).toString()}`}
          >
            {t('imports.viewCases', { count: current.imported })}
          </Link>
        )}
        {current.rejected > 0 && finished && (
          <Table<ImportRejection>
            rowKey={(rejection) => `${rejection.row}-${rejection.field}`}
            size="small"
            loading={rejections.isLoading}
            dataSource={rejections.data?.rejections ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            title={() => (
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                {t('imports.rejectedRows')}
                <Button
                  icon={<DownloadOutlined />}
                  href={`/api/imports/${jobId}/rejections.csv?lang=${i18n.language}`}
                  download
                >
                  {t('imports.downloadRejected')}
                </Button>
              </Space>
            )}
            columns={[
              { title: t('imports.columns.row'), dataIndex: 'row', width: 80 },
              {
                title: t('imports.columns.field'),
                dataIndex: 'field',
                render: (field: string) => t(`imports.fields.${field}`, { defaultValue: field }),
              },
              {
                title: t('imports.columns.reason'),
                dataIndex: 'reason',
                render: (reason: ImportRejection['reason']) => t(`imports.reasons.${reason}`),
              },
              {
                title: t('imports.columns.value'),
                dataIndex: 'value',
                render: (value: string | null) => <Typography.Text code>{value ?? '—'}</Typography.Text>,
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const details: unknown = JSON.parse(json);
    return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
