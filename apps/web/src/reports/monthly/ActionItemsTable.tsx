import { Card, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import {
  ACTION_ITEM_STATUSES,
  departmentLabel,
  subCauseLabel,
  type ActionItemStatus,
  type Department,
} from '@chaping/domain';

import type { ActionEffect } from '../../shared/api';
import { EmptyText } from '../../shared/EmptyText';
import { useLocale } from '../../shared/use-locale';
import { decimal } from '../format';
import { useCauseName } from './cause-name';

/** Complaints a month (and per 1,000 orders) of the item's cause before it started, and since. */
function Effect({ item }: { item: ActionEffect }) {
  const { t } = useTranslation();
  return (
    <span>
      {decimal(item.beforePerMonth)} → {decimal(item.afterPerMonth)} {t('report.perMonth')}
      {item.beforePerThousandOrders !== null && item.afterPerThousandOrders !== null && (
        <Typography.Text type="secondary">
          {' '}
          ({decimal(item.beforePerThousandOrders, 2)} → {decimal(item.afterPerThousandOrders, 2)}{' '}
          {t('report.perThousand')})
        </Typography.Text>
      )}
    </span>
  );
}

interface Props {
  items: ActionEffect[];
  onStatus: (change: { item: ActionEffect; status: ActionItemStatus }) => void;
}

/** The action items started from earlier reports, with their status and effect. */
export function ActionItemsTable({ items, onStatus }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const causeName = useCauseName();
  return (
    <Card title={t('report.actionItems')}>
      <Table<ActionEffect>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('report.noActions')}</EmptyText> }}
        columns={[
          { title: t('report.actionTitle'), dataIndex: 'title' },
          {
            title: t('report.cause'),
            key: 'cause',
            render: (_, item) =>
              [
                causeName(item.rootCause),
                item.subCause && subCauseLabel(item.subCause, locale),
                item.productTitle,
                item.skuName,
              ]
                .filter(Boolean)
                .join(' · '),
          },
          {
            title: t('report.department'),
            dataIndex: 'department',
            render: (value: string) => departmentLabel(value as Department, locale),
          },
          { title: t('report.started'), dataIndex: 'startedMonth' },
          {
            title: t('report.status'),
            dataIndex: 'status',
            render: (status: ActionItemStatus, item) => (
              <Select
                size="small"
                value={status}
                aria-label={`${item.title} ${t('report.status')}`}
                style={{ width: 110 }}
                onChange={(next) => onStatus({ item, status: next })}
                options={ACTION_ITEM_STATUSES.map((value) => ({ value, label: t(`report.statuses.${value}`) }))}
              />
            ),
          },
          { title: t('report.beforeAfter'), key: 'effect', render: (_, item) => <Effect item={item} /> },
        ]}
      />
    </Card>
  );
}
