import type { SignedInActor } from '../common/actor/actor';

/** Collects positional parameters while a query's text is built: `params.add(value)` returns `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The cases the actor may work, as SQL over `support_case` aliased `c` — the same rule as the
 * domain's `canWorkCase`: agents their own cases and the pool of the shops they work now, leads their
 * shops, admins all.
 */
export function caseScopeSql(actor: SignedInActor, params: SqlParams): string {
  switch (actor.role) {
    case 'admin':
      return 'TRUE';
    case 'lead':
      return `c.shop_id = ANY(${params.add([...actor.shopIds])}::uuid[])`;
    case 'agent':
      return `(c.shop_id = ANY(${params.add([...actor.shopIds])}::uuid[]) AND (c.assignee_id = ${params.add(actor.id)} OR c.assignee_id IS NULL))`;
  }
}

/** The queue's filters shared by the list and its counters: scope, assignee (an id, `me`, `none`) and shop. */
export function queueFilterSql(
  actor: SignedInActor,
  filter: { assignee?: string; shopId?: string },
  params: SqlParams,
): string[] {
  const where = [caseScopeSql(actor, params)];
  if (filter.assignee === 'none') where.push('c.assignee_id IS NULL');
  else if (filter.assignee)
    where.push(`c.assignee_id = ${params.add(filter.assignee === 'me' ? actor.id : filter.assignee)}`);
  if (filter.shopId) where.push(`c.shop_id = ${params.add(filter.shopId)}`);
  return where;
}

/** The deadlines an open case can miss; the queue filters by them. */
export const SLA_BREACHES = ['first_contact', 'resolution'] as const;
export type SlaBreach = (typeof SLA_BREACHES)[number];

/**
 * An open case (`c`) past a deadline at `now` (a bound parameter): one definition for the dashboard's
 * numbers, the SLA board and the queue they link to, so a number and its list always agree.
 */
export const OVERDUE_SQL: Record<SlaBreach, (now: string) => string> = {
  first_contact: (now) => `(c.first_contact_at IS NULL AND c.first_contact_due_at < ${now})`,
  resolution: (now) => `(c.resolution_due_at < ${now})`,
};

/** A case (`c`) whose review was posted on `day` (a bound YYYY-MM-DD parameter), China time. */
export const REVIEWED_ON_SQL = (day: string) =>
  `(c.reviewed_at >= (${day}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
    AND c.reviewed_at < (${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
