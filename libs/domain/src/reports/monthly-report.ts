import { tz, TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, subMonths } from 'date-fns';

import type { CaseState } from '../case/case-state';
import { SHOP_TIME_ZONE, type Platform, type RootCause } from '../shared/vocabulary';
import { departmentFor, type Department } from './departments';

/**
 * The outcome a case counts under in the report, first match wins: the buyer revised the review,
 * or it was deleted, or an appeal was won, or the shop replied publicly; otherwise unresolved.
 */
export const REPORT_OUTCOMES = ['revised', 'deleted', 'appeal_won', 'replied', 'unresolved'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export interface ReportOutcomeFacts {
  reviewOutcome: string | null;
  appealWon: boolean;
  replyPublished: boolean;
}

export function reportOutcome(facts: ReportOutcomeFacts): ReportOutcome {
  if (facts.reviewOutcome === 'revised_positive') return 'revised';
  if (facts.reviewOutcome === 'deleted') return 'deleted';
  if (facts.appealWon) return 'appeal_won';
  if (facts.replyPublished) return 'replied';
  return 'unresolved';
}

/** The report outcome of a case as it stands: what CaseRepository stores on every change. */
export function caseReportOutcome(state: Pick<CaseState, 'reviewOutcome' | 'appeal' | 'replies'>): ReportOutcome {
  return reportOutcome({
    reviewOutcome: state.reviewOutcome,
    appealWon: state.appeal?.result === 'won',
    replyPublished: state.replies.some((reply) => reply.status === 'published'),
  });
}

/** A month as YYYY-MM, the unit of the report (in the shops' time zone, Asia/Shanghai). */
export type ReportMonth = `${number}-${number}`;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: string): value is ReportMonth {
  return MONTH.test(value);
}

/** The earliest month a report covers; nothing in the product is older. */
export const FIRST_REPORT_MONTH: ReportMonth = '2000-01';

/**
 * The latest month a report may be asked for: the month after `now` (the shops' clock may run a
 * little ahead). Bounding the month bounds the work: a report for 9999-12 would build an action
 * item's history month by month for eight thousand years.
 */
export function latestReportMonth(now: Date): ReportMonth {
  return nextMonth(monthOf(now));
}

/** Why `month` cannot be reported on at `now` (too early or too late), or null when it can. */
export function reportMonthOutOfRange(month: ReportMonth, now: Date): { first: ReportMonth; last: ReportMonth } | null {
  const last = latestReportMonth(now);
  return month < FIRST_REPORT_MONTH || month > last ? { first: FIRST_REPORT_MONTH, last } : null;
}

/** A month starts at midnight in the shops' time zone. */
export const REPORT_TIME_ZONE = SHOP_TIME_ZONE;

const parts = (month: ReportMonth) => {
  const [, year, number] = MONTH.exec(month) ?? [];
  return { year: Number(year), monthIndex: Number(number) - 1 };
};

/** The month before, as YYYY-MM. */
export function previousMonth(month: ReportMonth): ReportMonth {
  const { year, monthIndex } = parts(month);
  const index = year * 12 + monthIndex - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` as ReportMonth;
}

/** The month after, as YYYY-MM. */
export function nextMonth(month: ReportMonth): ReportMonth {
  const { year, monthIndex } = parts(month);
  const index = year * 12 + monthIndex + 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` as ReportMonth;
}

/** The instant the month starts in the shops' time zone. */
export function monthStart(month: ReportMonth): Date {
  const { year, monthIndex } = parts(month);
  return new Date(new TZDate(year, monthIndex, 1, REPORT_TIME_ZONE).getTime());
}

/** The month's start and end (exclusive) instants, and the previous month's start. */
export function monthRange(month: ReportMonth): { start: Date; end: Date; previousStart: Date } {
  const start = monthStart(month);
  const zoned = new TZDate(start.getTime(), REPORT_TIME_ZONE);
  return {
    start,
    end: new Date(addMonths(zoned, 1).getTime()),
    previousStart: new Date(subMonths(zoned, 1).getTime()),
  };
}

/** The month an instant falls in, in the shops' time zone. */
export function monthOf(instant: Date): ReportMonth {
  return format(instant, 'yyyy-MM', { in: tz(REPORT_TIME_ZONE) }) as ReportMonth;
}

/** The days from `first` to `last` (inclusive, YYYY-MM-DD) as instants: midnight China time to the midnight after `last`. */
export function dayRange(first: string, last: string): { start: Date; end: Date } {
  const midnight = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return new TZDate(year ?? 0, (month ?? 1) - 1, date ?? 1, REPORT_TIME_ZONE);
  };
  return { start: new Date(midnight(first).getTime()), end: new Date(addDays(midnight(last), 1).getTime()) };
}

/** The change from one period to the next; `ratio` is null when there was nothing before. */
export interface Change {
  delta: number;
  ratio: number | null;
}

export function changeBetween(previous: number, current: number): Change {
  return { delta: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}

export const shareOf = (count: number, total: number): number => (total === 0 ? 0 : count / total);

export interface CauseCount {
  rootCause: RootCause | null;
  subCause: string | null;
  cases: number;
}

export interface SubCauseRow {
  subCause: string | null;
  cases: number;
  /** Share of the cause's cases. */
  share: number;
}

export interface CauseRow {
  /** Null: cases nobody (not even triage) could classify. */
  rootCause: RootCause | null;
  cases: number;
  share: number;
  previousCases: number;
  previousShare: number;
  change: Change;
  department: Department | null;
  subCauses: SubCauseRow[];
}

const total = (counts: readonly CauseCount[]) => counts.reduce((sum, row) => sum + row.cases, 0);

/**
 * Cases by root cause and sub-cause with their share and the change against the previous month,
 * most frequent cause first; a cause seen only last month still shows (it went to zero).
 */
export function causeRows(current: readonly CauseCount[], previous: readonly CauseCount[]): CauseRow[] {
  const currentTotal = total(current);
  const previousTotal = total(previous);
  const causes = new Map<RootCause | null, { cases: number; previous: number; subs: Map<string | null, number> }>();
  const entry = (cause: RootCause | null) => {
    let found = causes.get(cause);
    if (!found) causes.set(cause, (found = { cases: 0, previous: 0, subs: new Map() }));
    return found;
  };
  for (const row of current) {
    const cause = entry(row.rootCause);
    cause.cases += row.cases;
    cause.subs.set(row.subCause, (cause.subs.get(row.subCause) ?? 0) + row.cases);
  }
  for (const row of previous) entry(row.rootCause).previous += row.cases;
  return [...causes.entries()]
    .map(([rootCause, { cases, previous: before, subs }]) => ({
      rootCause,
      cases,
      share: shareOf(cases, currentTotal),
      previousCases: before,
      previousShare: shareOf(before, previousTotal),
      change: changeBetween(before, cases),
      department: rootCause ? departmentFor(rootCause) : null,
      subCauses: [...subs.entries()]
        .map(([subCause, count]) => ({ subCause, cases: count, share: shareOf(count, cases) }))
        .sort((a, b) => b.cases - a.cases),
    }))
    .sort((a, b) => b.cases - a.cases || b.previousCases - a.previousCases);
}

/** Complaints per 1,000 orders, when the shop told us how many orders there were. */
export function complaintsPerThousandOrders(complaints: number, orders: number | null): number | null {
  if (orders === null || orders <= 0) return null;
  return (complaints * 1000) / orders;
}

export interface ReportFilters {
  month: ReportMonth;
  shopIds: readonly string[];
  platforms: readonly Platform[];
}
