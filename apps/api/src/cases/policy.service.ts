import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { checkPolicy, DEFAULT_POLICY, withPolicyDefaults, type Policy } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RequestValidationError } from '../common/errors/validation-error';

const REFRESH_MS = 30_000;

export interface PolicyChange {
  id: string;
  policy: Policy;
  changedBy: string;
  changedByName: string | null;
  changedAt: string;
  note: string;
}

/**
 * The policy in force: the latest version a lead saved, or the documented defaults of DESIGN §4.
 * Read synchronously by every command, so it is cached and refreshed from PostgreSQL every 30 s
 * (other API instances see a change within that time; this one at once).
 */
@Injectable()
export class PolicyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Policy');
  private policy: Policy = DEFAULT_POLICY;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  current(): Policy {
    return this.policy;
  }

  /** Puts a new policy in force after the domain's checks; the version, who and why are kept. */
  async change(candidate: unknown, note: string, actor: SignedInActor): Promise<Policy> {
    const problems = checkPolicy(candidate);
    if (problems.length > 0) {
      throw new RequestValidationError(
        problems.map((problem) => ({
          field: `policy.${problem.field}`,
          messages: [`${problem.field} ${problem.message}`],
        })),
      );
    }
    await this.dataSource.query(
      `INSERT INTO policy_change (policy, changed_by, changed_at, note) VALUES ($1, $2, $3, $4)`,
      [JSON.stringify(candidate), actor.id, this.clock.now(), note.trim()],
    );
    this.policy = candidate as Policy;
    return this.policy;
  }

  async history(limit = 50): Promise<PolicyChange[]> {
    const rows: Array<{
      id: string;
      policy: Policy;
      changed_by: string;
      name: string | null;
      changed_at: Date;
      note: string;
    }> = await this.dataSource.query(
      `SELECT p.id, p.policy, p.changed_by, u.display_name AS name, p.changed_at, p.note
           FROM policy_change p LEFT JOIN app_user u ON u.id = p.changed_by
          ORDER BY p.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      policy: withPolicyDefaults(row.policy),
      changedBy: row.changed_by,
      changedByName: row.name,
      changedAt: row.changed_at.toISOString(),
      note: row.note,
    }));
  }

  private async refresh(): Promise<void> {
    try {
      const rows: Array<{ policy: Policy }> = await this.dataSource.query(
        `SELECT policy FROM policy_change ORDER BY id DESC LIMIT 1`,
      );
      this.policy = rows[0] ? withPolicyDefaults(rows[0].policy) : DEFAULT_POLICY;
    } catch (error) {
      this.logger.warn(`Could not read the policy; keeping the one in force: ${String(error)}`);
    }
  }
}
