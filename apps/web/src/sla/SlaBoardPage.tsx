import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { stageLabel, type Locale } from '@chaping/domain';

import { type SlaBoard } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { Countdown } from '../shared/Countdown';
import { EmptyText } from '../shared/EmptyText';
import { ShiftPanel } from '../shifts/ShiftPanel';

type AgentRow = SlaBoard['agents'][number];
type OverdueRow = SlaBoard['overdue'][number];

const danger = (count: number) => (count > 0 ? <Typography.Text type="danger">{count}</Typography.Text> : count);

/** The team lead's SLA board: who has overdue first contacts and resolutions, what falls due in 24 h. */
export function SlaBoardPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const board = useQuery({
    queryKey: ['sla-board'],
    queryFn: () => unwrap(api.GET('/api/sla/board')),
    refetchInterval: 60_000,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('sla.title')}
      </Typography.Title>
      {board.isError && <Alert type="error" message={t('error')} description={board.error.message} />}
      <Table<AgentRow>
        rowKey={(row) => row.agentId ?? 'pool'}
        loading={board.isLoading}
        dataSource={board.data?.agents ?? []}
        pagination={false}
        columns={[
          { title: t('sla.agent'), dataIndex: 'agentName', render: (name: string | null) => name ?? t('queue.pool') },
          { title: t('sla.open'), dataIndex: 'open' },
          { title: t('sla.overdueFirstContact'), dataIndex: 'overdueFirstContact', render: danger },
          { title: t('sla.overdueResolution'), dataIndex: 'overdueResolution', render: danger },
          { title: t('sla.dueWithin24h'), dataIndex: 'dueWithin24h' },
        ]}
      />
      <ShiftPanel />
      <Typography.Title level={3}>{t('sla.overdueCases')}</Typography.Title>
      <Table<OverdueRow>
        rowKey="id"
        loading={board.isLoading}
        dataSource={board.data?.overdue ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('sla.nothingOverdue')}</EmptyText> }}
        columns={[
          { title: t('sla.deadline'), dataIndex: 'deadline', render: (deadline: string) => t(`sla.${deadline}`) },
          {
            title: t('queue.columns.urgency'),
            dataIndex: 'dueAt',
            render: (dueAt: string) => <Countdown to={dueAt} />,
          },
          { title: t('queue.columns.shop'), dataIndex: 'shopName' },
          { title: t('sla.agent'), dataIndex: 'agentName', render: (name: string | null) => name ?? t('queue.pool') },
          {
            title: t('queue.columns.stage'),
            dataIndex: 'stage',
            render: (stage: string) => <Tag>{stageLabel(stage, locale)}</Tag>,
          },
          { title: '', dataIndex: 'id', render: (id: string) => <Link to={`/cases/${id}`}>{t('sla.view')}</Link> },
        ]}
      />
    </Space>
  );
}
