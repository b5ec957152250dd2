import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subDays } from 'date-fns';
import { DataSource } from 'typeorm';

import { guardCaseAccess, revealPersonalData, type CommandContext, type PersonalDataField } from '@chaping/domain';

import { toCaseState } from '../cases/case-row';
import { CaseRepository } from '../cases/case.repository';
import { PolicyService } from '../cases/policy.service';
import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RefusedError } from '../common/errors/app-errors';
import type { RevealedDto } from './dto/reveal.dto';

const COLUMN: Record<PersonalDataField, 'buyer_phone' | 'buyer_address' | 'buyer_real_name'> = {
  phone: 'buyer_phone',
  address: 'buyer_address',
  realName: 'buyer_real_name',
};

/** Personal data shown only with a case-linked reason (logged on the case), and erased when no longer needed. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  reveal(caseId: string, field: PersonalDataField, reason: string, actor: SignedInActor): Promise<RevealedDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.cases.loadRow(manager, caseId);
      if (!row) throw new NotFoundError('case.not_found', caseId);
      const forbidden = guardCaseAccess(actor, { shopId: row.shop_id, assigneeId: row.assignee_id });
      if (forbidden) throw new RefusedError(forbidden);
      const ctx: CommandContext = {
        now: this.clock.now(),
        actor: { id: actor.id, role: actor.role },
        policy: this.policies.current(),
        newId: () => this.cases.newId(),
      };
      const state = toCaseState(row);
      const result = revealPersonalData(state, { field, reason }, ctx);
      if (!result.ok) throw new RefusedError(result.refusal);
      await this.cases.save(manager, state, result.state, result.events, row.version, ctx.policy, ctx.now);
      return { field, value: row[COLUMN[field]], revealedAt: ctx.now.toISOString() };
    });
  }

  /**
   * Erases phone, address and real name of buyers whose cases are all closed, the last one longer
   * ago than the policy keeps them. Returns how many buyers were purged.
   */
  async purgeExpired(): Promise<number> {
    const cutoff = subDays(this.clock.now(), this.policies.current().privacy.retentionDaysAfterClose);
    const rows: [unknown[], number] = await this.dataSource.query(
      `UPDATE buyer b SET phone = NULL, address = NULL, real_name = NULL, personal_data_purged_at = $2
        WHERE (b.phone IS NOT NULL OR b.address IS NOT NULL OR b.real_name IS NOT NULL)
          AND EXISTS (SELECT 1 FROM support_case c WHERE c.buyer_id = b.id)
          AND NOT EXISTS (SELECT 1 FROM support_case c WHERE c.buyer_id = b.id
                           AND (c.stage <> 'recorded' OR c.closed_at >= $1))`,
      [cutoff, this.clock.now()],
    );
    return rows[1];
  }
}
