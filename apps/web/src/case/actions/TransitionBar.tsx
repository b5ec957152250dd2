import { Input, message, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  MALICIOUS_KINDS,
  STAGE_EDGES,
  stageLabel,
  transitionFollowingScript,
  type MaliciousKind,
  type ScriptChecklist,
  type Stage,
} from '@chaping/domain';

import { GuardedButton, type ActionProps } from './shared';

/**
 * Every edge the workflow has from this stage, each with the domain's reason when it is closed.
 * The stage's script gates them as it gates its own button and as the API does (the domain's
 * transitionFollowingScript) — except the way to an appeal, which a malicious review opens at any step.
 */
export function TransitionBar({
  state,
  ctx,
  why,
  locale,
  run,
  busy,
  script,
}: ActionProps & { script: ScriptChecklist | null }) {
  const { t } = useTranslation();
  const [maliciousKind, setMaliciousKind] = useState<MaliciousKind | undefined>();
  const [reason, setReason] = useState('');
  const targets = STAGE_EDGES[state.stage].filter((to) => to !== 'recorded');
  const move = async (to: Stage) => {
    const result = await run('transitions', { to, maliciousKind, reason: reason || undefined });
    if (result.ok) void message.success(t('actions.moved', { stage: stageLabel(to, locale) }));
    else if (!result.stale) void message.error(result.message);
  };
  if (targets.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {targets.includes('appealing') && (
          <Select<MaliciousKind>
            allowClear
            placeholder={t('transition.maliciousKind')}
            value={maliciousKind}
            onChange={setMaliciousKind}
            style={{ width: 200 }}
            options={MALICIOUS_KINDS.map((value) => ({ value, label: t(`malicious.${value}`) }))}
            aria-label={t('transition.maliciousKind')}
          />
        )}
        <Input
          placeholder={t('transition.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          style={{ width: 260 }}
          aria-label={t('transition.reason')}
        />
      </Space>
      <Space wrap align="start">
        {targets.map((to) => (
          <GuardedButton
            key={to}
            busy={busy}
            refusal={why(transitionFollowingScript(state, { to, maliciousKind, reason }, ctx, script))}
            onClick={() => void move(to)}
            testId={`move-${to}`}
          >
            {t('transition.to', { stage: stageLabel(to, locale) })}
          </GuardedButton>
        ))}
      </Space>
    </Space>
  );
}
