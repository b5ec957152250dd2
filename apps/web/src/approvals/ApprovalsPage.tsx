import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, message, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { fieldLabel } from '@chaping/domain';

import { type PendingCompensation } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { EmptyText } from '../shared/EmptyText';
import { yuan } from '../shared/money';
import { useLocale } from '../shared/use-locale';

/** The team lead's queue of compensations above the limits: approve, or reject with a reason. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState<PendingCompensation | null>(null);
  const [reason, setReason] = useState('');
  const pending = useQuery({
    queryKey: ['compensations', 'pending'],
    queryFn: () => unwrap(api.GET('/api/compensations/pending')),
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
    }) => {
      const path = { id: item.caseId, compensationId: item.id };
      const expectedVersion = item.caseVersion;
      return unwrap(
        decision === 'approve'
          ? api.POST('/api/cases/{id}/compensations/{compensationId}/approve', {
              params: { path },
              body: { expectedVersion, ...(note ? { note } : {}) },
            })
          : api.POST('/api/cases/{id}/compensations/{compensationId}/reject', {
              params: { path },
              body: { expectedVersion, note: note ?? '' },
            }),
      );
    },
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
