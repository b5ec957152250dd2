import { Alert, Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { MAX_ORDERS_PER_HOUR } from '@chaping/domain';

import { CURVES, fillFromTotal, parsePastedOrders, type Curve, type OrdersByHour } from './expected-orders';
import { hourLabel } from './ForecastChart';

import './i18n';

interface Props {
  hours: readonly string[];
  orders: OrdersByHour;
  peak: { startsAt: string | null; endsAt: string | null };
  onChange: (orders: OrdersByHour) => void;
}

/** Fill every hour from a total and a curve, in one go. */
function FillFromTotal({ hours, peak, onChange }: Omit<Props, 'orders'>) {
  const { t } = useTranslation();
  const [total, setTotal] = useState<number | null>(null);
  const [curve, setCurve] = useState<Curve>('day');
  return (
    <Space wrap>
      <label htmlFor="campaign-fill-total">{t('campaigns.orders.fillTotal')}</label>
      <InputNumber id="campaign-fill-total" min={0} precision={0} value={total} onChange={setTotal} />
      <label htmlFor="campaign-fill-curve">{t('campaigns.orders.curve')}</label>
      <Select
        id="campaign-fill-curve"
        style={{ minWidth: 220 }}
        value={curve}
        onChange={setCurve}
        options={CURVES.map((value) => ({ value, label: t(`campaigns.orders.curves.${value}`) }))}
      />
      <Button
        disabled={total === null}
        onClick={() => onChange(fillFromTotal({ hours, total: total ?? 0, curve, peak }))}
      >
        {t('campaigns.orders.fill')}
      </Button>
    </Space>
  );
}

/** "hour,orders" lines pasted from a spreadsheet, over the hours they name. */
function PasteOrders({ hours, orders, onChange }: Omit<Props, 'peak'>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ count: number; badLines: number[] } | null>(null);
  const apply = () => {
    const pasted = parsePastedOrders(text, hours);
    setOutcome({ count: Object.keys(pasted.orders).length, badLines: pasted.badLines });
    onChange({ ...orders, ...pasted.orders });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label htmlFor="campaign-paste-orders">{t('campaigns.orders.paste')}</label>
      <Input.TextArea
        id="campaign-paste-orders"
        rows={3}
        value={text}
        placeholder={t('campaigns.orders.pastePlaceholder')}
        onChange={(event) => {
          setText(event.target.value);
          setOutcome(null);
        }}
      />
      <Button disabled={text.trim() === ''} onClick={apply}>
        {t('campaigns.orders.applyPaste')}
      </Button>
      {outcome && (
        <Alert
          type={outcome.badLines.length > 0 ? 'warning' : 'success'}
          showIcon
          message={t('campaigns.orders.pasted', { count: outcome.count })}
          description={
            outcome.badLines.length > 0
              ? t('campaigns.orders.pasteErrors', { lines: outcome.badLines.join('、') })
              : undefined
          }
        />
      )}
    </Space>
  );
}

/** Expected orders for every hour of the campaign: typed by hour, filled from a total, or pasted. */
export function ExpectedOrdersEditor({ hours, orders, peak, onChange }: Props) {
  const { t } = useTranslation();
  if (hours.length === 0) return <Typography.Text type="secondary">{t('campaigns.orders.pickDates')}</Typography.Text>;
  const total = hours.reduce((sum, hour) => sum + (orders[hour] ?? 0), 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="expected-orders">
      <FillFromTotal hours={hours} peak={peak} onChange={onChange} />
      <PasteOrders hours={hours} orders={orders} onChange={onChange} />
      <Typography.Text strong>{t('campaigns.orders.total', { total, hours: hours.length })}</Typography.Text>
      <Table<{ hour: string }>
        size="small"
        rowKey="hour"
        dataSource={hours.map((hour) => ({ hour }))}
        pagination={{ pageSize: 24, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('campaigns.orders.hour'), dataIndex: 'hour', render: hourLabel },
          {
            title: t('campaigns.orders.orders'),
            dataIndex: 'hour',
            key: 'orders',
            render: (hour: string) => (
              <InputNumber
                aria-label={`${hourLabel(hour)} ${t('campaigns.orders.orders')}`}
                min={0}
                max={MAX_ORDERS_PER_HOUR}
                precision={0}
                value={orders[hour] ?? 0}
                onChange={(value) => onChange({ ...orders, [hour]: value ?? 0 })}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
