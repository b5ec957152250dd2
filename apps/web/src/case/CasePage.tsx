import { Alert, Col, Row, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { rootCauseLabel, stageLabel, type Locale } from '@chaping/domain';

import './i18n';

import { ActivePromotionsCard } from '../campaigns/ActivePromotionsCard';
import { queueHref } from '../queue/queue-href';
import { ShortcutHelp } from '../shared/ShortcutHelp';
import type { Shortcut } from '../shared/shortcuts';
import { ReopenCard } from './actions/ClosingForms';
import { ACTION_KEYS, ACTION_LABELS, useActiveAction } from './actions/stage-action';
import { StageActions } from './actions/StageActions';
import { BuyerCard } from './BuyerCard';
import { CaseHeader } from './CaseHeader';
import { DeadlinesCard } from './DeadlinesCard';
import { EarlierCasesCard } from './EarlierCasesCard';
import { HistoryCard } from './HistoryCard';
import { QaReviewCard } from './QaReviewCard';
import { ReviewCard } from './ReviewCard';
import { ScriptPanel } from './ScriptPanel';
import { SecondSuggestion, TAKE_SECOND_KEY, useTakeSecond } from './SecondSuggestion';
import { useCasePage, type RunCommand } from './use-case';
import { useCaseScript, useNextStage } from './use-script';
import { WorkDoneCard } from './WorkDoneCard';

/**
 * The case in three panes: what we know (review, buyer and earlier cases, deadlines) on the left,
 * the work (the stage's action, then its script) in the middle, the history on the right.
 */
export function CasePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { query, view, check, command, me } = useCasePage(id);
  const [action, setAction] = useActiveAction(view?.stage ?? 'new');
  const script = useCaseScript(view, check?.state, check?.ctx);
  // The API holds a stage move to the script's saved ticks, so a move waits for ticks still on their way.
  const run: RunCommand = async (name, body, ...ids) => {
    if (name === 'transitions') await script.whenTicksSaved();
    return command.run(name, body, ...ids);
  };
  const next = useNextStage({
    view,
    script,
    state: check?.state,
    ctx: check?.ctx,
    why: check?.why,
    run,
    busy: command.busy,
  });
  const navigate = useNavigate();
  const takeSecond = useTakeSecond(check, run);
  // One key per action; the chords work while typing (their own listeners) and are only listed here.
  const shortcuts: Shortcut[] = [
    ...ACTION_KEYS.map((key, index) => ({
      key: String(index + 1),
      label: t('caseView.keys.open', { action: t(ACTION_LABELS[key]) }),
      run: () => setAction(key),
    })),
    ...(next.offered
      ? [
          {
            key: 'n',
            label: t('script.next', { stage: stageLabel(next.offered, i18n.language as Locale) }),
            run: next.move,
          },
        ]
      : []),
    {
      key: 'f',
      label: t('caseView.keys.focus'),
      run: () =>
        document
          .querySelector('[data-testid="case-actions"] [role="region"]')
          ?.querySelector<HTMLElement>('input:not(:disabled), textarea:not(:disabled)')
          ?.focus(),
    },
    { key: 'x', label: t('caseView.keys.tick'), run: () => script.tickNext?.() },
    ...(takeSecond.second && view?.stage !== 'recorded'
      ? [
          {
            key: TAKE_SECOND_KEY,
            label: t('triageHint.key', { cause: rootCauseLabel(takeSecond.second, i18n.language as Locale) }),
            run: takeSecond.take,
          },
        ]
      : []),
    { key: 'q', label: t('case.back'), run: () => void navigate(queueHref()) },
    { key: 'Ctrl+Enter', label: t('caseView.keys.submit'), run: () => undefined },
    { key: 'Ctrl+Shift+Enter', label: t('caseView.keys.recordNext'), run: () => undefined },
    { key: 'Alt+N', label: t('contact.noAnswer'), run: () => undefined },
  ];

  if (query.isError) return <Alert type="error" message={t('error')} description={query.error.message} />;
  if (!view || !check) return <Spin />;
  const { state, ctx, why, locale } = check;
  const actionProps = { state, ctx, why, locale, run, busy: command.busy };
  const closed = view.stage === 'recorded';
  const lead = me?.role !== 'agent';

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <CaseHeader view={view} locale={locale} stale={command.stale} onReload={() => void command.reload()}>
        <ShortcutHelp shortcuts={shortcuts} />
      </CaseHeader>
      <Row gutter={[12, 12]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 12, order: 2 }} xl={{ span: 6, order: 1 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <ActivePromotionsCard shopId={view.shopId} />
            <ReviewCard view={view} locale={locale}>
              <SecondSuggestion
                state={state}
                locale={locale}
                busy={command.busy}
                closed={closed}
                takeSecond={takeSecond}
              />
            </ReviewCard>
            <BuyerCard {...actionProps} view={view} />
            <EarlierCasesCard caseId={view.id} locale={locale} />
            <DeadlinesCard view={view} locale={locale} />
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 12, order: 1 }} xl={{ span: 11, order: 2 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {!closed && (
              <StageActions
                {...actionProps}
                view={view}
                active={action}
                onChange={setAction}
                script={script.checklist ?? null}
              />
            )}
            {!closed && <ScriptPanel view={view} script={script} next={next} agentName={me?.displayName ?? ''} />}
            {closed && <WorkDoneCard view={view} />}
            {closed && lead && <QaReviewCard {...actionProps} />}
            {closed && lead && <ReopenCard {...actionProps} />}
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 3 }} xl={{ span: 7, order: 3 }}>
          <HistoryCard view={view} locale={locale} />
        </Col>
      </Row>
    </Space>
  );
}
