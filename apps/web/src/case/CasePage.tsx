import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { rootCauseLabel, stageLabel, type Locale, type RootCause } from '@chaping/domain';

import { useMe } from '../auth/session';
import { Countdown } from '../shared/Countdown';
import { RATING_COLORS, SEVERITY_COLORS } from '../shared/tag-colors';
import { ActionTabs } from './actions/ActionTabs';
import { AppealForm, RecordForm, ReopenCard, ReplyComposer } from './actions/ClosingForms';
import { ContactForm } from './actions/ContactForm';
import { CompensationForm, RemedyForm, RootCauseForm } from './actions/ResolutionForms';
import { TransitionBar } from './actions/TransitionBar';
import { TriageForm } from './actions/TriageForm';
import { BuyerCard } from './BuyerCard';
import { QaReviewCard } from './QaReviewCard';
import { ReviewText } from './ReviewText';
import { ScriptPanel } from './ScriptPanel';
import { useCaseCommand, useCaseView, useDomainCheck, usePolicy } from './use-case';

export function CasePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const query = useCaseView(id);
  const policy = usePolicy(query.data?.shopId);
  const me = useMe();
  const view = query.data;
  const check = useDomainCheck(view, policy.data);
  const command = useCaseCommand(view);

  if (query.isError) return <Alert type="error" message={t('error')} description={query.error.message} />;
  if (!view || !check) return <Spin />;
  const { state, ctx, why } = check;
  const actionProps = { state, ctx, why, locale, run: command.run, busy: command.busy };
  const time = (iso: string) => new Date(iso).toLocaleString(locale);
  const closed = view.stage === 'recorded';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/">← {t('case.back')}</Link>
      {command.stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('case.stale')}
          action={
            <Button size="small" onClick={() => void command.reload()}>
              {t('case.reload')}
            </Button>
          }
        />
      )}
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {view.shopName}
        </Typography.Title>
        <Tag color="processing" data-testid="case-stage">
          {stageLabel(view.stage, locale)}
        </Tag>
        <Tag color={SEVERITY_COLORS[view.severity]}>{t('severityTag', { level: t(`severity.${view.severity}`) })}</Tag>
        <Tag>{t(`platform.${view.platform}`)}</Tag>
        <Typography.Text type="secondary">
          {t('case.assignee')}: {view.assignee?.displayName ?? t('queue.pool')}
        </Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={7}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title={t('case.review')} size="small">
              <Typography.Paragraph>
                <Tag color={RATING_COLORS[view.review.rating]}>{t(`rating.${view.review.rating}`)}</Tag>
                <ReviewText text={view.review.text} evidence={view.triage?.evidence ?? []} locale={locale} />
              </Typography.Paragraph>
              {view.review.followUpText && (
                <Typography.Paragraph type="secondary">
                  {t('case.followUp')}: {view.review.followUpText}
                </Typography.Paragraph>
              )}
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('case.reviewedAt')}>{time(view.review.reviewedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('case.suggested')}>
                  {view.suggestedRootCause ? rootCauseLabel(view.suggestedRootCause as RootCause, locale) : '—'}
                  {view.triage && ` (${t('case.confidence', { value: Math.round(view.triage.confidence * 100) })})`}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.rootCause')}>
                  {view.rootCause ? rootCauseLabel(view.rootCause as RootCause, locale) : '—'}
                  {view.rootCauseConfirmed && <Tag style={{ marginInlineStart: 8 }}>{t('case.confirmed')}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.buyerType')}>{t(`buyerType.${view.buyerType}`)}</Descriptions.Item>
              </Descriptions>
              {view.misclick && <Alert type="success" showIcon message={t('case.misclick')} />}
              {(view.triage?.maliciousSignals.length ?? 0) > 0 && (
                <Alert
                  type="error"
                  showIcon
                  message={t('case.malicious')}
                  description={view.triage?.maliciousSignals.map((signal) => `「${signal.phrase}」`).join(' ')}
                />
              )}
            </Card>
            <BuyerCard {...actionProps} view={view} />
            <Card title={t('case.deadlines')} size="small">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('deadline.firstContact')}>
                  {view.deadlines.firstContactAt ? (
                    time(view.deadlines.firstContactAt)
                  ) : (
                    <Countdown to={view.deadlines.firstContactDueAt} />
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('deadline.resolution')}>
                  <Countdown to={view.deadlines.resolutionDueAt} paused={view.deadlines.resolutionPaused} />
                </Descriptions.Item>
                <Descriptions.Item label={t('deadline.revisionWindow')}>
                  {time(view.deadlines.revisionWindowEndsAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('deadline.appeal')}>
                  {time(view.deadlines.appealDeadlineAt)}
                </Descriptions.Item>
                {view.deadlines.nextPayoutDueAt && (
                  <Descriptions.Item label={t('deadline.payout')}>
                    <span data-testid="payout-due">
                      <Countdown to={view.deadlines.nextPayoutDueAt} />
                    </span>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {!closed && (
              <ScriptPanel
                view={view}
                agentName={me.data?.displayName ?? ''}
                ctx={ctx}
                why={why}
                busy={command.busy}
                onTransition={(to, script) => void command.run('transitions', { to, script })}
              />
            )}
            {!closed && (
              <Card title={t('actions.title')} size="small">
                <ActionTabs
                  items={[
                    { key: 'contact', label: t('actions.contact'), children: <ContactForm {...actionProps} /> },
                    { key: 'move', label: t('actions.move'), children: <TransitionBar {...actionProps} /> },
                    { key: 'cause', label: t('actions.rootCause'), children: <RootCauseForm {...actionProps} /> },
                    { key: 'triage', label: t('actions.triage'), children: <TriageForm {...actionProps} /> },
                    { key: 'remedy', label: t('actions.remedy'), children: <RemedyForm {...actionProps} /> },
                    {
                      key: 'compensation',
                      label: t('actions.compensation'),
                      children: (
                        <CompensationForm
                          {...actionProps}
                          buyerCompensationsInPeriod={view.buyerCompensationsInPeriod}
                        />
                      ),
                    },
                    { key: 'reply', label: t('actions.reply'), children: <ReplyComposer {...actionProps} /> },
                    { key: 'appeal', label: t('actions.appeal'), children: <AppealForm {...actionProps} /> },
                    { key: 'record', label: t('actions.record'), children: <RecordForm {...actionProps} /> },
                  ]}
                />
              </Card>
            )}
            {closed && view.record && (
              <Card title={t('actions.record')} size="small">
                <Typography.Paragraph>{view.record.actionsTaken}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">{view.record.specialNotes}</Typography.Paragraph>
              </Card>
            )}
            {closed && me.data?.role !== 'agent' && <QaReviewCard {...actionProps} />}
            {closed && me.data?.role !== 'agent' && <ReopenCard {...actionProps} />}
          </Space>
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('case.history')} size="small">
            <Timeline
              items={view.events.map((event) => ({
                key: event.id,
                children: (
                  <>
                    <Typography.Text type="secondary">{time(event.at)}</Typography.Text>
                    <br />
                    {t(`event.${event.type}`, { defaultValue: event.type })}
                    {event.type === 'stage_changed' && ` → ${stageLabel(String(event.data['to']), locale)}`}
                    {event.type === 'contact_attempt_logged' &&
                      ` · ${t(`channel.${String(event.data['channel'])}`)} ${t(`outcome.${String(event.data['outcome'])}`)}`}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
