import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { countdownLabel, type Locale } from '@chaping/domain';

import { useNow } from './use-now';

/** Minutes are the finest unit shown, so once a minute is often enough and rows do not tick. */
const REFRESH_MS = 60_000;

/** Time left until a deadline, or how far past it; red when overdue, amber in the last two hours. */
export function Countdown({ to, paused = false }: { to: string; paused?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow(REFRESH_MS);
  const due = Date.parse(to);
  const left = due - now;
  const type = left < 0 ? 'danger' : left < 2 * 3600_000 ? 'warning' : undefined;
  return (
    <Typography.Text type={type} title={new Date(due).toLocaleString(i18n.language)}>
      {paused ? t('countdown.paused') : countdownLabel(new Date(due), new Date(now), i18n.language as Locale)}
    </Typography.Text>
  );
}
