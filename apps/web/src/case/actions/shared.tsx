import { Button, message, Radio, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { CaseState, CommandContext, CommandResult, Locale } from '@chaping/domain';

import type { CommandOutcome, RunCommand } from '../use-case';

export interface ActionProps {
  state: CaseState;
  ctx: CommandContext;
  why: (result: CommandResult) => string | null;
  locale: Locale;
  run: RunCommand;
  busy: boolean;
}

/**
 * A button the domain may refuse: disabled with the domain's own reason shown next to it, so the
 * agent reads why instead of guessing.
 */
export function GuardedButton({
  refusal,
  children,
  onClick,
  busy,
  primary,
  testId,
}: {
  refusal: string | null;
  children: ReactNode;
  onClick: () => void;
  busy: boolean;
  primary?: boolean;
  testId?: string;
}) {
  return (
    <Space direction="vertical" size={2}>
      <Tooltip title={refusal}>
        <Button
          type={primary ? 'primary' : 'default'}
          disabled={refusal !== null || busy}
          onClick={onClick}
          data-testid={testId}
        >
          {children}
        </Button>
      </Tooltip>
      {refusal && (
        <Typography.Text type="secondary" className="refusal-reason" style={{ fontSize: 12 }}>
          {refusal}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * A short closed list as one row of buttons: one click (or the arrow keys) chooses, where a
 * select takes two. Named for assistive technology like the select it replaces.
 */
export function Choices<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) {
  return (
    <div role="radiogroup" aria-label={label}>
      <Radio.Group
        optionType="button"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        options={options.map((option) => ({ ...option }))}
      />
    </div>
  );
}

/** Tells the agent how a command went: saved, or the API's reason (a 409 is shown by the page itself). */
export function useOutcome() {
  const { t } = useTranslation();
  return (result: CommandOutcome) => {
    if (result.ok) void message.success(t('actions.saved'));
    else if (!result.stale) void message.error(result.message);
  };
}
