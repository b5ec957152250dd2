import { Alert, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { compensationBarred, fieldLabel, refusalMessage, type MaliciousKind, type RootCause } from '@chaping/domain';

import { GuardedButton } from '../case/actions/shared';
import { type PendingCompensation } from '../shared/api';
import { EmptyText } from '../shared/EmptyText';
import { useLocale } from '../shared/use-locale';
import { BuyerHistoryCell, CaseCell, OfferCell } from './ApprovalCells';

import './i18n';

import { useApprovals, type Decision } from './use-approvals';

/** The team lead's queue of compensations above the limits: approve, or reject with a reason. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { pending, decide } = useApprovals();
  const [rejecting, setRejecting] = useState<PendingCompensation | null>(null);

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
        scroll={{ x: 1100 }}
        locale={{ emptyText: <EmptyText>{t('approvals.empty')}</EmptyText> }}
        columns={[
          { title: t('queue.columns.shop'), dataIndex: 'shopName', width: 120 },
          { title: t('approvalsMore.case'), render: (_, item) => <CaseCell item={item} locale={locale} /> },
          { title: t('approvals.offer'), render: (_, item) => <OfferCell item={item} locale={locale} /> },
          {
            title: t('approvals.why'),
            dataIndex: 'approvalReasons',
            render: (reasons: string[]) =>
              reasons.map((reason) => <Tag key={reason}>{fieldLabel(reason, locale)}</Tag>),
          },
          {
            title: t('approvalsMore.history'),
            render: (_, item) => <BuyerHistoryCell item={item} locale={locale} />,
          },
          {
            title: t('approvals.proposedBy'),
            dataIndex: 'proposedByName',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('approvals.decide'),
            width: 260,
            render: (_, item) => (
              <DecideButtons item={item} busy={decide.isPending} onDecide={decide.mutate} onReject={setRejecting} />
            ),
          },
        ]}
      />
      <RejectDialog
        item={rejecting}
        onClose={() => setRejecting(null)}
        onReject={(item, note) => decide.mutate({ item, decision: 'reject', note })}
      />
    </Space>
  );
}

/** Approve is disabled, with the domain's reason, on a case no compensation may be paid on. */
function DecideButtons(props: {
  item: PendingCompensation;
  busy: boolean;
  onDecide: (decision: Decision) => void;
  onReject: (item: PendingCompensation) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { item } = props;
  const barred = compensationBarred({
    maliciousKind: item.maliciousKind as MaliciousKind | null,
    rootCause: item.rootCause as RootCause | null,
  });
  return (
    <Space align="start">
      <GuardedButton
        primary
        busy={props.busy}
        refusal={barred ? refusalMessage(barred, locale) : null}
        onClick={() => props.onDecide({ item, decision: 'approve' })}
      >
        {t('approvals.approve')}
      </GuardedButton>
      <Button danger onClick={() => props.onReject(item)}>
        {t('approvals.reject')}
      </Button>
    </Space>
  );
}

function RejectDialog(props: {
  item: PendingCompensation | null;
  onClose: () => void;
  onReject: (item: PendingCompensation, note: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    props.onClose();
  };
  return (
    <Modal
      open={props.item !== null}
      title={t('approvals.rejectTitle')}
      okText={t('approvals.reject')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: reason.trim().length === 0, danger: true }}
      onCancel={close}
      onOk={() => {
        if (props.item) props.onReject(props.item, reason.trim());
        close();
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
  );
}
