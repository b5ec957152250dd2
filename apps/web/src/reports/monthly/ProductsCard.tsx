import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RootCause } from '@chaping/domain';

import type { ProductRow } from '../../shared/api';
import { EmptyText } from '../../shared/EmptyText';
import type { ActionItemDraft } from '../ActionItemForm';
import { decimal } from '../format';
import { useCauseName } from './cause-name';

interface Props {
  products: ProductRow[];
  onAct: (draft: ActionItemDraft) => void;
}

/** The most complained-about products, per 1,000 orders where order counts are known. */
export function ProductsCard({ products, onAct }: Props) {
  const { t } = useTranslation();
  const causeName = useCauseName();
  return (
    <Card title={t('report.products')}>
      <Table<ProductRow>
        rowKey="productId"
        size="small"
        dataSource={products}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('report.none')}</EmptyText> }}
        columns={[
          { title: t('report.product'), dataIndex: 'title' },
          { title: t('report.complaints'), dataIndex: 'complaints', align: 'right' },
          {
            title: t('report.perThousand'),
            dataIndex: 'complaintsPerThousandOrders',
            align: 'right',
            render: (value: number | null) => decimal(value, 2),
          },
          { title: t('report.topCause'), dataIndex: 'topCause', render: causeName },
          {
            title: '',
            key: 'act',
            render: (_, row) =>
              row.topCause && (
                <Button
                  size="small"
                  onClick={() =>
                    onAct({
                      rootCause: row.topCause as RootCause,
                      shopId: row.shopId,
                      productId: row.productId,
                      productTitle: row.title,
                    })
                  }
                >
                  {t('report.newAction')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
