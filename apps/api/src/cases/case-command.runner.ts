import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { CaseState, CommandContext, CommandResult } from '@chaping/domain';

import type { Caller, SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RefusedError, UnprocessableError, VersionConflictError } from '../common/errors/app-errors';
import type { CommandKey } from '../common/idempotency-key';
import { CaseAccess } from './case-access';
import { CASE_SQL, toCaseState, type CaseRow } from './case-row';
import { CaseViewService } from './case-view.service';
import { CaseRepository } from './case.repository';
import type { CaseViewDto } from './dto/case-view.dto';
import { PolicyService } from './policy.service';

export type CaseCommand = (
  state: CaseState,
  ctx: CommandContext,
  manager: EntityManager,
  /** The row as `CommandOptions.read` loaded it, for a command that reads more than the state. */
  row: CaseRow,
) => CommandResult | Promise<CommandResult>;

/** The version a command was based on, or `current` for commands that act on whatever is there now. */
export type BasedOn = number | 'current';

/** The case a command runs on, the version the client based it on, and who sends it. */
export interface CaseTarget {
  caseId: string;
  basedOn: BasedOn;
  caller: Caller;
}

export interface CommandOptions {
  /** The request's Idempotency-Key: recorded with the command, which then runs at most once. */
  key?: CommandKey;
  /**
   * Holds the buyer's lock until the command is written: for a rule that counts what the buyer got
   * on their other cases, so two commands on two of their cases cannot both count before either
   * writes.
   */
  lockBuyer?: boolean;
  /**
   * Work written in the command's own transaction once its state is saved (an outbox row for a
   * reply to send, say): both are kept or neither.
   */
  afterSave?: (manager: EntityManager, state: CaseState) => Promise<void>;
  /** The statement that loads the case: CASE_SQL, or one of its shape with more columns. */
  read?: string;
}

/** Who the system's own commands are recorded as: imports and platform answers, not a person. */
const SYSTEM_ACTOR = { id: 'system', role: 'admin' } as const;

/** A case as a command loaded it, and who ran the command. */
export interface LoadedCase {
  row: CaseRow;
  actor: SignedInActor;
}

/**
 * Runs one domain command: load the case, check who may work it and the client's version, ask the
 * domain, write the new state with its events — compare-and-set on the version, so a concurrent
 * writer makes it a 409, and a refusal or a conflict writes nothing. This is the one place a case
 * command is executed.
 */
@Injectable()
export class CaseCommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewService,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs the command and answers with the case view, as every case endpoint does. */
  async run(target: CaseTarget, command: CaseCommand, options: CommandOptions = {}): Promise<CaseViewDto> {
    const { actor } = await this.apply(target, command, options);
    return this.views.get(this.dataSource.manager, target.caseId, actor);
  }

  /**
   * Runs the command and returns the case row as it was loaded. With `current`, the version read
   * is the one compared-and-set, so a concurrent writer still makes it a 409 (bulk reassignment,
   * revealing personal data: neither needs the client's view of the case). With an idempotency
   * key, the key is recorded in the command's transaction; when it was applied before, nothing
   * runs again and the case is answered as it is.
   */
  async apply(
    { caseId, basedOn, caller }: CaseTarget,
    command: CaseCommand,
    { key, lockBuyer = false, afterSave, read = CASE_SQL }: CommandOptions = {},
  ): Promise<LoadedCase> {
    if (key || lockBuyer || afterSave) {
      return this.dataSource.transaction(async (manager) => {
        const loaded = await this.access.read<CaseRow>(manager, caller, { caseId, sql: read, values: [caseId] });
        if (lockBuyer) await this.cases.lockBuyer(manager, loaded.row.buyer_id);
        if (key && !(await this.recordKey(manager, loaded, key))) return loaded;
        const saved = await this.decideAndSave(manager, loaded, basedOn, command);
        if (afterSave) await afterSave(manager, saved);
        return loaded;
      });
    }
    const manager = this.dataSource.manager;
    const loaded = await this.access.read<CaseRow>(manager, caller, { caseId, sql: read, values: [caseId] });
    await this.decideAndSave(manager, loaded, basedOn, command);
    return loaded;
  }

  /**
   * Runs a command the system makes — a platform's answer to a reply, a review changed on the platform —
   * on the case at its current version, in the caller's transaction; false when there is no such case
   * or the domain refused (nothing is written then).
   */
  async applyAsSystem(
    manager: EntityManager,
    { caseId, now }: { caseId: string; now: Date },
    command: (state: CaseState, ctx: CommandContext) => CommandResult,
  ): Promise<boolean> {
    const row = await this.cases.loadRow(manager, caseId);
    if (!row) return false;
    const policy = this.policies.forShop(row.shop_id);
    const ctx: CommandContext = { now, actor: SYSTEM_ACTOR, policy, newId: () => this.cases.newId() };
    const before = toCaseState(row);
    const result = command(before, ctx);
    if (!result.ok) return false;
    await this.cases.save(manager, {
      before,
      after: result.state,
      events: result.events,
      expectedVersion: row.version,
      policy,
      now,
    });
    return true;
  }

  private async decideAndSave(
    manager: EntityManager,
    { row, actor }: LoadedCase,
    basedOn: BasedOn,
    command: CaseCommand,
  ): Promise<CaseState> {
    const expectedVersion = basedOn === 'current' ? row.version : basedOn;
    if (row.version !== expectedVersion) throw new VersionConflictError(row.id, expectedVersion, row.version);
    const ctx: CommandContext = {
      now: this.clock.now(),
      actor: { id: actor.id, role: actor.role },
      policy: this.policies.forShop(row.shop_id),
      newId: () => this.cases.newId(),
    };
    const before = toCaseState(row);
    const result = await command(before, ctx, manager, row);
    if (!result.ok) throw new RefusedError(result.refusal);
    await this.cases.save(manager, {
      before,
      after: result.state,
      events: result.events,
      expectedVersion,
      policy: ctx.policy,
      now: ctx.now,
    });
    return result.state;
  }

  /**
   * Records the key with the command (same transaction); false when it was applied before, a 422 when
   * it was used before for another request.
   */
  private async recordKey(manager: EntityManager, { row, actor }: LoadedCase, key: CommandKey) {
    const earlierDigest = await this.cases.recordCommandKey(manager, {
      caseId: row.id,
      shopId: row.shop_id,
      key: key.key,
      requestDigest: key.requestDigest,
      actorId: actor.id,
      at: this.clock.now(),
    });
    if (earlierDigest === null) return true;
    if (earlierDigest !== key.requestDigest) throw new UnprocessableError('idempotency.key_reused');
    return false;
  }
}
