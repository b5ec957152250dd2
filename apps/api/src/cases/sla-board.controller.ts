import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { caseScopeSql, SqlParams } from './case-scope';

export class AgentSlaDto {
  @ApiProperty({ nullable: true, type: String, description: 'Null: the shop pool' }) agentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) agentName!: string | null;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'First contact due and not made' }) overdueFirstContact!: number;
  @ApiProperty({ description: 'Resolution deadline passed' }) overdueResolution!: number;
  @ApiProperty({ description: 'A first-contact or resolution deadline within the next 24 h' }) dueWithin24h!: number;
}

export class SlaCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({ nullable: true, type: String }) agentName!: string | null;
  @ApiProperty() stage!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: ['first_contact', 'resolution'] }) deadline!: string;
}

export class SlaBoardDto {
  @ApiProperty({ type: [AgentSlaDto] }) agents!: AgentSlaDto[];
  @ApiProperty({ type: [SlaCaseDto], description: 'The most overdue open cases, most overdue first (50 at most)' })
  overdue!: SlaCaseDto[];
}

@ApiTags('cases')
@Access('lead')
@Controller('sla')
export class SlaBoardController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('board')
  @ApiOperation({
    summary: 'Team lead: SLA board per agent (overdue first contacts, overdue resolutions, due in 24 h)',
  })
  @ApiOkResponse({ type: SlaBoardDto })
  async board(@CurrentActor() actor: SignedInActor): Promise<SlaBoardDto> {
    const now = this.clock.now();
    const scoped = () => {
      const params = new SqlParams();
      return { params, where: caseScopeSql(actor, params), now: params.add(now) };
    };
    const forAgents = scoped();
    const agents: Array<Omit<AgentSlaDto, 'agentName'> & { agent_name: string | null; agent_id: string | null }> =
      await this.dataSource.query(
        `SELECT c.assignee_id AS agent_id, u.display_name AS agent_name, count(*)::int AS open,
                count(*) FILTER (WHERE c.first_contact_at IS NULL AND c.first_contact_due_at < ${forAgents.now})::int AS "overdueFirstContact",
                count(*) FILTER (WHERE c.resolution_due_at < ${forAgents.now})::int AS "overdueResolution",
                count(*) FILTER (WHERE (c.first_contact_at IS NULL AND c.first_contact_due_at BETWEEN ${forAgents.now} AND ${forAgents.now}::timestamptz + interval '24 hours')
                                    OR c.resolution_due_at BETWEEN ${forAgents.now} AND ${forAgents.now}::timestamptz + interval '24 hours')::int AS "dueWithin24h"
           FROM support_case c LEFT JOIN app_user u ON u.id = c.assignee_id
          WHERE c.stage <> 'recorded' AND ${forAgents.where}
          GROUP BY c.assignee_id, u.display_name
          ORDER BY "overdueFirstContact" DESC, "overdueResolution" DESC, u.display_name NULLS LAST`,
        forAgents.params.values,
      );
    const forCases = scoped();
    const overdue: Array<{
      id: string;
      shop_name: string;
      agent_name: string | null;
      stage: string;
      severity: string;
      due_at: Date;
      deadline: string;
    }> = await this.dataSource.query(
      `SELECT c.id, s.name AS shop_name, u.display_name AS agent_name, c.stage, c.severity,
              CASE WHEN c.first_contact_at IS NULL AND c.first_contact_due_at < ${forCases.now} THEN c.first_contact_due_at
                   ELSE c.resolution_due_at END AS due_at,
              CASE WHEN c.first_contact_at IS NULL AND c.first_contact_due_at < ${forCases.now} THEN 'first_contact'
                   ELSE 'resolution' END AS deadline
         FROM support_case c JOIN shop s ON s.id = c.shop_id LEFT JOIN app_user u ON u.id = c.assignee_id
        WHERE c.stage <> 'recorded' AND ${forCases.where}
          AND ((c.first_contact_at IS NULL AND c.first_contact_due_at < ${forCases.now}) OR c.resolution_due_at < ${forCases.now})
        ORDER BY due_at, c.id
        LIMIT 50`,
      forCases.params.values,
    );
    return {
      agents: agents.map(({ agent_id, agent_name, ...counts }) => ({
        ...counts,
        agentId: agent_id,
        agentName: agent_name,
      })),
      overdue: overdue.map((row) => ({
        id: row.id,
        shopName: row.shop_name,
        agentName: row.agent_name,
        stage: row.stage,
        severity: row.severity,
        dueAt: row.due_at.toISOString(),
        deadline: row.deadline,
      })),
    };
  }
}
