import { Inject, Injectable } from '@nestjs/common';
import { subDays } from 'date-fns';

import { revealPersonalData, type PersonalDataField } from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import { PolicyService } from '../cases/policy.service';
import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { BuyerPrivacyRepository } from './buyer-privacy.repository';
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
    private readonly buyers: BuyerPrivacyRepository,
    private readonly runner: CaseCommandRunner,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs the domain's revealPersonalData (reason required, logged as an event) and returns the unmasked value. */
  async reveal(
    caseId: string,
    { field, reason }: { field: PersonalDataField; reason: string },
    actor: SignedInActor,
  ): Promise<RevealedDto> {
    const revealedAt = this.clock.now();
    const { row } = await this.runner.apply({ caseId, basedOn: 'current', caller: actor }, (state, ctx) =>
      revealPersonalData(state, { field, reason }, ctx),
    );
    return { field, value: row[COLUMN[field]], revealedAt: revealedAt.toISOString() };
  }

  /**
   * Erases phone, address and real name of buyers whose cases are all closed, the last one longer
   * ago than the policy keeps them. Returns how many buyers were purged.
   */
  async purgeExpired(): Promise<number> {
    const cutoff = subDays(this.clock.now(), this.policies.organisation().privacy.retentionDaysAfterClose);
    return this.buyers.erasePersonalData({ closedBefore: cutoff, at: this.clock.now() });
  }
}
