import { applyDecorators } from '@nestjs/common';
import { IsInt, Matches, Max, ValidateBy, type ValidationOptions } from 'class-validator';

/** The largest value of PostgreSQL's `integer` (int4): a larger number fails in the query, not here. */
export const INT4_MAX = 2_147_483_647;

/** An integer the database's `integer` columns can hold (add `@Min` for the lower bound). */
export const IsInt4 = () =>
  applyDecorators(IsInt(), Max(INT4_MAX, { message: ({ property }) => `${property} must be at most ${INT4_MAX}` }));

/** Years the product accepts in dates and months: nothing it keeps is older, and none reaches 2100. */
const YEAR = '20\\d\\d';
const CALENDAR_DATE = new RegExp(`^(${YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`);

/** A day that exists on the calendar, YYYY-MM-DD from 2000 to 2099 (2026-02-31 is refused). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
          const [year, month, day] = value.split('-').map(Number) as [number, number, number];
          const date = new Date(Date.UTC(year, month - 1, day));
          return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        },
        defaultMessage: (args) => `${args?.property ?? 'the date'} must be a calendar date as YYYY-MM-DD (2000–2099)`,
      },
    },
    options,
  );

/** A month as YYYY-MM from 2000-01 to 2099-12. */
export const IsMonth = () =>
  Matches(new RegExp(`^${YEAR}-(0[1-9]|1[0-2])$`), {
    message: ({ property }) => `${property} must be a month as YYYY-MM from 2000-01, e.g. 2026-10`,
  });
