import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { replaceRoster, rosterAdoptionRefusal, rosterTransitions, type AdoptedShift } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RefusedError } from '../common/errors/app-errors';
import { CampaignForecastService } from './campaign-forecast.service';
import { CampaignRosterRepository, type AdoptedShiftRow } from './campaign-roster.repository';
import { CampaignsService } from './campaigns.service';
import type { AdoptedRosterDto } from './dto/campaign-roster.dto';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const adoptedShift = (row: AdoptedShiftRow): AdoptedShift => ({
  id: row.id,
  userId: row.user_id,
  start: row.starts_at.toISOString(),
  end: row.ends_at.toISOString(),
  startedAt: iso(row.started_at),
  endedAt: iso(row.ended_at),
});

/** Adopting a campaign's roster, and putting its agents on and off shift as the shifts come (rosterTransitions). */
@Injectable()
export class CampaignRosterService {
  private readonly logger = new Logger('CampaignRoster');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly forecasts: CampaignForecastService,
    private readonly rosters: CampaignRosterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async adopted(actor: SignedInActor, campaignId: string): Promise<AdoptedRosterDto> {
    await this.campaigns.found(actor, campaignId);
    return this.view(campaignId);
  }

  /** The forecast's roster replaces the shifts not yet started (replaceRoster); refused once every shift is over. */
  async adopt(actor: SignedInActor, campaignId: string): Promise<AdoptedRosterDto> {
    const { roster } = await this.forecasts.plannedRoster(actor, campaignId);
    const now = this.clock.now();
    const refused = rosterAdoptionRefusal(roster.shifts, now.toISOString());
    if (refused) throw new RefusedError(refused);
    const planned = roster.shifts.flatMap(({ start, end, agentIds }) =>
      agentIds.map((userId) => ({ userId, start, end })),
    );
    await this.dataSource.transaction(async (manager) => {
      await this.rosters.lockCampaign(manager, campaignId);
      const adopted = (await this.rosters.shifts(campaignId, manager)).map(adoptedShift);
      const { dropIds, add } = replaceRoster({ adopted, planned, now: now.toISOString() });
      await this.rosters.replace(manager, { campaignId, dropIds, add, by: actor.id, at: now });
    });
    return this.view(campaignId);
  }

  /** Applies every start and end that is due, once each; run by the periodic task. */
  async applyDueShifts(): Promise<void> {
    const now = this.clock.now();
    const changed = await this.dataSource.transaction(async (manager) => {
      const open = (await this.rosters.begunOpenShifts(manager, now)).map(adoptedShift);
      const transitions = rosterTransitions(open, now.toISOString());
      if (transitions.starting.length === 0 && transitions.ending.length === 0) return null;
      return this.rosters.applyTransitions(manager, {
        startedIds: transitions.starting.map((shift) => shift.id),
        endedIds: transitions.ending.map((shift) => shift.id),
        offUserIds: transitions.offShiftUserIds,
        at: now,
      });
    });
    if (changed) this.logger.log(`Roster shifts: ${changed.on} agents on shift, ${changed.off} off shift`);
  }

  private async view(campaignId: string): Promise<AdoptedRosterDto> {
    const rows = await this.rosters.shifts(campaignId);
    return {
      shifts: rows.map((row) => ({
        id: row.id,
        start: row.starts_at.toISOString(),
        end: row.ends_at.toISOString(),
        agent: { id: row.user_id, displayName: row.display_name },
        adoptedAt: row.adopted_at.toISOString(),
        startedAt: iso(row.started_at),
        endedAt: iso(row.ended_at),
      })),
    };
  }
}
