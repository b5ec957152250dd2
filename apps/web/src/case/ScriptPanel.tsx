import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  applicableSteps,
  nextStepTransition,
  stageLabel,
  templateProgress,
  transition,
  type CommandContext,
  type CommandResult,
  type Locale,
} from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { fetchScript, scriptQueryKey } from './case-queries';
import { caseStateFromView } from './case-state';
import { ScriptSteps, scriptVariablesFor } from './ScriptSteps';

interface Props {
  view: CaseView;
  agentName: string;
  ctx: CommandContext;
  why: (result: CommandResult) => string | null;
  /** Takes the stage the script offers; `script` is the template followed, as id@version. */
  onTransition: (to: string, script: string) => void;
  busy: boolean;
}

/**
 * The call script of the case's stage, chosen by root cause and buyer type: what to say, tips,
 * the buyer's possible reactions and check-offs. Completing every step offers the next stage.
 */
export function ScriptPanel({ view, agentName, ctx, why, onTransition, busy }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const selection = { shopId: view.shopId, stage: view.stage, rootCause: view.rootCause, buyerType: view.buyerType };
  const script = useQuery({
    queryKey: scriptQueryKey(selection),
    queryFn: () => fetchScript(selection, locale),
    staleTime: 5 * 60_000,
  });
  const template = script.data?.template ?? null;
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  if (script.isLoading) return <Spin />;
  if (!template) return <Alert type="info" message={t('script.none')} />;

  const key = `${view.id}:${template.id}`;
  const done = checked[key] ?? [];
  const context = { revisionRequestAllowed: ctx.policy.platforms[view.platform].allowsRevisionRequest };
  const steps = applicableSteps(template, context);
  const progress = templateProgress(template, done, context);
  const next = nextStepTransition(template, view.stage, { remedy: view.remedy?.type ?? null });
  const nextRefusal = next && next !== 'recorded' ? why(transition(caseStateFromView(view), { to: next }, ctx)) : null;
  const toggle = (id: string, on: boolean) =>
    setChecked((current) => ({ ...current, [key]: on ? [...done, id] : done.filter((item) => item !== id) }));

  return (
    <Card
      title={
        <Space>
          {t('script.title')}
          <Typography.Text type="secondary">{template.title[locale]}</Typography.Text>
          <Tag>v{template.version}</Tag>
        </Space>
      }
      extra={t('script.progress', { done: progress.done, total: progress.total })}
      data-testid="script-panel"
    >
      <ScriptSteps
        steps={steps}
        variables={scriptVariablesFor(view, agentName, locale)}
        done={done}
        onToggle={toggle}
      />
      {next && next !== 'recorded' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button
            type="primary"
            disabled={!progress.complete || nextRefusal !== null || busy}
            onClick={() => onTransition(next, `${template.id}@${template.version}`)}
            data-testid="script-next"
          >
            {t('script.next', { stage: stageLabel(next, locale) })}
          </Button>
          {!progress.complete && <Typography.Text type="secondary">{t('script.completeFirst')}</Typography.Text>}
          {progress.complete && nextRefusal && <Typography.Text type="warning">{nextRefusal}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
