import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users' e-mail addresses, the in-app notifications and the transactional mail outbox.
 * pg-boss keeps its own job tables in the `pgboss` schema, which it creates and migrates itself.
 */
export class Notifications1795000900000 implements MigrationInterface {
  name = 'Notifications1795000900000';

  async up(db: QueryRunner): Promise<void> {
    // Where a user's mail goes when it is not the username (itself an e-mail address, used to log in).
    await db.query(`ALTER TABLE app_user ADD COLUMN email text`);

    // One row per recipient. The title names the case only by its neutral reference.
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        case_id uuid REFERENCES support_case (id),
        flag_id uuid REFERENCES absence_flag (id),
        title text NOT NULL,
        link text NOT NULL,
        -- The event this tells about (e.g. "mobilisation.overdue:<id>"): each recipient hears of it once,
        -- however often a sweep runs and on however many instances.
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_dedupe_key UNIQUE (recipient_id, dedupe_key)
      )`);
    // The inbox: unread first, then newest.
    await db.query(
      `CREATE INDEX notification_inbox_idx ON notification (recipient_id, (read_at IS NOT NULL), created_at DESC, id DESC)`,
    );

    // Written in the transaction of the notification; a worker sends and marks it.
    await db.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notification (id) CONSTRAINT mail_outbox_notification_key UNIQUE,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        -- The same Message-ID on every attempt, so a resent message is recognisably the same one.
        message_id text NOT NULL CONSTRAINT mail_outbox_message_id_key UNIQUE,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT mail_outbox_status_check
          CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        -- When a worker may take the row next: the back-off of a pending row, the lease end of one being sent.
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mail_outbox_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_outbox`);
    await db.query(`DROP TABLE notification`);
    await db.query(`ALTER TABLE app_user DROP COLUMN email`);
  }
}
