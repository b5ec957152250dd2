import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: shops and users, buyers, products, orders, reviews, and the case with its
 * children and append-only events. Every shop-owned table carries shop_id (access control now,
 * the shard key later). Platform ids are text: marketplace ids exceed 2^53.
 */
export class CreateCaseSchema1763870400000 implements MigrationInterface {
  name = 'CreateCaseSchema1763870400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shop (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform text NOT NULL CONSTRAINT shop_platform_check CHECK (platform IN ('taobao','tmall','jd','pinduoduo','douyin')),
        name text NOT NULL,
        platform_shop_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT shop_platform_shop_id_key UNIQUE (platform, platform_shop_id)
      );

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CONSTRAINT app_user_username_key UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CONSTRAINT app_user_role_check CHECK (role IN ('agent','lead','admin')),
        on_shift boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE user_shop (
        user_id uuid NOT NULL CONSTRAINT user_shop_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        shop_id uuid NOT NULL CONSTRAINT user_shop_shop_fk REFERENCES shop(id) ON DELETE CASCADE,
        CONSTRAINT user_shop_pkey PRIMARY KEY (user_id, shop_id)
      );
      CREATE INDEX user_shop_shop_idx ON user_shop (shop_id);

      CREATE TABLE buyer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT buyer_shop_fk REFERENCES shop(id),
        platform text NOT NULL,
        platform_buyer_id text NOT NULL,
        nickname text NOT NULL,
        real_name text,
        phone text,
        address text,
        time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
        do_not_contact boolean NOT NULL DEFAULT false,
        do_not_contact_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT buyer_shop_platform_buyer_key UNIQUE (shop_id, platform_buyer_id)
      );

      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT product_shop_fk REFERENCES shop(id),
        platform_product_id text NOT NULL,
        title text NOT NULL,
        CONSTRAINT product_shop_platform_product_key UNIQUE (shop_id, platform_product_id)
      );

      CREATE TABLE trade_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT trade_order_shop_fk REFERENCES shop(id),
        platform_order_id text NOT NULL,
        buyer_id uuid NOT NULL CONSTRAINT trade_order_buyer_fk REFERENCES buyer(id),
        product_id uuid CONSTRAINT trade_order_product_fk REFERENCES product(id),
        sku_name text,
        ordered_at timestamptz,
        amount_fen integer CONSTRAINT trade_order_amount_check CHECK (amount_fen IS NULL OR amount_fen >= 0),
        CONSTRAINT trade_order_shop_platform_order_key UNIQUE (shop_id, platform_order_id)
      );

      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT review_shop_fk REFERENCES shop(id),
        platform text NOT NULL,
        platform_review_id text NOT NULL,
        order_id uuid CONSTRAINT review_order_fk REFERENCES trade_order(id),
        buyer_id uuid NOT NULL CONSTRAINT review_buyer_fk REFERENCES buyer(id),
        product_id uuid CONSTRAINT review_product_fk REFERENCES product(id),
        rating text NOT NULL CONSTRAINT review_rating_check CHECK (rating IN ('neutral','negative')),
        text text NOT NULL,
        reviewed_at timestamptz NOT NULL,
        follow_up_text text,
        follow_up_at timestamptz,
        platform_state text NOT NULL DEFAULT 'active' CONSTRAINT review_platform_state_check CHECK (platform_state IN ('active','revised','deleted')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_platform_review_key UNIQUE (platform, platform_review_id)
      );

      CREATE TABLE support_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT support_case_shop_fk REFERENCES shop(id),
        review_id uuid NOT NULL CONSTRAINT support_case_review_fk REFERENCES review(id),
        buyer_id uuid NOT NULL CONSTRAINT support_case_buyer_fk REFERENCES buyer(id),
        order_id uuid CONSTRAINT support_case_order_fk REFERENCES trade_order(id),
        product_id uuid CONSTRAINT support_case_product_fk REFERENCES product(id),
        platform text NOT NULL,
        stage text NOT NULL CONSTRAINT support_case_stage_check CHECK (stage IN ('new','contacting','apologised','resolving','compensating','replying','watching','appealing','recorded')),
        version integer NOT NULL DEFAULT 1,
        rating text NOT NULL,
        severity text NOT NULL CONSTRAINT support_case_severity_check CHECK (severity IN ('low','medium','high','critical')),
        reviewed_at timestamptz NOT NULL,
        assignee_id uuid CONSTRAINT support_case_assignee_fk REFERENCES app_user(id),
        suggested_root_cause text,
        root_cause text,
        sub_cause text,
        root_cause_confirmed boolean NOT NULL DEFAULT false,
        malicious_kind text,
        has_follow_up boolean NOT NULL DEFAULT false,
        first_contact_at timestamptz,
        first_contact_due_at timestamptz NOT NULL,
        resolution_due_at timestamptz NOT NULL,
        appeal_deadline_at timestamptz NOT NULL,
        revision_window_ends_at timestamptz NOT NULL,
        urgency_at timestamptz NOT NULL,
        waiting_reason text,
        waiting_since timestamptz,
        paused_ms bigint NOT NULL DEFAULT 0,
        revision_requested_at timestamptz,
        review_outcome text,
        record jsonb,
        closed_from_stage text,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT support_case_review_key UNIQUE (review_id),
        CONSTRAINT support_case_closed_has_record CHECK (stage <> 'recorded' OR record IS NOT NULL)
      );
      CREATE INDEX support_case_queue_idx ON support_case (urgency_at, id) WHERE stage <> 'recorded';
      CREATE INDEX support_case_assignee_queue_idx ON support_case (assignee_id, urgency_at, id) WHERE stage <> 'recorded';
      CREATE INDEX support_case_shop_stage_idx ON support_case (shop_id, stage);
      CREATE INDEX support_case_buyer_idx ON support_case (buyer_id);

      CREATE TABLE case_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT case_event_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        case_version integer NOT NULL,
        type text NOT NULL,
        actor_id text NOT NULL,
        at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX case_event_case_idx ON case_event (case_id, id);

      CREATE TABLE contact_attempt (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT contact_attempt_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        channel text NOT NULL CONSTRAINT contact_attempt_channel_check CHECK (channel IN ('im','sms','phone','platform_message','other')),
        outcome text NOT NULL CONSTRAINT contact_attempt_outcome_check CHECK (outcome IN ('reached','no_answer','busy','refused','wrong_number','call_back_later')),
        at timestamptz NOT NULL,
        note text,
        actor_id text NOT NULL
      );
      CREATE INDEX contact_attempt_case_idx ON contact_attempt (case_id, at);

      CREATE TABLE remedy (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT remedy_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        type text NOT NULL,
        status text NOT NULL CONSTRAINT remedy_status_check CHECK (status IN ('in_progress','awaiting_return','done')),
        note text,
        updated_at timestamptz NOT NULL,
        CONSTRAINT remedy_case_key UNIQUE (case_id)
      );

      CREATE TABLE compensation (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT compensation_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        buyer_id uuid NOT NULL CONSTRAINT compensation_buyer_fk REFERENCES buyer(id),
        type text NOT NULL,
        amount_fen integer NOT NULL CONSTRAINT compensation_amount_check CHECK (amount_fen > 0),
        note text NOT NULL,
        status text NOT NULL CONSTRAINT compensation_status_check CHECK (status IN ('pending_approval','approved','rejected','paid')),
        approval_reasons text[] NOT NULL DEFAULT '{}',
        proposed_at timestamptz NOT NULL,
        proposed_by text NOT NULL,
        decided_at timestamptz,
        decided_by text,
        decision_note text,
        payout_due_at timestamptz,
        paid_at timestamptz
      );
      CREATE INDEX compensation_case_idx ON compensation (case_id);
      CREATE INDEX compensation_buyer_idx ON compensation (buyer_id, proposed_at);
      CREATE INDEX compensation_pending_idx ON compensation (shop_id, proposed_at) WHERE status = 'pending_approval';

      CREATE TABLE public_reply (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT public_reply_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        target text NOT NULL CONSTRAINT public_reply_target_check CHECK (target IN ('review','follow_up')),
        text text NOT NULL,
        status text NOT NULL CONSTRAINT public_reply_status_check CHECK (status IN ('draft','published')),
        drafted_at timestamptz NOT NULL,
        published_at timestamptz
      );
      -- Platforms allow one public reply per review and one per follow-up: the database says so too.
      CREATE UNIQUE INDEX public_reply_one_published_key ON public_reply (case_id, target) WHERE status = 'published';
      CREATE UNIQUE INDEX public_reply_one_draft_key ON public_reply (case_id, target) WHERE status = 'draft';

      CREATE TABLE appeal (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT appeal_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        kind text NOT NULL,
        evidence_refs text[] NOT NULL,
        note text,
        filed_at timestamptz NOT NULL,
        result text CONSTRAINT appeal_result_check CHECK (result IS NULL OR result IN ('won','lost')),
        result_note text,
        result_at timestamptz,
        CONSTRAINT appeal_case_key UNIQUE (case_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE appeal, public_reply, compensation, remedy, contact_attempt, case_event, support_case,
        review, trade_order, product, buyer, user_shop, app_user, shop;
    `);
  }
}
