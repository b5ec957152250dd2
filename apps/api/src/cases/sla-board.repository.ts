import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { SignedInActor } from '../common/actor/actor';
import { caseScopeSql, OVERDUE_SQL, SqlParams } from './case-scope';
import type { AgentSlaDto, SlaCaseDto } from './dto/sla-board.dto';

/** The SLA board's reads: open cases of the caller's scope, counted per agent and the most overdue. */
@Injectable()
export class SlaBoardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private scoped(actor: SignedInActor, now: Date) {
    const params = new SqlParams();
    return { params, where: caseScopeSql(actor, params), now: params.add(now) };
  }

  async perAgent(actor: SignedInActor, now: Date): Promise<AgentSlaDto[]> {
    const scope = this.scoped(actor, now);
    const rows: Array<
      Omit<AgentSlaDto, 'agentId' | 'agentName'> & { agent_name: string | null; agent_id: string | null }
    > = await this.dataSource.query(
      `SELECT c.assignee_id AS agent_id, u.display_name AS agent_name, count(*)::int AS open,
                count(*) FILTER (WHERE ${OVERDUE_SQL.first_contact(scope.now)})::int AS "overdueFirstContact",
                count(*) FILTER (WHERE ${OVERDUE_SQL.resolution(scope.now)})::int AS "overdueResolution",
                count(*) FILTER (WHERE (c.first_contact_at IS NULL AND c.first_contact_due_at BETWEEN ${scope.now} AND ${scope.now}::timestamptz + interval '24 hours')
                                    OR c.resolution_due_at BETWEEN ${scope.now} AND ${scope.now}::timestamptz + interval '24 hours')::int AS "dueWithin24h"
           FROM support_case c LEFT JOIN app_user u ON u.id = c.assignee_id
          WHERE c.stage <> 'recorded' AND ${scope.where}
          GROUP BY c.assignee_id, u.display_name
          ORDER BY "overdueFirstContact" DESC, "overdueResolution" DESC, u.display_name NULLS LAST`,
      scope.params.values,
    );
    return rows.map(({ agent_id, agent_name, ...counts }) => ({ ...counts, agentId: agent_id, agentName: agent_name }));
  }

  /** The 50 most overdue open cases, most overdue first, with the deadline they missed. */
  async mostOverdue(actor: SignedInActor, now: Date): Promise<SlaCaseDto[]> {
    const scope = this.scoped(actor, now);
    const rows: Array<{
      id: string;
      shop_name: string;
      agent_name: string | null;
      stage: string;
      severity: string;
      due_at: Date;
      deadline: string;
    }> = await this.dataSource.query(
      `SELECT c.id, s.name AS shop_name, u.display_name AS agent_name, c.stage, c.severity,
              CASE WHEN c.first_contact_at IS NULL AND c.first_contact_due_at < ${scope.now} THEN c.first_contact_due_at
                   ELSE c.resolution_due_at END AS due_at,
              CASE WHEN c.first_contact_at IS NULL AND c.first_contact_due_at < ${scope.now} THEN 'first_contact'
                   ELSE 'resolution' END AS deadline
         FROM support_case c JOIN shop s ON s.id = c.shop_id LEFT JOIN app_user u ON u.id = c.assignee_id
        WHERE c.stage <> 'recorded' AND ${scope.where}
          AND ((c.first_contact_at IS NULL AND c.first_contact_due_at < ${scope.now}) OR c.resolution_due_at < ${scope.now})
        ORDER BY due_at, c.id
        LIMIT 50`,
      scope.params.values,
    );
    return rows.map((row) => ({
      id: row.id,
      shopName: row.shop_name,
      agentName: row.agent_name,
      stage: row.stage,
      severity: row.severity,
      dueAt: row.due_at.toISOString(),
      deadline: row.deadline,
    }));
  }
}
