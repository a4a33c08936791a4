import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail delivery without duplicates after a crash: a claimed row is `claimed` until the moment it is
 * handed to the SMTP server (`sending`). A row left `sending` by a worker that died may have been
 * delivered, so it becomes `unconfirmed` and is never sent again; a row left `claimed` was not
 * handed over and is sent when its lease ends.
 */
export class MailDelivery1795001000000 implements MigrationInterface {
  name = 'MailDelivery1795001000000';

  async up(db: QueryRunner): Promise<void> {
    // Stop the old workers first. Their `sending` meant "claimed in a batch", mostly not yet handed over.
    await db.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check`);
    await db.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
         CHECK (status IN ('pending', 'claimed', 'sending', 'sent', 'failed', 'unconfirmed'))`,
    );
    await db.query(`UPDATE mail_outbox SET status = 'claimed' WHERE status = 'sending'`);
    await db.query(`DROP INDEX mail_outbox_due_idx`);
    await db.query(
      `CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'claimed', 'sending')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // The old states: a claim that never reached the server is pending again; an unknown outcome
    // is failed (the old worker would resend a `sending` row).
    await db.query(`UPDATE mail_outbox SET status = 'pending' WHERE status = 'claimed'`);
    await db.query(`UPDATE mail_outbox SET status = 'failed' WHERE status IN ('unconfirmed', 'sending')`);
    await db.query(`DROP INDEX mail_outbox_due_idx`);
    await db.query(
      `CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`,
    );
    await db.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check`);
    await db.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
         CHECK (status IN ('pending', 'sending', 'sent', 'failed'))`,
    );
  }
}
