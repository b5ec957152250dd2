import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { guardCaseAccess } from '@chaping/domain';

import { signedInActor, UncheckedSession, type Caller, type SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RefusedError } from '../common/errors/app-errors';
import { preparedQuery } from '../database/prepared-query';
import { SessionStore } from '../users/auth/session.store';
import type { CaseRow } from './case-row';

/** A read of one case: `sql` is one SELECT of CASE_SQL's shape, `values` its parameters. */
export interface CaseRead {
  caseId: string;
  sql: string;
  values: unknown[];
}

/**
 * The one way from a caller to a case: read it, then check with the domain's access rule that the
 * caller may work it. A session not checked yet is checked in the same statement as the read.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly sessions: SessionStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The case the statement reads (one SELECT of CASE_SQL's shape), with who reads it. */
  async read<T extends CaseRow>(
    manager: EntityManager,
    caller: Caller,
    { caseId, sql, values }: CaseRead,
  ): Promise<{ row: T; actor: SignedInActor }> {
    let actor: SignedInActor;
    let row: T | null;
    if (caller instanceof UncheckedSession) {
      const { user, read } = await this.sessions.resolveWith<T>(manager, {
        token: caller.token,
        statement: { sql, values },
        now: this.clock.now(),
      });
      actor = signedInActor(user);
      // The read's columns are null when the case does not exist.
      row = read?.id ? read : null;
    } else {
      actor = caller;
      [row = null] = await preparedQuery<T>(manager, sql, values);
    }
    if (!row) throw new NotFoundError('case.not_found', caseId);
    const forbidden = guardCaseAccess(actor, { shopId: row.shop_id, assigneeId: row.assignee_id });
    if (forbidden) throw new RefusedError(forbidden);
    return { row, actor };
  }
}
