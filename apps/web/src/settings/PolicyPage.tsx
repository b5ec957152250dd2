import { Alert, Col, Form, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { CompensationCard } from './policy/CompensationCard';
import { ContactCard } from './policy/ContactCard';
import { HistoryCard } from './policy/HistoryCard';
import { LevelHeader } from './policy/LevelHeader';
import { LevelSummary } from './policy/LevelSummary';
import { OtherCards } from './policy/OtherCards';
import { PlatformsCard } from './policy/PlatformsCard';
import { MarksContext } from './policy/policy-fields';
import { SaveChangesCard } from './policy/SaveChangesCard';
import { SlaCard } from './policy/SlaCard';
import { usePolicyPage } from './policy/use-policy-page';
import { ProblemsAlert } from './ProblemsAlert';

/**
 * The policy values of DESIGN §4 — contact limits, quiet hours, compensation limits, SLAs,
 * platform windows, retention — for one level: the organisation's default (admins) or one shop's
 * own values over it (the shop's leads), each marked and resettable to the inherited value.
 * Checked as you type by the same rules the API applies; every change is kept with who, when and why.
 */
export function PolicyPage() {
  const { t } = useTranslation();
  const page = usePolicyPage();
  const { level, inherited, edited, save } = page;
  const header = (
    <LevelHeader
      isAdmin={page.isAdmin}
      shops={page.shops.data}
      loading={page.shops.isLoading}
      shopId={page.shopId}
      onChoose={page.chooseLevel}
    />
  );
  if (!level.data || !inherited) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        {level.isError && <Alert type="error" message={level.error.message} />}
      </Space>
    );
  }
  const inForce = level.data.policy;
  return (
    <MarksContext.Provider value={page.marks}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        <LevelSummary onResetAll={page.resetAll} />
        <Form form={page.form} layout="vertical" disabled={!page.canEdit} data-testid="policy-form">
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <ContactCard />
              <SlaCard />
              <OtherCards />
            </Col>
            <Col xs={24} lg={12}>
              <CompensationCard />
              <PlatformsCard inForce={inForce} edited={edited} problemText={page.problemText} />
            </Col>
          </Row>
        </Form>
        {page.problems.length > 0 && (
          <ProblemsAlert
            title={t('policy.problems')}
            problems={page.problems.map(page.problemText)}
            testId="policy-problems"
          />
        )}
        {page.canEdit && (
          <SaveChangesCard
            inForce={inForce}
            edited={edited}
            changeCount={page.changes.length}
            note={page.note}
            onNoteChange={page.setNote}
            onSave={() => save.mutate()}
            saving={save.isPending}
            blockedReason={page.saveBlocked}
            error={save.error}
            onUndo={page.undo}
          />
        )}
        <HistoryCard entries={page.history.data} loading={page.history.isLoading} shopMode={page.shopMode} />
      </Space>
    </MarksContext.Provider>
  );
}
