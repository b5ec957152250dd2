import { Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  BUYER_TYPES,
  CASE_TEXT_LIMITS,
  overrideTriage,
  ROOT_CAUSES,
  rootCauseLabel,
  SEVERITIES,
  type BuyerType,
  type RootCause,
  type Severity,
  type TriageOverrideInput,
} from '@chaping/domain';

import { triageOverrideBody } from '../use-case';
import { GuardedButton, useOutcome, type ActionProps } from './shared';

type CorrectedField = 'severity' | 'rootCause' | 'buyerType' | 'misclick';
const CORRECTED_FIELDS: readonly CorrectedField[] = ['severity', 'rootCause', 'buyerType', 'misclick'];

/**
 * Corrects one of triage's guesses — severity (which sets the deadlines and the queue order), the
 * root cause (a cause other than malicious lifts a wrong malicious flag), buyer type, or a
 * mis-click — with the reason that teaches the lexicon.
 */
export function TriageForm({ state, ctx, why, locale, run, busy }: ActionProps) {
  const { t } = useTranslation();
  const show = useOutcome();
  const [field, setField] = useState<CorrectedField>('severity');
  const [severity, setSeverity] = useState<Severity>(state.severity);
  const [rootCause, setRootCause] = useState<RootCause>(state.rootCause ?? 'other');
  const [buyerType, setBuyerType] = useState<BuyerType>(state.buyerType);
  const [misclick, setMisclick] = useState(!state.misclick);
  const [reason, setReason] = useState('');
  const input: TriageOverrideInput =
    field === 'severity'
      ? { field, severity, reason }
      : field === 'rootCause'
        ? { field, rootCause, reason }
        : field === 'buyerType'
          ? { field, buyerType, reason }
          : { field, misclick, reason };
  const refusal = why(overrideTriage(state, input, ctx));
  return (
    <Form layout="vertical">
      <Form.Item label={t('triageForm.field')}>
        <Radio.Group
          value={field}
          onChange={(event) => setField(event.target.value as CorrectedField)}
          options={CORRECTED_FIELDS.map((value) => ({
            value,
            label: t(`triageForm.fields.${value}`),
          }))}
          aria-label={t('triageForm.field')}
        />
      </Form.Item>
      <Form.Item label={t('triageForm.value')}>
        {field === 'severity' && (
          <Select<Severity>
            value={severity}
            onChange={setSeverity}
            style={{ width: 200 }}
            options={SEVERITIES.map((value) => ({ value, label: t(`severity.${value}`) }))}
            aria-label={t('triageForm.fields.severity')}
          />
        )}
        {field === 'rootCause' && (
          <Select<RootCause>
            value={rootCause}
            onChange={setRootCause}
            style={{ width: 200 }}
            options={ROOT_CAUSES.map((value) => ({ value, label: rootCauseLabel(value, locale) }))}
            aria-label={t('triageForm.fields.rootCause')}
          />
        )}
        {field === 'buyerType' && (
          <Select<BuyerType>
            value={buyerType}
            onChange={setBuyerType}
            style={{ width: 200 }}
            options={BUYER_TYPES.map((value) => ({ value, label: t(`buyerType.${value}`) }))}
            aria-label={t('triageForm.fields.buyerType')}
          />
        )}
        {field === 'misclick' && (
          <Radio.Group
            value={misclick}
            onChange={(event) => setMisclick(event.target.value as boolean)}
            options={[
              { value: true, label: t('triageForm.misclick') },
              { value: false, label: t('triageForm.notMisclick') },
            ]}
            aria-label={t('triageForm.fields.misclick')}
          />
        )}
      </Form.Item>
      <Form.Item label={t('triageForm.reason')} required>
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={2}
          maxLength={CASE_TEXT_LIMITS.triageReason}
          aria-label={t('triageForm.reason')}
        />
      </Form.Item>
      <Space>
        <GuardedButton
          refusal={refusal}
          busy={busy}
          primary
          onClick={() =>
            void run('triage-overrides', triageOverrideBody({ ...input, reason: reason.trim() })).then(show)
          }
          testId="triage-override"
        >
          {t('triageForm.submit')}
        </GuardedButton>
      </Space>
    </Form>
  );
}
