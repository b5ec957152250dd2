import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { MonthlyReport } from '../../shared/api';
import { yuan } from '../../shared/money';
import { decimal, percent } from '../format';
import { ChangeTag } from './ChangeTag';

/** The month at a glance: cases against last month, first-contact times, compensation, unresolved share. */
export function SummaryCards({ data }: { data: MonthlyReport }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t('report.cases')} value={data.cases} />
          <Typography.Text type="secondary">
            {t('report.vsPrevious', { count: data.previousCases })}{' '}
            <ChangeTag ratio={data.change.ratio} delta={data.change.delta} />
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t('report.firstContactMedian')} value={decimal(data.firstContact.medianHours)} suffix="h" />
          <Typography.Text type="secondary">
            {t('report.p90', { hours: decimal(data.firstContact.p90Hours) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title={t('report.compensationTotal')} value={yuan(data.compensationTotalFen)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic
            title={t('report.unresolved')}
            value={percent(data.outcomes.find((row) => row.outcome === 'unresolved')?.share ?? 0)}
          />
        </Card>
      </Col>
    </Row>
  );
}
