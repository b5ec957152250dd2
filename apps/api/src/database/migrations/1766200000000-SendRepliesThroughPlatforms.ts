import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public replies go out through the platform when the shop is connected: a reply is `sending`
 * until the platform answers, `refused` (with why) when it says no; `delivery` says whether it
 * went by API or by hand. `reply_outbox` holds each reply to send: claimed by one instance at a
 * time, retried with backoff, and `may_have_posted` is set before every call so a retry looks on
 * the platform before posting again.
 */
export class SendRepliesThroughPlatforms1766200000000 implements MigrationInterface {
  name = 'SendRepliesThroughPlatforms1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE public_reply DROP CONSTRAINT public_reply_status_check;
      ALTER TABLE public_reply ADD CONSTRAINT public_reply_status_check
        CHECK (status IN ('draft', 'sending', 'published', 'refused'));
      ALTER TABLE public_reply
        ADD COLUMN delivery text CONSTRAINT public_reply_delivery_check CHECK (delivery IN ('platform', 'by_hand')),
        ADD COLUMN failure jsonb;
      UPDATE public_reply SET delivery = 'by_hand' WHERE status = 'published';
      -- One reply in the works per target (draft, sending or refused), besides the published one.
      DROP INDEX public_reply_one_draft_key;
      CREATE UNIQUE INDEX public_reply_one_open_key ON public_reply (case_id, target) WHERE status <> 'published';

      CREATE TABLE reply_outbox (
        reply_id uuid PRIMARY KEY CONSTRAINT reply_outbox_reply_fk REFERENCES public_reply(id),
        case_id uuid NOT NULL,
        shop_id uuid NOT NULL,
        queued_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        may_have_posted boolean NOT NULL DEFAULT false,
        claimed_until timestamptz,
        last_error text,
        done_at timestamptz
      );
      CREATE INDEX reply_outbox_due_idx ON reply_outbox (next_attempt_at) WHERE done_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE reply_outbox;
      DROP INDEX public_reply_one_open_key;
      DELETE FROM public_reply WHERE status IN ('sending', 'refused');
      CREATE UNIQUE INDEX public_reply_one_draft_key ON public_reply (case_id, target) WHERE status = 'draft';
      ALTER TABLE public_reply DROP COLUMN failure, DROP COLUMN delivery;
      ALTER TABLE public_reply DROP CONSTRAINT public_reply_status_check;
      ALTER TABLE public_reply ADD CONSTRAINT public_reply_status_check CHECK (status IN ('draft', 'published'));
    `);
  }
}
