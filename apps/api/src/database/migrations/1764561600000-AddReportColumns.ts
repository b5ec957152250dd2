import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report facts kept on the case itself, so that a month of reporting is read from one covering
 * index: the cause it counts under (generated from the agent's and triage's), the SKU (copied
 * from the order at intake; an order's SKU never changes) and its report outcome (written by
 * CaseRepository.save with the domain's reportOutcome on every change of the case).
 */
export class AddReportColumns1764561600000 implements MigrationInterface {
  name = 'AddReportColumns1764561600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE support_case
        ADD COLUMN report_cause text GENERATED ALWAYS AS (coalesce(root_cause, suggested_root_cause)) STORED,
        ADD COLUMN report_sub_cause text
          GENERATED ALWAYS AS (CASE WHEN root_cause IS NOT NULL THEN sub_cause ELSE suggested_sub_cause END) STORED,
        ADD COLUMN sku_name text,
        ADD COLUMN report_outcome text NOT NULL DEFAULT 'unresolved' CONSTRAINT support_case_report_outcome_check
          CHECK (report_outcome IN ('revised', 'deleted', 'appeal_won', 'replied', 'unresolved'));

      UPDATE support_case c SET sku_name = o.sku_name FROM trade_order o WHERE o.id = c.order_id AND o.sku_name IS NOT NULL;
      -- Existing cases, once: the same order as the domain's reportOutcome.
      UPDATE support_case c SET report_outcome = CASE
          WHEN c.review_outcome = 'revised_positive' THEN 'revised'
          WHEN c.review_outcome = 'deleted' THEN 'deleted'
          WHEN EXISTS (SELECT 1 FROM appeal a WHERE a.case_id = c.id AND a.result = 'won') THEN 'appeal_won'
          ELSE 'replied' END
        WHERE c.review_outcome IN ('revised_positive', 'deleted')
           OR EXISTS (SELECT 1 FROM appeal a WHERE a.case_id = c.id AND a.result = 'won')
           OR EXISTS (SELECT 1 FROM public_reply r WHERE r.case_id = c.id AND r.status = 'published');

      DROP INDEX support_case_report_idx, support_case_product_idx, appeal_won_idx;
      CREATE INDEX support_case_report_idx ON support_case (shop_id, reviewed_at)
        INCLUDE (id, review_id, product_id, platform, report_cause, report_sub_cause, severity, report_outcome,
                 sku_name, first_contact_at);
      CREATE INDEX support_case_product_idx ON support_case (product_id, reviewed_at)
        INCLUDE (shop_id, platform, report_cause, report_sub_cause, sku_name);
      CREATE INDEX support_case_cause_recent_idx ON support_case (report_cause, reviewed_at DESC)
        INCLUDE (shop_id, platform, severity, review_id);
      DROP INDEX support_case_closed_idx;
      CREATE INDEX support_case_closed_idx ON support_case (shop_id, closed_at)
        INCLUDE (id, assignee_id, review_outcome, report_outcome, qa_score) WHERE stage = 'recorded';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX support_case_cause_recent_idx, support_case_product_idx, support_case_report_idx, support_case_closed_idx;
      ALTER TABLE support_case DROP COLUMN report_outcome, DROP COLUMN sku_name, DROP COLUMN report_sub_cause,
        DROP COLUMN report_cause;
      CREATE INDEX support_case_report_idx ON support_case (shop_id, reviewed_at)
        INCLUDE (id, review_id, order_id, product_id, platform, root_cause, suggested_root_cause, sub_cause,
                 suggested_sub_cause, severity, review_outcome, first_contact_at);
      CREATE INDEX support_case_product_idx ON support_case (product_id, reviewed_at)
        INCLUDE (shop_id, platform, root_cause, suggested_root_cause, sub_cause, suggested_sub_cause, order_id);
      CREATE INDEX support_case_closed_idx ON support_case (shop_id, closed_at)
        INCLUDE (assignee_id, review_outcome, qa_score) WHERE stage = 'recorded';
      CREATE INDEX appeal_won_idx ON appeal (case_id) WHERE result = 'won';
    `);
  }
}
