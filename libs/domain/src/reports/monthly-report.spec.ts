import { maskPersonalDataInText } from '../compliance/personal-data';
import { departmentFor, DEPARTMENTS, whoShouldAct } from './departments';
import { safeCell } from './export-cells';
import {
  causeRows,
  changeBetween,
  complaintsPerThousandOrders,
  dayRange,
  isReportMonth,
  latestReportMonth,
  monthOf,
  monthRange,
  nextMonth,
  previousMonth,
  reportMonthOutOfRange,
  reportOutcome,
} from './monthly-report';

describe('the monthly root-cause report', () => {
  it('ranks causes with their share, sub-causes and change against the previous month', () => {
    const rows = causeRows(
      [
        { rootCause: 'product_quality', subCause: 'broken', cases: 6 },
        { rootCause: 'product_quality', subCause: 'smell', cases: 2 },
        { rootCause: 'logistics_delay', subCause: null, cases: 2 },
      ],
      [
        { rootCause: 'product_quality', subCause: 'broken', cases: 4 },
        { rootCause: 'size_fit', subCause: 'too_small', cases: 1 },
      ],
    );
    expect(rows.map((row) => [row.rootCause, row.cases, row.share, row.previousCases, row.change])).toEqual([
      ['product_quality', 8, 0.8, 4, { delta: 4, ratio: 1 }],
      ['logistics_delay', 2, 0.2, 0, { delta: 2, ratio: null }],
      ['size_fit', 0, 0, 1, { delta: -1, ratio: -1 }],
    ]);
    expect(rows[0]?.subCauses).toEqual([
      { subCause: 'broken', cases: 6, share: 0.75 },
      { subCause: 'smell', cases: 2, share: 0.25 },
    ]);
    expect(rows[0]?.previousShare).toBe(0.8);
    expect(rows.map((row) => row.department)).toEqual(['product_qc', 'warehouse_logistics', 'operations_listing']);
  });

  it('keeps unclassified cases as their own row instead of dropping them', () => {
    const rows = causeRows([{ rootCause: null, subCause: null, cases: 3 }], []);
    expect(rows).toEqual([
      expect.objectContaining({
        rootCause: null,
        cases: 3,
        share: 1,
        department: null,
        change: { delta: 3, ratio: null },
      }),
    ]);
  });

  it('walks months back across a year and recognises only YYYY-MM', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(['2026-10', '2026-13', '2026-1', '26-10', '2026-00'].map(isReportMonth)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(changeBetween(5, 4)).toEqual({ delta: -1, ratio: -0.2 });
  });

  it('reports on months from 2000-01 to the month after now (China time)', () => {
    const now = new Date('2026-12-31T17:00:00Z'); // already 2027-01-01 in China
    expect(latestReportMonth(now)).toBe('2027-02');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(reportMonthOutOfRange('2027-02', now)).toBeNull();
    expect(reportMonthOutOfRange('2000-01', now)).toBeNull();
    expect(reportMonthOutOfRange('9999-12', now)).toEqual({ first: '2000-01', last: '2027-02' });
    expect(reportMonthOutOfRange('1999-12', now)).toEqual({ first: '2000-01', last: '2027-02' });
  });

  it('bounds a month at midnight in China, whatever the server’s time zone', () => {
    expect(monthRange('2026-03')).toEqual({
      start: new Date('2026-02-28T16:00:00Z'),
      end: new Date('2026-03-31T16:00:00Z'),
      previousStart: new Date('2026-01-31T16:00:00Z'),
    });
    expect(monthOf(new Date('2026-02-28T16:30:00Z'))).toBe('2026-03');
    expect(monthOf(new Date('2026-02-28T15:59:59Z'))).toBe('2026-02');
    expect(dayRange('2026-11-11', '2026-11-11')).toEqual({
      start: new Date('2026-11-10T16:00:00Z'),
      end: new Date('2026-11-11T16:00:00Z'),
    });
    expect(dayRange('2026-02-01', '2026-02-28').end).toEqual(new Date('2026-02-28T16:00:00Z'));
  });

  it('counts each case under one outcome, the strongest first', () => {
    const facts = { reviewOutcome: null, appealWon: false, replyPublished: false };
    expect(reportOutcome({ ...facts, reviewOutcome: 'revised_positive', replyPublished: true })).toBe('revised');
    expect(reportOutcome({ ...facts, reviewOutcome: 'deleted', appealWon: true })).toBe('deleted');
    expect(reportOutcome({ ...facts, appealWon: true, replyPublished: true })).toBe('appeal_won');
    expect(reportOutcome({ ...facts, reviewOutcome: 'unchanged', replyPublished: true })).toBe('replied');
    expect(reportOutcome({ ...facts, reviewOutcome: 'follow_up_added' })).toBe('unresolved');
  });

  it('gives complaints per 1,000 orders only when the orders are known', () => {
    expect(complaintsPerThousandOrders(3, 1500)).toBe(2);
    expect(complaintsPerThousandOrders(3, null)).toBeNull();
    expect(complaintsPerThousandOrders(3, 0)).toBeNull();
  });

  it('names who should act on every cause, in both languages', () => {
    expect(departmentFor('logistics_damage')).toBe('warehouse_logistics');
    expect(whoShouldAct('size_fit', 'zh-CN')).toBe('运营/商品详情页：补充尺码表与试穿说明，标出偏大偏小');
    expect(whoShouldAct('service_attitude', 'en')).toMatch(/^service training: /);
    expect(DEPARTMENTS).toHaveLength(4);
  });
});

describe('exported cells', () => {
  it('neutralises text a spreadsheet would run as a formula and leaves the rest alone', () => {
    expect(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(safeCell)).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect([-12, 0, 'a=b', '质量差', null, undefined].map(safeCell)).toEqual([-12, 0, 'a=b', '质量差', '', '']);
  });

  it('masks phones, ID numbers, addresses and known names inside free text', () => {
    expect(maskPersonalDataInText('打我电话13812345678或者 0571-88776655')).toBe(
      '打我电话138****5678或者 **********55',
    );
    expect(maskPersonalDataInText('身份证110101199003071234')).toBe('身份证110*************34');
    // The address from the province to the house number is one mask; the words before it stay.
    expect(maskPersonalDataInText('寄到浙江省杭州市文一路 100 号')).toBe('寄到****');
    // issue 13: spaced and full-width phones and e-mail addresses in quotes were not masked.
    expect(maskPersonalDataInText('电话138 1234 5678，邮箱 wang.li@example.com')).toBe(
      '电话138****5678，邮箱 w***@example.com',
    );
    expect(maskPersonalDataInText('手机１３８１２３４５６７８')).toBe('手机138****5678');
    expect(maskPersonalDataInText('我叫王小明，东西坏了', ['王小明'])).toBe('我叫王**，东西坏了');
    expect(maskPersonalDataInText('杯子漏水')).toBe('杯子漏水');
  });
});
