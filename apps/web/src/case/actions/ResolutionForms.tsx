import { Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  CASE_TEXT_LIMITS,
  COMPENSATION_TYPES,
  compensationLimitFen,
  confirmRootCause,
  evaluateCompensation,
  fieldLabel,
  isMaliciousCase,
  isRefusal,
  markCompensationPaid,
  proposeCompensation,
  recordRemedy,
  refusalMessage,
  rejectCompensation,
  REMEDY_STATUSES,
  REMEDY_TYPES,
  ROOT_CAUSES,
  rootCauseLabel,
  SUB_CAUSES,
  subCauseLabel,
  type CompensationType,
  type RemedyStatus,
  type RemedyType,
  type RootCause,
} from '@chaping/domain';

import { yuan } from '../../shared/money';
import { Choices, GuardedButton, useOutcome, type ActionProps } from './shared';

export function RootCauseForm({ state, ctx, why, locale, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [rootCause, setRootCause] = useState<RootCause>(state.rootCause ?? 'other');
  const [subCause, setSubCause] = useState<string | undefined>(state.subCause ?? undefined);
  const refusal = why(confirmRootCause(state, { rootCause, subCause }, ctx));
  return (
    <Space wrap align="start">
      <Select<RootCause>
        value={rootCause}
        onChange={(value) => {
          setRootCause(value);
          setSubCause(undefined);
        }}
        style={{ width: 200 }}
        options={ROOT_CAUSES.map((value) => ({ value, label: rootCauseLabel(value, locale) }))}
        aria-label={t('rootCause.label')}
      />
      <Select<string>
        allowClear
        value={subCause}
        onChange={setSubCause}
        placeholder={t('rootCause.subCause')}
        style={{ width: 200 }}
        options={SUB_CAUSES[rootCause].map((value) => ({ value, label: subCauseLabel(value, locale) }))}
        aria-label={t('rootCause.subCause')}
      />
      <GuardedButton
        refusal={refusal}
        busy={busy}
        primary
        onClick={() => void run('root-cause', { rootCause, subCause }).then(show)}
        testId="confirm-root-cause"
      >
        {t('rootCause.confirm')}
      </GuardedButton>
    </Space>
  );
}

export function RemedyForm({ state, ctx, why, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [type, setType] = useState<RemedyType>(state.remedy?.type ?? 'exchange');
  const [status, setStatus] = useState<RemedyStatus>(state.remedy?.status ?? 'in_progress');
  const [note, setNote] = useState('');
  const refusal = why(recordRemedy(state, { type, status, note }, ctx));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<RemedyType>
          value={type}
          onChange={setType}
          style={{ width: 180 }}
          options={REMEDY_TYPES.map((value) => ({ value, label: t(`remedy.${value}`) }))}
          aria-label={t('remedy.type')}
        />
        <Choices<RemedyStatus>
          label={t('remedy.status')}
          value={status}
          onChange={setStatus}
          options={REMEDY_STATUSES.map((value) => ({ value, label: t(`remedyStatus.${value}`) }))}
        />
      </Space>
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        maxLength={CASE_TEXT_LIMITS.remedyNote}
        placeholder={t('remedy.note')}
        aria-label={t('remedy.note')}
      />
      <GuardedButton
        refusal={refusal}
        busy={busy}
        primary
        onClick={() => void run('remedy', { type, status, note: note || undefined }).then(show)}
        testId="record-remedy"
      >
        {t('remedy.save')}
      </GuardedButton>
    </Space>
  );
}

/** Shows the limit and whether a lead must approve before anything is submitted. */
export function CompensationForm({
  state,
  ctx,
  why,
  locale,
  run,
  busy,
  buyerCompensationsInPeriod,
}: ActionProps & { buyerCompensationsInPeriod: number }) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [type, setType] = useState<CompensationType>('coupon');
  const [amountYuan, setAmountYuan] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const amountFen = Math.round((amountYuan ?? 0) * 100);
  const offer = { type, amountFen, note };
  const history = { compensationsInPeriod: buyerCompensationsInPeriod };
  const evaluation = evaluateCompensation(state, offer, history, ctx.policy.compensation);
  const proposal = proposeCompensation(state, offer, history, ctx);
  // No amount yet is not a mistake: say what comes first rather than greet an empty form with an error.
  const noAmountYet = amountYuan === null && !proposal.ok && proposal.refusal.code === 'compensation.invalid_amount';
  const refusal = noAmountYet ? t('compensation.amountFirst') : why(proposal);
  const limit = compensationLimitFen(state, type, ctx.policy.compensation);
  return (
    <Form layout="vertical">
      <Space wrap>
        <Form.Item label={t('compensation.type')}>
          <Select<CompensationType>
            value={type}
            onChange={setType}
            style={{ width: 180 }}
            options={COMPENSATION_TYPES.map((value) => ({ value, label: t(`compensationType.${value}`) }))}
            aria-label={t('compensation.type')}
          />
        </Form.Item>
        <Form.Item label={t('compensation.amount')}>
          <InputNumber<number>
            min={0.01}
            step={1}
            precision={2}
            value={amountYuan}
            onChange={setAmountYuan}
            addonAfter="元"
            aria-label={t('compensation.amount')}
          />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary" data-testid="compensation-limit">
        {t('compensation.limit', { limit: yuan(limit) })}{' '}
        {!isRefusal(evaluation) && amountFen > 0 && (
          <Typography.Text type={evaluation.approvalReasons.length > 0 ? 'warning' : 'success'}>
            {evaluation.approvalReasons.length > 0
              ? t('compensation.needsApproval', {
                  reasons: evaluation.approvalReasons.map((reason) => fieldLabel(reason, locale)).join('、'),
                })
              : t('compensation.withinLimit')}
          </Typography.Text>
        )}
        {isRefusal(evaluation) && amountFen > 0 && (
          <Typography.Text type="danger">{refusalMessage(evaluation, locale)}</Typography.Text>
        )}
      </Typography.Paragraph>
      <Form.Item label={t('compensation.note')} help={t('compensation.noteHelp')}>
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={CASE_TEXT_LIMITS.compensationNote}
          aria-label={t('compensation.note')}
        />
      </Form.Item>
      <GuardedButton
        refusal={refusal}
        busy={busy}
        primary
        onClick={() =>
          void run('compensations', { type, amountFen, note }).then((outcome) => {
            show(outcome);
            // A fresh form for the next proposal: yesterday's amount must not ride along by accident.
            if (outcome.ok) {
              setType('coupon');
              setAmountYuan(null);
              setNote('');
            }
          })
        }
        testId="propose-compensation"
      >
        {t('compensation.propose')}
      </GuardedButton>
      {state.compensations.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 16 }}
          dataSource={[...state.compensations]}
          renderItem={(compensation) => (
            <List.Item
              actions={
                compensation.status === 'approved'
                  ? [
                      <GuardedButton
                        key="paid"
                        busy={busy}
                        refusal={why(markCompensationPaid(state, { compensationId: compensation.id }, ctx))}
                        onClick={() =>
                          void run(
                            'compensations/{compensationId}/mark-paid',
                            {},
                            { compensationId: compensation.id },
                          ).then(show)
                        }
                      >
                        {t('compensation.markPaid')}
                      </GuardedButton>,
                      // On a case found malicious after the approval the payout can only be cancelled.
                      ...(isMaliciousCase(state)
                        ? [
                            <GuardedButton
                              key="cancel"
                              busy={busy}
                              refusal={why(
                                rejectCompensation(
                                  state,
                                  { compensationId: compensation.id, note: t('compensation.cancelNote') },
                                  ctx,
                                ),
                              )}
                              onClick={() =>
                                void run(
                                  'compensations/{compensationId}/reject',
                                  { note: t('compensation.cancelNote') },
                                  { compensationId: compensation.id },
                                ).then(show)
                              }
                              testId="cancel-compensation"
                            >
                              {t('compensation.cancelPayout')}
                            </GuardedButton>,
                          ]
                        : []),
                    ]
                  : []
              }
            >
              {t(`compensationType.${compensation.type}`)} {yuan(compensation.amountFen)}{' '}
              <Tag>{t(`compensationStatus.${compensation.status}`)}</Tag>
              {compensation.status === 'rejected' && (
                <Typography.Paragraph style={{ margin: 0 }} data-testid="compensation-rejected">
                  {compensation.decisionNote
                    ? t('caseView.compensation.rejectedBy', { reason: compensation.decisionNote })
                    : t('caseView.compensation.rejectedNoReason')}
                </Typography.Paragraph>
              )}
            </List.Item>
          )}
        />
      )}
    </Form>
  );
}
