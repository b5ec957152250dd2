import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the monthly report, the team dashboard and the agent KPIs read, indexed so that a month of a
 * million-case history is read from index pages only (covering indexes; no count over all rows),
 * plus order counts per product and month (complaints per order) and cause → action items.
 */
export class AddReporting1764475200000 implements MigrationInterface {
  name = 'AddReporting1764475200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX support_case_report_idx ON support_case (shop_id, reviewed_at)
        INCLUDE (id, review_id, order_id, product_id, platform, root_cause, suggested_root_cause, sub_cause,
                 suggested_sub_cause, severity, review_outcome, first_contact_at);
      CREATE INDEX support_case_product_idx ON support_case (product_id, reviewed_at)
        INCLUDE (shop_id, platform, root_cause, suggested_root_cause, sub_cause, suggested_sub_cause, order_id);
      CREATE INDEX support_case_closed_idx ON support_case (shop_id, closed_at)
        INCLUDE (assignee_id, review_outcome, qa_score) WHERE stage = 'recorded';
      CREATE INDEX support_case_first_contact_idx ON support_case (shop_id, first_contact_at)
        INCLUDE (assignee_id, reviewed_at) WHERE first_contact_at IS NOT NULL;
      CREATE INDEX support_case_open_idx ON support_case (shop_id)
        INCLUDE (stage, reviewed_at, assignee_id, severity, first_contact_at, first_contact_due_at, resolution_due_at)
        WHERE stage <> 'recorded';
      CREATE INDEX support_case_created_idx ON support_case (shop_id, created_at) INCLUDE (platform);
      CREATE INDEX compensation_spent_idx ON compensation (shop_id, proposed_at)
        INCLUDE (type, amount_fen, case_id) WHERE status IN ('approved', 'paid');
      CREATE INDEX appeal_won_idx ON appeal (case_id) WHERE result = 'won';

      CREATE TABLE product_month_orders (
        product_id uuid NOT NULL CONSTRAINT product_month_orders_product_fk REFERENCES product(id),
        month date NOT NULL CONSTRAINT product_month_orders_month_check CHECK (extract(day FROM month) = 1),
        shop_id uuid NOT NULL CONSTRAINT product_month_orders_shop_fk REFERENCES shop(id),
        orders integer NOT NULL CONSTRAINT product_month_orders_orders_check CHECK (orders >= 0),
        CONSTRAINT product_month_orders_pkey PRIMARY KEY (product_id, month)
      );

      CREATE TABLE action_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT action_item_shop_fk REFERENCES shop(id),
        root_cause text NOT NULL,
        sub_cause text,
        product_id uuid CONSTRAINT action_item_product_fk REFERENCES product(id),
        sku_name text,
        title text NOT NULL,
        department text NOT NULL CONSTRAINT action_item_department_check
          CHECK (department IN ('product_qc', 'warehouse_logistics', 'service_training', 'operations_listing')),
        owner text,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CONSTRAINT action_item_status_check CHECK (status IN ('open', 'in_progress', 'done')),
        started_month date NOT NULL,
        created_by uuid NOT NULL CONSTRAINT action_item_user_fk REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT action_item_sku_needs_product CHECK (sku_name IS NULL OR product_id IS NOT NULL)
      );
      CREATE INDEX action_item_shop_idx ON action_item (shop_id, started_month);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE action_item, product_month_orders;
      DROP INDEX appeal_won_idx, compensation_spent_idx, support_case_created_idx, support_case_open_idx,
        support_case_first_contact_idx, support_case_closed_idx, support_case_product_idx, support_case_report_idx;
    `);
  }
}
