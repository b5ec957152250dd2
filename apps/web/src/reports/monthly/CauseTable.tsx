import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { subCauseLabel, type RootCause } from '@chaping/domain';

import type { CauseRow, MonthlyReport } from '../../shared/api';
import { useLocale } from '../../shared/use-locale';
import type { ActionItemDraft } from '../ActionItemForm';
import { percent } from '../format';
import { useCauseName } from './cause-name';
import { ChangeTag } from './ChangeTag';

/** A cause's sub-causes and what buyers wrote, shown when its row is expanded. */
function CauseDetail({ row }: { row: CauseRow }) {
  const locale = useLocale();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {row.subCauses.map((sub) => (
          <Tag key={sub.subCause ?? 'none'}>
            {sub.subCause ? subCauseLabel(sub.subCause, locale) : '—'} {sub.cases} ({percent(sub.share)})
          </Tag>
        ))}
      </Space>
      {row.quotes.map((quote) => (
        <Typography.Text key={quote.caseId} type="secondary">
          “{quote.text}”
        </Typography.Text>
      ))}
    </Space>
  );
}

interface Props {
  data: MonthlyReport;
  onAct: (draft: ActionItemDraft) => void;
}

/** Each cause with its share, its change and who should act; a classified one can start an action item. */
export function CauseTable({ data, onAct }: Props) {
  const { t } = useTranslation();
  const causeName = useCauseName();
  return (
    <Card title={t('report.causeTable')}>
      <Table<CauseRow>
        rowKey={(row) => row.rootCause ?? 'none'}
        dataSource={data.causes}
        pagination={false}
        expandable={{
          // antd's own expand icon has no accessible name.
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              size="small"
              type="text"
              aria-expanded={expanded}
              aria-label={t(expanded ? 'report.hideDetail' : 'report.showDetail', {
                cause: causeName(record.rootCause),
              })}
              icon={expanded ? <MinusOutlined /> : <PlusOutlined />}
              onClick={(event) => onExpand(record, event)}
            />
          ),
          expandedRowRender: (row) => <CauseDetail row={row} />,
        }}
        columns={[
          { title: t('report.cause'), dataIndex: 'rootCause', render: causeName },
          { title: t('report.cases'), dataIndex: 'cases', align: 'right' },
          { title: t('report.share'), dataIndex: 'share', align: 'right', render: percent },
          { title: data.previousMonth, dataIndex: 'previousCases', align: 'right' },
          {
            title: t('report.change'),
            key: 'change',
            render: (_, row) => <ChangeTag ratio={row.change.ratio} delta={row.change.delta} />,
          },
          { title: t('report.whoShouldAct'), dataIndex: 'whoShouldAct' },
          {
            title: '',
            key: 'act',
            render: (_, row) =>
              row.rootCause && (
                <Button size="small" onClick={() => onAct({ rootCause: row.rootCause as RootCause })}>
                  {t('report.newAction')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
