import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, message, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { fieldLabel, type Locale } from '@chaping/domain';

import { getJson, postJson, type PendingCompensation } from '../shared/api';
import { EmptyText } from '../shared/EmptyText';
import { yuan } from '../shared/money';

/** The team lead's queue of compensations above the limits: approve, or reject with a reason. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState<PendingCompensation | null>(null);
  const [reason, setReason] = useState('');
  const pending = useQuery({
    queryKey: ['compensations', 'pending'],
    queryFn: () => getJson<PendingCompensation[]>('/api/compensations/pending', locale),
    refetchInterval: 30_000,
  });
  const decide = useMutation({
    mutationFn: ({
      item,
      decision,
      note,
    }: {
      item: PendingCompensation;
      decision: 'approve' | 'reject';
      note?: string;
    }) =>
      postJson(
        `/api/cases/${item.caseId}/compensations/${item.id}/${decision}`,
        { expectedVersion: item.caseVersion, note },
        locale,
      ),
    onSuccess: (_, { decision }) => {
      void message.success(t(decision === 'approve' ? 'approvals.approved' : 'approvals.rejected'));
      void client.invalidateQueries({ queryKey: ['compensations', 'pending'] });
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('approvals.title')}
      </Typography.Title>
      {pending.isError && <Alert type="error" message={t('error')} description={pending.error.message} />}
      <Table<PendingCompensation>
        rowKey="id"
        loading={pending.isLoading}
        dataSource={pending.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('approvals.empty')}</EmptyText> }}
        columns={[
          { title: t('queue.columns.shop'), dataIndex: 'shopName' },
          {
            title: t('queue.columns.review'),
            dataIndex: 'reviewText',
            render: (text: string, item) => <Link to={`/cases/${item.caseId}`}>{text}</Link>,
          },
          {
            title: t('approvals.offer'),
            render: (_: unknown, item) => (
              <>
                {t(`compensationType.${item.type}`)} {yuan(item.amountFen)}
                <br />
                <Typography.Text type="secondary">{item.note}</Typography.Text>
              </>
            ),
          },
          {
            title: t('approvals.why'),
            dataIndex: 'approvalReasons',
            render: (reasons: string[]) =>
              reasons.map((reason) => <Tag key={reason}>{fieldLabel(reason, locale)}</Tag>),
          },
          {
            title: t('approvals.proposedBy'),
            dataIndex: 'proposedByName',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('approvals.decide'),
            render: (_: unknown, item) => (
              <Space>
                <Button
                  type="primary"
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ item, decision: 'approve' })}
                >
                  {t('approvals.approve')}
                </Button>
                <Button danger onClick={() => setRejecting(item)}>
                  {t('approvals.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={t('approvals.rejectTitle')}
        okText={t('approvals.reject')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ disabled: reason.trim().length === 0, danger: true }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          if (rejecting) decide.mutate({ item: rejecting, decision: 'reject', note: reason.trim() });
          setRejecting(null);
          setReason('');
        }}
      >
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={3}
          aria-label={t('approvals.rejectReason')}
          placeholder={t('approvals.rejectReason')}
        />
      </Modal>
    </Space>
  );
}
