import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, message, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { CASE_TEXT_LIMITS, revealPersonalData, setDoNotContact, type PersonalDataField } from '@chaping/domain';

import { ApiError, type CaseView } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { GuardedButton, useOutcome, type ActionProps } from './actions/shared';
import { caseQueryKey } from './case-queries';

/**
 * The buyer: phone, address and name masked, each shown whole only with a reason that is logged on
 * the case; and the switch for a buyer who asked not to be contacted again.
 */
export function BuyerCard(props: ActionProps & { view: CaseView }) {
  const { view } = props;
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<Partial<Record<PersonalDataField, string | null>>>({});
  const [asking, setAsking] = useState<PersonalDataField | null>(null);
  const [stopping, setStopping] = useState(false);
  const masked: Record<PersonalDataField, string | null | undefined> = {
    phone: view.buyer.phone,
    address: view.buyer.address,
    realName: view.buyer.realName,
  };
  const personal = (field: PersonalDataField) => {
    const shown = revealed[field];
    if (shown !== undefined) return <span data-testid={`revealed-${field}`}>{shown ?? '—'}</span>;
    return (
      <Space size={4}>
        {masked[field] ?? '—'}
        {masked[field] && (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => setAsking(field)}
            aria-label={t('privacy.showField', { field: t(`privacy.fields.${field}`) })}
          >
            {t('privacy.show')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Card title={t('case.buyer')} size="small">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('case.nickname')}>{view.buyer.nickname}</Descriptions.Item>
        <Descriptions.Item label={t('case.phone')}>{personal('phone')}</Descriptions.Item>
        <Descriptions.Item label={t('case.address')}>{personal('address')}</Descriptions.Item>
        {view.buyer.realName && (
          <Descriptions.Item label={t('privacy.fields.realName')}>{personal('realName')}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('case.product')}>{view.productModel ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.order')}>{view.order?.platformOrderId ?? '—'}</Descriptions.Item>
      </Descriptions>
      {view.buyer.doNotContact ? (
        <Alert type="warning" message={t('case.doNotContact')} />
      ) : (
        view.stage !== 'recorded' && <Button onClick={() => setStopping(true)}>{t('dnc.button')}</Button>
      )}
      {asking && (
        <RevealDialog
          {...props}
          field={asking}
          onClose={() => setAsking(null)}
          onRevealed={(value) => setRevealed((current) => ({ ...current, [asking]: value }))}
        />
      )}
      {stopping && <DoNotContactDialog {...props} onClose={() => setStopping(false)} />}
    </Card>
  );
}

function RevealDialog({
  view,
  state,
  ctx,
  why,
  field,
  onClose,
  onRevealed,
}: ActionProps & {
  view: CaseView;
  field: PersonalDataField;
  onClose: () => void;
  onRevealed: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [sending, setSending] = useState(false);
  // Not a case command (its answer is the value, not the case view), so it is posted here.
  const reveal = async (reason: string) => {
    setSending(true);
    try {
      const answer = await unwrap(
        api.POST('/api/cases/{id}/personal-data/reveal', {
          params: { path: { id: view.id } },
          body: { field, reason },
        }),
      );
      onRevealed(answer.value);
      void message.success(t('privacy.logged'));
      onClose();
      // The reveal is an event on the case: its history and version moved.
      void client.invalidateQueries({ queryKey: caseQueryKey(view.id) });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t('error'));
    } finally {
      setSending(false);
    }
  };
  return (
    <ReasonDialog
      title={t('privacy.title', { field: t(`privacy.fields.${field}`) })}
      label={t('privacy.reason')}
      maxLength={CASE_TEXT_LIMITS.revealReason}
      refusalFor={(reason) => why(revealPersonalData(state, { field, reason }, ctx))}
      busy={sending}
      confirm={t('privacy.show')}
      testId="reveal"
      onConfirm={(reason) => void reveal(reason)}
      onClose={onClose}
    />
  );
}

function DoNotContactDialog({ state, ctx, why, run, busy, onClose }: ActionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const show = useOutcome();
  return (
    <ReasonDialog
      title={t('dnc.title')}
      label={t('dnc.reason')}
      maxLength={CASE_TEXT_LIMITS.doNotContactReason}
      refusalFor={(reason) => why(setDoNotContact(state, { reason }, ctx))}
      busy={busy}
      confirm={t('dnc.confirm')}
      testId="do-not-contact"
      onConfirm={(reason) =>
        void run('do-not-contact', { reason }).then((outcome) => {
          show(outcome);
          if (outcome.ok) onClose();
        })
      }
      onClose={onClose}
    >
      <Alert type="info" message={t('dnc.explain')} />
    </ReasonDialog>
  );
}

/** A dialog that asks why, with its confirm button disabled — and explained — by the domain's rule. */
function ReasonDialog({
  title,
  label,
  maxLength,
  refusalFor,
  busy,
  confirm,
  testId,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  label: string;
  maxLength: number;
  refusalFor: (reason: string) => string | null;
  busy: boolean;
  confirm: string;
  testId: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <GuardedButton
          refusal={refusalFor(reason)}
          busy={busy}
          primary
          onClick={() => onConfirm(reason.trim())}
          testId={testId}
        >
          {confirm}
        </GuardedButton>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {children}
        <Input.TextArea
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={2}
          maxLength={maxLength}
          placeholder={label}
          aria-label={label}
        />
      </Space>
    </Modal>
  );
}
