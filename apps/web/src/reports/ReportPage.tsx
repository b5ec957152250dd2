import { Alert, Col, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { ActionItemForm } from './ActionItemForm';
import { ActionItemsTable } from './monthly/ActionItemsTable';
import { CauseTable } from './monthly/CauseTable';
import { CompensationCard } from './monthly/CompensationCard';
import { ProductsCard } from './monthly/ProductsCard';
import { CausesChart, OutcomesChart } from './monthly/ReportCharts';
import { ReportHeader } from './monthly/ReportHeader';
import { SummaryCards } from './monthly/SummaryCards';
import { useMonthlyReport } from './monthly/use-monthly-report';

/**
 * The monthly root-cause report for operations and team leads: what buyers complained about and
 * who should act, products and SKUs, outcomes, compensation, first-contact times, and the action
 * items started from earlier reports with their cause's rate before and after.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { filters, shops, report, exportHref, draft, setDraft, setStatus } = useMonthlyReport();
  const data = report.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ReportHeader filters={filters} shops={shops} exportHref={exportHref} />
      {report.isError && <Alert type="error" message={t('error')} description={report.error.message} />}
      {data && data.cases === 0 && data.previousCases === 0 ? (
        <Empty description={t('report.noCases', { month: filters.month })} />
      ) : (
        data && (
          <>
            <SummaryCards data={data} />
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <CausesChart data={data} />
              </Col>
              <Col xs={24} lg={10}>
                <OutcomesChart data={data} />
              </Col>
            </Row>
            <CauseTable data={data} onAct={setDraft} />
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <ProductsCard products={data.topProducts} onAct={setDraft} />
              </Col>
              <Col xs={24} lg={10}>
                <CompensationCard data={data} />
              </Col>
            </Row>
            <ActionItemsTable items={data.actionItems} onStatus={setStatus.mutate} />
          </>
        )
      )}
      <ActionItemForm draft={draft} shops={shops} onClose={() => setDraft(null)} />
    </Space>
  );
}
