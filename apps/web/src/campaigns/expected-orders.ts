import dayjs from 'dayjs';

import { HOUR_MS, MAX_FORECAST_HOURS, MAX_ORDERS_PER_HOUR, type HourlyOrders } from '@chaping/domain';

/** Expected orders keyed by the ISO UTC time of each whole hour. */
export type OrdersByHour = Readonly<Record<string, number>>;

export const CURVES = ['flat', 'day', 'peak'] as const;
export type Curve = (typeof CURVES)[number];

/** A shop's day as buyers order through it (local hours 0..23): quiet nights, a morning, an afternoon and an evening peak. */
const DAY_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 9, 8, 8, 9, 9, 8, 8, 9, 11, 13, 14, 12, 7];
/** How much busier a peak-window hour is than the same hour outside it. */
const PEAK_FACTOR = 4;

/** The whole hours from `startsAt` up to `endsAt` (ISO UTC), at most a campaign's worth. */
export function campaignHours(startsAt: string | null, endsAt: string | null): string[] {
  if (!startsAt || !endsAt) return [];
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return [];
  const first = Math.ceil(start / HOUR_MS) * HOUR_MS;
  const count = Math.min(Math.ceil((end - first) / HOUR_MS), MAX_FORECAST_HOURS);
  return Array.from({ length: Math.max(0, count) }, (_, index) => new Date(first + index * HOUR_MS).toISOString());
}

function weight(hour: string, curve: Curve, peak: { startsAt: string | null; endsAt: string | null }): number {
  if (curve === 'flat') return 1;
  const base = DAY_WEIGHTS[dayjs(hour).hour()]!;
  if (curve === 'day') return base;
  const time = Date.parse(hour);
  const inPeak = peak.startsAt && peak.endsAt && time >= Date.parse(peak.startsAt) && time < Date.parse(peak.endsAt);
  return inPeak ? base * PEAK_FACTOR : base;
}

/**
 * A total spread over the hours by a curve, in whole orders that add up to the total exactly
 * (largest remainders get the leftover orders).
 */
export function fillFromTotal(input: {
  hours: readonly string[];
  total: number;
  curve: Curve;
  peak: { startsAt: string | null; endsAt: string | null };
}): Record<string, number> {
  const { hours, curve, peak } = input;
  const total = Math.max(0, Math.floor(input.total));
  if (hours.length === 0) return {};
  const weights = hours.map((hour) => weight(hour, curve, peak));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((each) => (total * each) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, rest: value - whole[index]! })).sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (left <= 0) break;
    whole[index]! += 1;
    left -= 1;
  }
  return Object.fromEntries(hours.map((hour, index) => [hour, Math.min(whole[index]!, MAX_ORDERS_PER_HOUR)]));
}

/**
 * "hour,orders" lines as pasted from a spreadsheet (2026-11-11 20:00,1200 in the browser's time, or
 * an ISO time; a comma, tab or semicolon between): the readable lines inside the campaign, and the
 * numbers of the others.
 */
export function parsePastedOrders(
  text: string,
  hours: readonly string[],
): { orders: Record<string, number>; badLines: number[] } {
  const allowed = new Set(hours);
  const orders: Record<string, number> = {};
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^\s*([^,\t;]+?)\s*[,\t;]\s*([0-9]+)\s*$/.exec(line);
    const time = match ? dayjs(match[1]!.replace(/\//g, '-')) : null;
    const hour = time?.isValid() ? time.toDate().toISOString() : null;
    const count = match ? Number(match[2]) : NaN;
    if (!hour || !allowed.has(hour) || !Number.isSafeInteger(count) || count > MAX_ORDERS_PER_HOUR) {
      badLines.push(index + 1);
      return;
    }
    orders[hour] = count;
  });
  return { orders, badLines };
}

/** The hours with orders, as the API and the forecast take them. */
export function toHourlyOrders(orders: OrdersByHour, hours: readonly string[]): HourlyOrders[] {
  return hours.map((hour) => ({ hour, orders: orders[hour] ?? 0 }));
}
