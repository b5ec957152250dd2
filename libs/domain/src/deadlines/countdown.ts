import { differenceInMinutes } from 'date-fns';

import type { Locale } from '../refusals/labels';

/** Two units at most, coarsest first: lists stay readable and do not tick every second. */
const UNITS: Readonly<Record<Locale, { day: string; hour: string; minute: string; sep: string }>> = {
  'zh-CN': { day: '天', hour: '时', minute: '分', sep: '' },
  en: { day: 'd', hour: 'h', minute: 'm', sep: ' ' },
};

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/**
 * How long until `dueAt`, or how long past it, as people read a deadline: days and hours from one
 * day on, hours and minutes under a day, minutes under an hour ("2天22时", "3h 5m", "59m"). The
 * whole span counts, so a case a week overdue never reads as a few hours (months are not a unit).
 */
export function formatTimeLeft(dueAt: Date, now: Date, locale: Locale): { overdue: boolean; text: string } {
  const overdue = dueAt.getTime() < now.getTime();
  const minutes = Math.abs(differenceInMinutes(dueAt, now));
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  const unit = UNITS[locale];
  const parts =
    days > 0
      ? [`${days}${unit.day}`, `${hours}${unit.hour}`]
      : hours > 0
        ? [`${hours}${unit.hour}`, `${minutes % MINUTES_PER_HOUR}${unit.minute}`]
        : [`${minutes}${unit.minute}`];
  return { overdue, text: parts.join(unit.sep) };
}

/** The countdown sentence: "超时 2天22时" / "2d 22h overdue", "剩余 3时5分" / "3h 5m left". */
export function countdownLabel(dueAt: Date, now: Date, locale: Locale): string {
  const { overdue, text } = formatTimeLeft(dueAt, now, locale);
  if (locale === 'zh-CN') return overdue ? `超时 ${text}` : `剩余 ${text}`;
  return overdue ? `${text} overdue` : `${text} left`;
}
