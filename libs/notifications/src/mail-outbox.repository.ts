import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlCount, sqlRows } from '@app/database';

/** A row of the outbox claimed by a worker for sending. */
export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  message_id: string;
  attempts: number;
}

/** A setup code's mail holds the code: once handed over (or refused for good) the body is no longer kept. */
const BLANK_SECRET = `body = CASE WHEN setup_code_id IS NULL THEN body ELSE '' END`;

/**
 * All SQL of the mail worker over `mail_outbox`. Each statement commits on its own (no
 * transaction): a claim or a mark must hold even if the worker dies right after it. Every step
 * after the claim checks the row's `attempts`, so a worker whose lease ran out cannot touch a row
 * that another worker has claimed since.
 */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rows left `sending` after their lease become `unconfirmed` (maybe delivered, never resent). */
  abandonSends(now: Date): Promise<{ id: string; attempts: number }[]> {
    return sqlRows<{ id: string; attempts: number }>(
      this.dataSource.manager,
      `UPDATE mail_outbox SET status = 'unconfirmed', last_error = 'worker stopped during send'
        WHERE status = 'sending' AND next_attempt_at <= $1
        RETURNING id, attempts`,
      [now],
    );
  }

  /** Claims up to `batch` due rows (`FOR UPDATE SKIP LOCKED`) under a lease of `leaseSeconds`. */
  claim(now: Date, leaseSeconds: number, batch: number): Promise<ClaimedMail[]> {
    return sqlRows<ClaimedMail>(
      this.dataSource.manager,
      `UPDATE mail_outbox o
          SET status = 'claimed', attempts = attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $2)
        WHERE o.id IN (SELECT id FROM mail_outbox
                        WHERE status IN ('pending', 'claimed') AND next_attempt_at <= $1
                        ORDER BY next_attempt_at
                        LIMIT $3
                          FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.recipient, o.subject, o.body, o.message_id, o.attempts`,
      [now, leaseSeconds, batch],
    );
  }

  /** Marks the claimed row `sending` under a new lease; false when it is no longer this claim. */
  async startSending(mail: ClaimedMail, now: Date, leaseSeconds: number): Promise<boolean> {
    const count = await sqlCount(
      this.dataSource.manager,
      `UPDATE mail_outbox SET status = 'sending', next_attempt_at = $3::timestamptz + make_interval(secs => $4)
        WHERE id = $1 AND status = 'claimed' AND attempts = $2`,
      [mail.id, mail.attempts, now, leaseSeconds],
    );
    return count === 1;
  }

  async markSent(mail: ClaimedMail, now: Date): Promise<void> {
    await sqlCount(
      this.dataSource.manager,
      `UPDATE mail_outbox SET status = 'sent', sent_at = $3, last_error = NULL, ${BLANK_SECRET}
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [mail.id, mail.attempts, now],
    );
  }

  /** Back to `pending` (retry after `backoffSeconds`) or `failed` for good, with the reason. */
  async markFailed(
    mail: ClaimedMail,
    outcome: { status: 'pending' | 'failed'; reason: string; now: Date; backoffSeconds: number },
  ): Promise<void> {
    await sqlCount(
      this.dataSource.manager,
      `UPDATE mail_outbox SET status = $3, last_error = $4, next_attempt_at = $5::timestamptz + make_interval(secs => $6),
                  body = CASE WHEN $3 = 'failed' AND setup_code_id IS NOT NULL THEN '' ELSE body END
            WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [mail.id, mail.attempts, outcome.status, outcome.reason, outcome.now, outcome.backoffSeconds],
    );
  }
}
