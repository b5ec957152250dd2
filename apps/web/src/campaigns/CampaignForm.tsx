import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import {
  CAMPAIGN_NAME_MAX_LENGTH,
  campaignRefusal,
  MAX_MINUTES_PER_CASE,
  refusalMessage,
  ROOT_CAUSES,
  rootCauseLabel,
} from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { draftHours, negativeRateByCause, useCampaignDraft, type CampaignDraft } from './campaign-draft';
import { ExpectedOrdersEditor } from './ExpectedOrdersEditor';
import { ForecastPreview } from './ForecastPreview';

import './i18n';

export interface NewCampaign {
  name: string;
  startsAt: string;
  endsAt: string;
  peakStartsAt: string;
  peakEndsAt: string;
  expectedOrders: Array<{ hour: string; orders: number }>;
  minutesPerCase: number;
  negativeRateByCause: Record<string, number>;
}

type TimeField = 'startsAt' | 'endsAt' | 'peakStartsAt' | 'peakEndsAt';
const TIME_FIELDS: TimeField[] = ['startsAt', 'endsAt', 'peakStartsAt', 'peakEndsAt'];

/** A whole-hour time, typed ("2026-11-10 20:00") or picked; minutes are dropped. */
function HourPicker({
  field,
  draft,
  onChange,
}: {
  field: TimeField;
  draft: CampaignDraft;
  onChange: (iso: string | null) => void;
}) {
  const value = draft[field];
  return (
    <DatePicker
      id={`campaign-${field}`}
      style={{ width: '100%' }}
      showTime={{ format: 'HH' }}
      format="YYYY-MM-DD HH:mm"
      needConfirm={false}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange(date ? date.startOf('hour').toDate().toISOString() : null)}
    />
  );
}

/** Negative reviews per hundred orders by cause, for a shop whose history is too short. */
function RatesEditor({ draft, onChange }: { draft: CampaignDraft; onChange: (patch: Partial<CampaignDraft>) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 4 }}>{t('campaigns.create.rates')}</legend>
      <Typography.Paragraph type="secondary">{t('campaigns.create.ratesHint')}</Typography.Paragraph>
      <Row gutter={[12, 8]}>
        {ROOT_CAUSES.map((cause) => (
          <Col key={cause} xs={12} md={8} xl={6}>
            <Space.Compact block>
              <InputNumber
                aria-label={rootCauseLabel(cause, locale)}
                style={{ width: 96 }}
                min={0}
                max={100}
                step={0.1}
                precision={2}
                addonAfter="%"
                value={draft.ratePercent[cause] ?? null}
                onChange={(value) =>
                  onChange({ ratePercent: { ...draft.ratePercent, [cause]: value === null ? undefined : value } })
                }
              />
            </Space.Compact>
            <Typography.Text style={{ marginLeft: 8 }}>{rootCauseLabel(cause, locale)}</Typography.Text>
          </Col>
        ))}
      </Row>
    </fieldset>
  );
}

interface Props {
  busy: boolean;
  error: string | null;
  onSubmit: (campaign: NewCampaign) => void;
  onCancel: () => void;
}

/** Lead: a new campaign — its dates, peak, expected orders by hour — with a live forecast beside it. */
export function CampaignForm({ busy, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { draft, change } = useCampaignDraft();
  const { hours, expectedOrders } = useMemo(() => draftHours(draft), [draft]);
  const rates = useMemo(() => negativeRateByCause(draft), [draft]);
  const times = {
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    peakStartsAt: draft.peakStartsAt,
    peakEndsAt: draft.peakEndsAt,
  };
  const complete = TIME_FIELDS.every((field) => times[field] !== null);
  const problem = complete
    ? campaignRefusal({ name: draft.name, ...(times as Record<TimeField, string>), expectedOrders })
    : null;
  const submit = () => {
    if (!complete || problem) return;
    onSubmit({
      name: draft.name.trim(),
      ...(times as Record<TimeField, string>),
      expectedOrders,
      minutesPerCase: draft.minutesPerCase,
      negativeRateByCause: rates,
    });
  };

  return (
    <Card title={t('campaigns.create.title')}>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <Form layout="vertical" component="div">
            <Form.Item label={t('campaigns.create.name')} htmlFor="campaign-name">
              <Input
                id="campaign-name"
                maxLength={CAMPAIGN_NAME_MAX_LENGTH}
                placeholder={t('campaigns.create.namePlaceholder')}
                value={draft.name}
                onChange={(event) => change({ name: event.target.value })}
              />
            </Form.Item>
            <Row gutter={12}>
              {TIME_FIELDS.map((field) => (
                <Col key={field} xs={12}>
                  <Form.Item label={t(`campaigns.create.${field}`)} htmlFor={`campaign-${field}`}>
                    <HourPicker field={field} draft={draft} onChange={(iso) => change({ [field]: iso })} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item label={t('campaigns.create.minutesPerCase')} htmlFor="campaign-minutes">
              <InputNumber
                id="campaign-minutes"
                min={1}
                max={MAX_MINUTES_PER_CASE}
                precision={0}
                addonAfter={t('campaigns.create.minutes')}
                value={draft.minutesPerCase}
                onChange={(value) => change({ minutesPerCase: value ?? 1 })}
              />
            </Form.Item>
            <RatesEditor draft={draft} onChange={change} />
            <Typography.Title level={4}>{t('campaigns.orders.title')}</Typography.Title>
            <ExpectedOrdersEditor
              hours={hours}
              orders={draft.orders}
              peak={{ startsAt: draft.peakStartsAt, endsAt: draft.peakEndsAt }}
              onChange={(orders) => change({ orders })}
            />
            {problem && (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                role="alert"
                message={refusalMessage(problem, locale)}
              />
            )}
            {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" onClick={submit} loading={busy} disabled={!complete || problem !== null}>
                {t('campaigns.create.submit')}
              </Button>
              <Button onClick={onCancel}>{t('campaigns.create.cancel')}</Button>
            </Space>
          </Form>
        </Col>
        <Col xs={24} xl={11}>
          {/* The preview stays in sight while the lead scrolls through the hours. */}
          <div style={{ position: 'sticky', top: 16 }}>
            <ForecastPreview
              expectedOrders={expectedOrders}
              negativeRateByCause={rates}
              minutesPerCase={draft.minutesPerCase}
            />
          </div>
        </Col>
      </Row>
    </Card>
  );
}
