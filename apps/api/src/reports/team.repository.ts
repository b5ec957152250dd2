import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { AgentKpis, Severity } from '@chaping/domain';

import { OVERDUE_SQL, SqlParams } from '../cases/case-scope';

const shopFilter = (shopIds: readonly string[] | null, params: SqlParams) =>
  shopIds ? `c.shop_id = ANY(${params.add(shopIds)}::uuid[])` : 'TRUE';

export interface OpenCounts {
  byStageAndAge: Array<{
    stage: string;
    underOneDay: number;
    oneToThreeDays: number;
    threeToSevenDays: number;
    overSevenDays: number;
  }>;
  overdueFirstContact: number;
  overdueResolution: number;
}

/** The team dashboard's and the agent KPIs' statements, each on an index of the AddReporting migration. */
@Injectable()
export class TeamRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open cases by stage and age, and the SLA breaches among them (open cases only: a partial index). */
  async openCounts(shopIds: readonly string[] | null, now: Date): Promise<OpenCounts> {
    const params = new SqlParams();
    const at = params.add(now);
    const age = (days: number) => `${at}::timestamptz - interval '${days} days'`;
    const rows: Array<OpenCounts['byStageAndAge'][number] & { first: number; resolution: number }> =
      await this.dataSource.query(
        `SELECT c.stage,
                count(*) FILTER (WHERE c.reviewed_at > ${age(1)})::int AS "underOneDay",
                count(*) FILTER (WHERE c.reviewed_at <= ${age(1)} AND c.reviewed_at > ${age(3)})::int AS "oneToThreeDays",
                count(*) FILTER (WHERE c.reviewed_at <= ${age(3)} AND c.reviewed_at > ${age(7)})::int AS "threeToSevenDays",
                count(*) FILTER (WHERE c.reviewed_at <= ${age(7)})::int AS "overSevenDays",
                count(*) FILTER (WHERE ${OVERDUE_SQL.first_contact(at)})::int AS first,
                count(*) FILTER (WHERE ${OVERDUE_SQL.resolution(at)})::int AS resolution
           FROM support_case c WHERE c.stage <> 'recorded' AND ${shopFilter(shopIds, params)}
          GROUP BY c.stage`,
        params.values,
      );
    return {
      byStageAndAge: rows.map(({ first: _first, resolution: _resolution, ...counts }) => counts),
      overdueFirstContact: rows.reduce((sum, row) => sum + row.first, 0),
      overdueResolution: rows.reduce((sum, row) => sum + row.resolution, 0),
    };
  }

  async loadPerAgent(
    shopIds: readonly string[] | null,
    weights: Record<Severity, number>,
  ): Promise<Array<{ agentId: string | null; agentName: string | null; open: number; weightedLoad: number }>> {
    const params = new SqlParams();
    const weight = `CASE c.severity WHEN 'low' THEN ${params.add(weights.low)}::int WHEN 'medium' THEN ${params.add(weights.medium)}::int
                      WHEN 'high' THEN ${params.add(weights.high)}::int ELSE ${params.add(weights.critical)}::int END`;
    return this.dataSource.query(
      `SELECT l.assignee_id AS "agentId", u.display_name AS "agentName", l.open, l.weighted AS "weightedLoad"
         FROM (SELECT c.assignee_id, count(*)::int AS open, sum(${weight})::int AS weighted
                 FROM support_case c WHERE c.stage <> 'recorded' AND ${shopFilter(shopIds, params)}
                GROUP BY c.assignee_id) l
         LEFT JOIN app_user u ON u.id = l.assignee_id
        ORDER BY l.weighted DESC, u.display_name NULLS LAST`,
      params.values,
    );
  }

  async intake(
    shopIds: readonly string[] | null,
    start: Date,
    end: Date,
  ): Promise<Array<{ platform: string; cases: number }>> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT c.platform, count(*)::int AS cases FROM support_case c
        WHERE c.reviewed_at >= ${params.add(start)} AND c.reviewed_at < ${params.add(end)} AND ${shopFilter(shopIds, params)}
        GROUP BY c.platform ORDER BY cases DESC, c.platform`,
      params.values,
    );
  }

  /** Each agent's measures over the period (before scoring): closed cases, first contacts, compensation, QA. */
  async agentKpis(shopIds: readonly string[] | null, start: Date, end: Date): Promise<AgentKpis[]> {
    const params = new SqlParams();
    const scope = shopFilter(shopIds, params);
    const from = params.add(start);
    const to = params.add(end);
    const rows: Array<{
      agent_id: string;
      agent_name: string;
      closed: number | null;
      resolved: number | null;
      revised: number | null;
      qa: number | null;
      first_contact_hours: number | null;
      compensation_fen: number | null;
    }> = await this.dataSource.query(
      `WITH closed AS (
         SELECT c.assignee_id, count(*)::int AS closed,
                count(*) FILTER (WHERE c.report_outcome <> 'unresolved')::int AS resolved,
                count(*) FILTER (WHERE c.review_outcome = 'revised_positive')::int AS revised,
                avg(c.qa_score)::float AS qa,
                coalesce(sum((SELECT sum(p.amount_fen) FROM compensation p WHERE p.case_id = c.id AND p.status IN ('approved', 'paid'))), 0)::int AS compensation_fen
           FROM support_case c
          WHERE c.stage = 'recorded' AND c.closed_at >= ${from} AND c.closed_at < ${to} AND ${scope} AND c.assignee_id IS NOT NULL
          GROUP BY c.assignee_id),
       contacted AS (
         SELECT c.assignee_id,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_contact_at - c.reviewed_at) / 3600) AS hours
           FROM support_case c
          WHERE c.first_contact_at >= ${from} AND c.first_contact_at < ${to} AND ${scope} AND c.assignee_id IS NOT NULL
          GROUP BY c.assignee_id)
       SELECT u.id AS agent_id, u.display_name AS agent_name, closed.closed, closed.resolved, closed.revised, closed.qa,
              closed.compensation_fen, contacted.hours AS first_contact_hours
         FROM app_user u
         LEFT JOIN closed ON closed.assignee_id = u.id
         LEFT JOIN contacted ON contacted.assignee_id = u.id
        WHERE closed.assignee_id IS NOT NULL OR contacted.assignee_id IS NOT NULL
        ORDER BY u.display_name, u.id`,
      params.values,
    );
    return rows.map((row) => {
      const closed = row.closed ?? 0;
      return {
        agentId: row.agent_id,
        agentName: row.agent_name,
        casesClosed: closed,
        firstContactHours: row.first_contact_hours,
        resolutionRate: closed > 0 ? (row.resolved ?? 0) / closed : null,
        revisedRate: closed > 0 ? (row.revised ?? 0) / closed : null,
        compensationPerCaseFen: closed > 0 ? (row.compensation_fen ?? 0) / closed : null,
        qaScore: row.qa,
      };
    });
  }

  /** Intake, first contacts and closures per hour of one day (China time), for the team and per agent. */
  async hourly(
    shopIds: readonly string[] | null,
    start: Date,
    end: Date,
  ): Promise<
    Array<{
      kind: 'intake' | 'first_contact' | 'closed';
      hour: number;
      agent_id: string | null;
      agent_name: string | null;
      n: number;
    }>
  > {
    const params = new SqlParams();
    const scope = shopFilter(shopIds, params);
    const from = params.add(start);
    const to = params.add(end);
    const hour = (column: string) => `extract(hour FROM ${column} AT TIME ZONE 'Asia/Shanghai')::int`;
    return this.dataSource.query(
      `SELECT e.kind, e.hour, e.assignee_id AS agent_id, u.display_name AS agent_name, count(*)::int AS n
         FROM (SELECT 'intake' AS kind, ${hour('c.reviewed_at')} AS hour, NULL::uuid AS assignee_id
                 FROM support_case c WHERE c.reviewed_at >= ${from} AND c.reviewed_at < ${to} AND ${scope}
               UNION ALL
               SELECT 'first_contact', ${hour('c.first_contact_at')}, c.assignee_id
                 FROM support_case c WHERE c.first_contact_at >= ${from} AND c.first_contact_at < ${to} AND ${scope}
               UNION ALL
               SELECT 'closed', ${hour('c.closed_at')}, c.assignee_id
                 FROM support_case c WHERE c.stage = 'recorded' AND c.closed_at >= ${from} AND c.closed_at < ${to} AND ${scope}) e
         LEFT JOIN app_user u ON u.id = e.assignee_id
        GROUP BY e.kind, e.hour, e.assignee_id, u.display_name`,
      params.values,
    );
  }
}
