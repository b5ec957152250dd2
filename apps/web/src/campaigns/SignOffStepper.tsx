import { Alert, Button, Input, Space, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkPromotionWording,
  PROMOTION_SIGN_OFF_STEPS,
  promotionSignOffRefusal,
  promotionTrapLabel,
  refusalMessage,
  type PromotionAcknowledgement,
  type PromotionSignOffStep,
  type PromotionTrapCode,
  type Role,
} from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { underReview, type Promotion } from './promotion';

import './i18n';

interface Props {
  promotion: Promotion;
  me: { id: string; role: Role };
  busy: boolean;
  error: string | null;
  onSign: (step: PromotionSignOffStep, acknowledgements: PromotionAcknowledgement[]) => void;
}

/** A written reason for every warned trap not yet accepted, typed before the first sign-off. */
function AcknowledgementFields({
  codes,
  notes,
  onChange,
}: {
  codes: PromotionTrapCode[];
  notes: Partial<Record<PromotionTrapCode, string>>;
  onChange: (notes: Partial<Record<PromotionTrapCode, string>>) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {codes.map((code) => {
        const id = `ack-${code.replace('.', '-')}`;
        return (
          <Space key={code} direction="vertical" size={2} style={{ width: '100%' }}>
            <label htmlFor={id}>{t('campaigns.promotions.ackLabel', { trap: promotionTrapLabel(code, locale) })}</label>
            <Input.TextArea
              id={id}
              rows={2}
              maxLength={500}
              placeholder={t('campaigns.promotions.ackPlaceholder')}
              value={notes[code] ?? ''}
              onChange={(event) => onChange({ ...notes, [code]: event.target.value })}
            />
          </Space>
        );
      })}
    </Space>
  );
}

/**
 * The four checks in order, who signed each and when; the next one's button is enabled by the same
 * domain rule the API enforces, with the reason in words when it is not.
 */
export function SignOffStepper({ promotion, me, busy, error, onSign }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [notes, setNotes] = useState<Partial<Record<PromotionTrapCode, string>>>({});
  const signed = promotion.signOffs.length;
  const next = PROMOTION_SIGN_OFF_STEPS[signed];
  const given = promotion.acknowledgements as PromotionAcknowledgement[];
  const warned = [
    ...new Set(
      checkPromotionWording(promotion.wording)
        .filter((each) => each.severity === 'warn')
        .map((each) => each.code),
    ),
  ];
  const open = warned.filter((code) => !given.some((each) => each.code === code && each.note.trim() !== ''));
  const typed = open.flatMap((code) => (notes[code]?.trim() ? [{ code, note: notes[code].trim() }] : []));
  const refusal = next
    ? promotionSignOffRefusal({ ...underReview(promotion), acknowledgements: [...given, ...typed] }, next, me)
    : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={signed}
        status={next ? 'process' : 'finish'}
        items={PROMOTION_SIGN_OFF_STEPS.map((step) => {
          const done = promotion.signOffs.find((each) => each.step === step);
          return {
            title: t(`campaigns.promotions.steps.${step}`),
            description: done
              ? t('campaigns.promotions.signedBy', {
                  name: done.by.displayName,
                  at: dayjs(done.at).format('MM-DD HH:mm'),
                })
              : t('campaigns.promotions.waiting'),
          };
        })}
      />
      {given.map((each) => (
        <Typography.Text key={each.code} type="secondary">
          {promotionTrapLabel(each.code, locale)} — {t('campaigns.promotions.acknowledged', { note: each.note })}
        </Typography.Text>
      ))}
      {next && open.length > 0 && <AcknowledgementFields codes={open} notes={notes} onChange={setNotes} />}
      {next ? (
        <Space wrap>
          <Button type="primary" disabled={refusal !== null} loading={busy} onClick={() => onSign(next, typed)}>
            {t('campaigns.promotions.sign', { step: t(`campaigns.promotions.steps.${next}`) })}
          </Button>
          {refusal && <Typography.Text type="secondary">{refusalMessage(refusal, locale)}</Typography.Text>}
        </Space>
      ) : (
        <Alert type="success" showIcon message={t('campaigns.promotions.signedOff')} />
      )}
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
