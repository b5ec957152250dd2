import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import {
  checkTickable,
  refusal,
  scriptChecklist,
  scriptContext,
  scriptKey,
  type Policy,
  type ScriptChecklist,
  type ScriptTemplate,
} from '@chaping/domain';

import type { Caller, SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RefusedError } from '../common/errors/app-errors';
import { ScriptsService } from '../scripts/scripts.service';
import { CaseAccess } from './case-access';
import { CASE_WITH_SCRIPT_SQL, toCaseState, type CaseRow, type ScriptFactsRow } from './case-row';
import type { ScriptTickDto, ScriptTicksDto } from './dto/script-ticks.dto';
import { PolicyService } from './policy.service';
import { ScriptTickRepository } from './script-tick.repository';

/** The script a case follows in its stage, the hand's ticks on it and the checklist they make. */
export interface FollowedScript {
  template: ScriptTemplate;
  ticked: string[];
  checklist: ScriptChecklist;
}

/**
 * The script of a case's current stage as the case has followed it: the check-offs its actions
 * prove and the ones the agent ticked by hand (kept per script version). A stage move asks it.
 */
@Injectable()
export class CaseScriptService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly scripts: ScriptsService,
    private readonly ticks: ScriptTickRepository,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The script of the case's stage and the checklist the hand's ticks and the case's record make
   * of it, from a row read with CASE_WITH_SCRIPT_SQL. Null when the case is closed or no script
   * fits its stage: nothing then holds it.
   */
  followed(row: CaseRow & ScriptFactsRow, policy: Policy, now: Date): FollowedScript | null {
    const state = toCaseState(row);
    if (state.stage === 'recorded') return null;
    const template = this.scripts.followedBy(row.saved_scripts ?? [], {
      stage: state.stage,
      rootCause: state.rootCause,
      buyerType: state.buyerType,
    });
    if (!template) return null;
    const ticked = (row.script_ticks ?? [])
      .filter((tick) => tick.script_id === template.id && tick.script_version === template.version)
      .map((tick) => tick.check_id);
    return { template, ticked, checklist: scriptChecklist(template, state, ticked, scriptContext(state, policy, now)) };
  }

  private loadCase(manager: EntityManager, caller: Caller, caseId: string) {
    return this.access.read<CaseRow & ScriptFactsRow>(manager, caller, {
      caseId,
      sql: CASE_WITH_SCRIPT_SQL,
      values: [caseId],
    });
  }

  async read(caseId: string, caller: Caller): Promise<ScriptTicksDto> {
    const { row } = await this.loadCase(this.dataSource.manager, caller, caseId);
    const followed = this.followed(row, this.policies.forShop(row.shop_id), this.clock.now());
    return { script: followed ? scriptKey(followed.template) : null, checkIds: followed?.ticked ?? [] };
  }

  /**
   * Ticks or unticks one check-off of the script the case follows now, with an event in the
   * history. Only the current script version counts, and never a check-off an action proves.
   */
  async tick(caseId: string, dto: ScriptTickDto, actor: SignedInActor): Promise<ScriptTicksDto> {
    return this.dataSource.transaction(async (manager) => {
      const { row } = await this.loadCase(manager, actor, caseId);
      if (row.stage === 'recorded') throw new RefusedError(refusal('stage.case_closed'));
      const followed = this.followed(row, this.policies.forShop(row.shop_id), this.clock.now());
      if (!followed || scriptKey(followed.template) !== dto.script) {
        throw new RefusedError(refusal('script.not_followed'));
      }
      const refused = checkTickable(followed.template, dto.checkId);
      if (refused) throw new RefusedError(refused);
      const check = followed.template.steps.flatMap((step) => step.checks).find((item) => item.id === dto.checkId);
      await this.ticks.change(manager, {
        caseId: row.id,
        shopId: row.shop_id,
        caseVersion: row.version,
        scriptId: followed.template.id,
        scriptVersion: followed.template.version,
        checkId: dto.checkId,
        ticked: dto.ticked,
        actorId: actor.id,
        at: this.clock.now(),
        event: {
          script: dto.script,
          checkId: dto.checkId,
          ticked: dto.ticked,
          textZh: check?.text['zh-CN'] ?? null,
          textEn: check?.text.en ?? null,
        },
      });
      const checkIds = await this.ticks.ticked(manager, row.id, followed.template.id, followed.template.version);
      return { script: dto.script, checkIds };
    });
  }
}
