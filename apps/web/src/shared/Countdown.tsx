import { Typography } from 'antd';
import { formatDuration, intervalToDuration, type Duration } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';

import { useNow } from './use-now';

/** Time left until a deadline, or how far past it; red when overdue, amber in the last two hours. */
export function Countdown({ to, paused = false }: { to: string; paused?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow(paused ? 60_000 : 1000);
  const due = Date.parse(to);
  const left = due - now;
  const duration = intervalToDuration({ start: Math.min(now, due), end: Math.max(now, due) });
  const format: Array<keyof Duration> =
    left > 3600_000 ? ['days', 'hours', 'minutes'] : ['hours', 'minutes', 'seconds'];
  const text = formatDuration(duration, {
    format,
    locale: i18n.language === 'en' ? enUS : zhCN,
    delimiter: ' ',
  });
  const type = left < 0 ? 'danger' : left < 2 * 3600_000 ? 'warning' : undefined;
  return (
    <Typography.Text type={type} title={new Date(due).toLocaleString(i18n.language)}>
      {paused ? t('countdown.paused') : left < 0 ? t('countdown.overdue', { text }) : t('countdown.left', { text })}
    </Typography.Text>
  );
}
