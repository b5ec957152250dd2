import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { stageLabel, type Locale } from '@chaping/domain';

import { getJson, type CaseView } from '../shared/api';

export function CasePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const query = useQuery({
    queryKey: ['case', id, locale],
    queryFn: () => getJson<CaseView>(`/api/cases/${id}`, locale),
    enabled: !!id,
  });
  if (query.isError) return <Alert type="error" message={t('error')} description={query.error.message} />;
  const view = query.data;
  const time = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/">← {t('case.back')}</Link>
      {view && (
        <>
          <Typography.Title level={2}>
            {view.shopName} <Tag>{stageLabel(view.stage, locale)}</Tag>
          </Typography.Title>
          <Card title={t('case.review')}>
            <Typography.Paragraph>{view.review.text}</Typography.Paragraph>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('case.buyer')}>
                {view.buyer.nickname} {view.buyer.phone}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.deadlines')}>
                {time(view.deadlines.firstContactDueAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('case.history')}>
            <Timeline
              items={view.events.map((event) => ({
                key: event.id,
                children: `${time(event.at)} · ${event.type}${event.type === 'stage_changed' ? ` → ${stageLabel(String(event.data['to']), locale)}` : ''}`,
              }))}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
