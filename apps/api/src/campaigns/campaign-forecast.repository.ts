import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  HANDLING_PAUSE_MINUTES,
  MAX_HANDLING_SAMPLE_CASES,
  MAX_REVIEW_DELAY_HOURS,
  MAX_ROSTER_AGENTS,
  ROOT_CAUSES,
  type ActualHour,
  type AgentAction,
  type HistoryWindow,
  type RootCause,
  type ShopHistory,
} from '@chaping/domain';

/** Complaint texts read for attribution at most; more are reported as not examined. */
export const MAX_COMPLAINTS_READ = 20_000;

export interface RosterAgentRow {
  id: string;
  display_name: string;
}

const isRootCause = (value: string): value is RootCause => (ROOT_CAUSES as readonly string[]).includes(value);

/**
 * The shop's history a campaign forecast learns from (on the IndexOrdersForForecast indexes), and
 * the agents its roster may use.
 */
@Injectable()
export class CampaignForecastRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Orders placed in the window (and the youngest by hours of age at its end, whose reviews may still
   * come), and the review cases of those orders by root cause (the confirmed
   * one, else the suggested one) and whole hours from order to review. The review's own time is used:
   * a case care opened keeps its opening time when the review joins it later. Only orders of the
   * shop's order export count (they carry a delivery time): an order known only because a review named
   * it would make every known order a reviewed one, and the rate near 100%. Reviews count up to the
   * window's end, the moment the young orders are aged at (after the campaign's start, the later ones
   * would be counted against orders still weighed as recent).
   */
  async history(shopId: string, window: HistoryWindow): Promise<ShopHistory> {
    const rows: Array<{ kind: 'orders' | 'young' | 'cases'; cause: string | null; hours: number | null; n: number }> =
      await this.dataSource.query(
        `WITH window_order AS (
           SELECT o.id, o.ordered_at FROM trade_order o
            WHERE o.shop_id = $1 AND o.ordered_at >= $2 AND o.ordered_at < $3 AND o.delivered_at IS NOT NULL)
         SELECT 'orders' AS kind, NULL AS cause, NULL::int AS hours, count(*)::int AS n FROM window_order
         UNION ALL
         SELECT 'young', NULL, floor(extract(epoch FROM $3 - o.ordered_at) / 3600)::int, count(*)::int
           FROM window_order o WHERE o.ordered_at > $3::timestamptz - make_interval(hours => $4)
          GROUP BY 3
         UNION ALL
         SELECT 'cases', COALESCE(c.root_cause, c.suggested_root_cause, 'other'),
                floor(extract(epoch FROM r.reviewed_at - o.ordered_at) / 3600)::int, count(*)::int
           FROM window_order o
           JOIN support_case c ON c.order_id = o.id AND c.shop_id = $1
           JOIN review r ON r.id = c.review_id AND r.reviewed_at < $3
          GROUP BY 2, 3`,
        [shopId, window.start, window.end, MAX_REVIEW_DELAY_HOURS],
      );
    const casesByCause: Partial<Record<RootCause, number>> = {};
    const delayHours: Array<{ hours: number; cases: number }> = [];
    const youngOrders: Array<{ ageHours: number; orders: number }> = [];
    let orders = 0;
    for (const row of rows) {
      if (row.kind === 'orders') {
        orders = row.n;
        continue;
      }
      if (row.kind === 'young') {
        youngOrders.push({ ageHours: row.hours ?? 0, orders: row.n });
        continue;
      }
      const cause = row.cause && isRootCause(row.cause) ? row.cause : 'other';
      casesByCause[cause] = (casesByCause[cause] ?? 0) + row.n;
      delayHours.push({ hours: row.hours ?? 0, cases: row.n });
    }
    return { orders, casesByCause, delayHours, youngOrders };
  }

  /**
   * The shop's latest cases recorded in the window (at most MAX_HANDLING_SAMPLE_CASES, on
   * support_case_closed_idx), the agents' actions on them, and, for each of those, the same agent's
   * latest action on any case in the HANDLING_PAUSE_MINUTES before it (one index probe each on
   * case_event_actor_at_idx): all measuredHandling needs to give each sampled action its share of the
   * agent's time, read in time proportional to the sample however busy an agent was. An agent is whoever
   * is an agent now; imports and the system act under no person's name, and leads' work is not the agents'.
   */
  async handlingSample(
    shopId: string,
    window: HistoryWindow,
  ): Promise<{ sampleCaseIds: string[]; actions: AgentAction[] }> {
    const sample: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM support_case c
        WHERE c.shop_id = $1 AND c.stage = 'recorded' AND c.closed_at >= $2 AND c.closed_at < $3
        ORDER BY c.closed_at DESC
        LIMIT ${MAX_HANDLING_SAMPLE_CASES}`,
      [shopId, window.start, window.end],
    );
    const sampleCaseIds = sample.map((row) => row.id);
    if (sampleCaseIds.length === 0) return { sampleCaseIds, actions: [] };
    const rows: Array<{ case_id: string; actor_id: string; at: Date }> = await this.dataSource.query(
      `WITH sampled AS (
         SELECT e.case_id, e.actor_id, e.at
           FROM case_event e
           JOIN app_user u ON u.id::text = e.actor_id AND u.role = 'agent'
          WHERE e.case_id = ANY($1::uuid[]))
       SELECT case_id, actor_id, at FROM sampled
       UNION
       SELECT previous.case_id, s.actor_id, previous.at
         FROM sampled s
         CROSS JOIN LATERAL (
           SELECT e.case_id, e.at FROM case_event e
            WHERE e.actor_id = s.actor_id AND e.at >= s.at - make_interval(mins => $2) AND e.at < s.at
            ORDER BY e.at DESC
            LIMIT 1) previous`,
      [sampleCaseIds, HANDLING_PAUSE_MINUTES],
    );
    return {
      sampleCaseIds,
      actions: rows.map((row) => ({ caseId: row.case_id, actorId: row.actor_id, at: new Date(row.at) })),
    };
  }

  /** The shop's enabled agents, by name: the order the roster breaks ties in. */
  async rosterAgents(shopId: string): Promise<RosterAgentRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name FROM app_user u
        WHERE u.role = 'agent' AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM user_shop s WHERE s.user_id = u.id AND s.shop_id = $1)
        ORDER BY u.display_name, u.id
        LIMIT ${MAX_ROSTER_AGENTS}`,
      [shopId],
    );
  }

  /**
   * The shop's review cases per hour of review in [from, to), and how many of them are of orders placed
   * in the campaign. A case's own reviewed_at is never later than its review's (a case care opened
   * keeps its opening time), so it bounds the read on the AddReporting index. Hours are cut in UTC, as the
   * forecast's are: date_trunc alone cuts in the session's time zone, off by half an hour in some.
   */
  async actualByHour(
    shopId: string,
    axis: { from: Date; to: Date },
    campaign: { startsAt: Date; endsAt: Date },
  ): Promise<ActualHour[]> {
    const rows: Array<{ hour: Date; cases: number; from_campaign: number }> = await this.dataSource.query(
      `SELECT date_trunc('hour', r.reviewed_at, 'UTC') AS hour, count(*)::int AS cases,
              count(*) FILTER (WHERE o.ordered_at >= $4 AND o.ordered_at < $5)::int AS from_campaign
         FROM support_case c
         JOIN review r ON r.id = c.review_id
         LEFT JOIN trade_order o ON o.id = c.order_id
        WHERE c.shop_id = $1 AND c.reviewed_at < $3 AND r.reviewed_at >= $2 AND r.reviewed_at < $3
        GROUP BY 1 ORDER BY 1`,
      [shopId, axis.from, axis.to, campaign.startsAt, campaign.endsAt],
    );
    return rows.map((row) => ({
      hour: new Date(row.hour).toISOString(),
      cases: row.cases,
      fromCampaignOrders: row.from_campaign,
    }));
  }

  /**
   * Review cases of the shop whose root cause is promotion_rules, reviewed in the window, with the
   * review's words (text and follow-up), earliest first; `total` counts them all, `texts` holds at most
   * MAX_COMPLAINTS_READ.
   */
  async promotionComplaints(
    shopId: string,
    window: { start: Date; end: Date },
  ): Promise<{ total: number; texts: string[] }> {
    const rows: Array<{ text: string; total: number }> = await this.dataSource.query(
      `SELECT concat_ws(' ', r.text, r.follow_up_text) AS text, count(*) OVER ()::int AS total
         FROM support_case c
         JOIN review r ON r.id = c.review_id
        WHERE c.shop_id = $1 AND c.reviewed_at < $3 AND r.reviewed_at >= $2 AND r.reviewed_at < $3
          AND COALESCE(c.root_cause, c.suggested_root_cause) = 'promotion_rules'
        ORDER BY r.reviewed_at, c.id
        LIMIT ${MAX_COMPLAINTS_READ}`,
      [shopId, window.start, window.end],
    );
    return { total: rows[0]?.total ?? 0, texts: rows.map((row) => row.text) };
  }
}
