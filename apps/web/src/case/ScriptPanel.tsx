import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { stageLabel, type Locale } from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { ScriptSteps, scriptVariablesFor } from './ScriptSteps';
import type { CaseScript, NextStage } from './use-script';

interface Props {
  view: CaseView;
  script: CaseScript;
  next: NextStage;
  agentName: string;
}

/**
 * The call script of the case's stage, chosen by root cause and buyer type: what to say, tips,
 * the buyer's possible reactions and check-offs (those an action proves tick themselves). Once
 * every step of the branch the case took is done, it offers the next stage.
 */
export function ScriptPanel({ view, script, next, agentName }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  if (script.loading) return <Spin />;
  const { template, checklist } = script;
  if (!template || !checklist) return <Alert type="info" message={t('script.none')} />;
  const { progress } = checklist;

  return (
    <Card
      size="small"
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
      {next.offered && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
          <Button type="primary" disabled={!next.canMove} onClick={next.move} data-testid="script-next">
            {t('script.next', { stage: stageLabel(next.offered, locale) })}
          </Button>
          {!progress.complete && <Typography.Text type="secondary">{t('script.completeFirst')}</Typography.Text>}
          {progress.complete && next.refusal && <Typography.Text type="warning">{next.refusal}</Typography.Text>}
        </Space>
      )}
      <ScriptSteps
        steps={checklist.steps.map((step) => step.step)}
        variables={scriptVariablesFor(view, agentName, locale)}
        checklist={checklist}
        onToggle={script.toggle}
      />
    </Card>
  );
}
