import { countdownLabel, formatTimeLeft } from './countdown';

const NOW = new Date('2026-03-10T02:00:00Z');
const minutes = (n: number) => n * 60_000;
const at = (offsetMinutes: number) => new Date(NOW.getTime() + minutes(offsetMinutes));

describe('countdown', () => {
  it.each([
    ['7 days 4 hours overdue', -(7 * 24 + 4) * 60 - 38, '超时 7天4时', '7d 4h overdue'],
    ['2 days 22 hours overdue', -(2 * 24 + 22) * 60, '超时 2天22时', '2d 22h overdue'],
    ['exactly 24 hours left', 24 * 60, '剩余 1天0时', '1d 0h left'],
    ['23 hours 59 minutes left', 24 * 60 - 1, '剩余 23时59分', '23h 59m left'],
    ['3 hours 5 minutes overdue', -(3 * 60 + 5), '超时 3时5分', '3h 5m overdue'],
    ['59 minutes left', 59, '剩余 59分', '59m left'],
    ['59 minutes overdue', -59, '超时 59分', '59m overdue'],
    ['40 days left (no months)', 40 * 24 * 60 + 61, '剩余 40天1时', '40d 1h left'],
  ])('%s', (_name, offset, zh, en) => {
    expect(countdownLabel(at(offset), NOW, 'zh-CN')).toBe(zh);
    expect(countdownLabel(at(offset), NOW, 'en')).toBe(en);
  });

  it('never shows seconds, so a list does not tick every second', () => {
    expect(formatTimeLeft(new Date(NOW.getTime() - 59_000), NOW, 'en')).toEqual({ overdue: true, text: '0m' });
    expect(formatTimeLeft(new Date(NOW.getTime() + 61_000), NOW, 'en')).toEqual({ overdue: false, text: '1m' });
  });
});
