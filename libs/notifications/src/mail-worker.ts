import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, CLOCK } from './clock';

/** How long a claimed row is ours: longer than any send can take (the transport's timeouts are far shorter). */
export const MAIL_LEASE_SECONDS = 300;
/** Rows one flush claims at a time. */
const BATCH = 20;
/** Back-off after the n-th failed attempt: 30 s, 1, 2, 4 … minutes, at most an hour; no limit on attempts. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(attempts - 1, 0), 3600);

interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  message_id: string;
  attempts: number;
}

export interface FlushResult {
  sent: number;
  failed: number;
}

/**
 * Sends the mail outbox. A row is claimed (`FOR UPDATE SKIP LOCKED`, status `sending`, a lease
 * until `next_attempt_at`) and that claim is committed before anything is sent, so two workers
 * never send one row at once. Then it is sent with its own fixed Message-ID and marked `sent`.
 * A failure puts it back to `pending` with exponential back-off; a permanent refusal (5xx) marks
 * it `failed`. A worker that dies between send and mark leaves the row `sending`: when the lease
 * ends it is sent again with the same Message-ID (at-least-once; see docs/ARCHITECTURE.md).
 */
@Injectable()
export class MailWorker {
  private readonly logger = new Logger('Mail');
  private readonly transport: ReturnType<typeof createTransport> | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const url = config.mail.smtpUrl;
    this.transport = url
      ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  /** Sends every row due at `now`, a batch at a time. */
  async flush(now: Date = this.clock.now()): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, failed: 0 };
    if (!this.transport) return result;
    for (;;) {
      const claimed = await this.claim(now);
      for (const mail of claimed) {
        if (await this.send(mail, now)) result.sent++;
        else result.failed++;
      }
      if (claimed.length < BATCH) return result;
    }
  }

  private async claim(now: Date): Promise<ClaimedMail[]> {
    const [rows] = await this.dataSource.query(
      `UPDATE mail_outbox o
          SET status = 'sending', attempts = attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $2)
        WHERE o.id IN (SELECT id FROM mail_outbox
                        WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
                        ORDER BY next_attempt_at
                        LIMIT $3
                          FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.recipient, o.subject, o.body, o.message_id, o.attempts`,
      [now, MAIL_LEASE_SECONDS, BATCH],
    );
    return rows as ClaimedMail[];
  }

  /** Sends one claimed row and records the outcome; true when the server accepted it. */
  private async send(mail: ClaimedMail, now: Date): Promise<boolean> {
    try {
      await this.transport!.sendMail({
        from: this.config.mail.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        messageId: mail.message_id,
      });
    } catch (error) {
      await this.markFailed(mail, now, error as { code?: string; responseCode?: number });
      return false;
    }
    await this.markSent(mail.id, now);
    return true;
  }

  /** After a successful send. If this fails the row stays `sending` and is resent after its lease. */
  protected async markSent(id: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1 AND status = 'sending'`,
      [id, now],
    );
  }

  private async markFailed(mail: ClaimedMail, now: Date, error: { code?: string; responseCode?: number }) {
    const permanent = (error.responseCode ?? 0) >= 500;
    // Only the error's code: an SMTP answer may quote the address.
    const reason = [error.code, error.responseCode].filter(Boolean).join(' ') || 'error';
    this.logger.warn(`mail ${mail.id} attempt ${mail.attempts} failed: ${reason}`);
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = $2, last_error = $3, next_attempt_at = $4::timestamptz + make_interval(secs => $5)
        WHERE id = $1 AND status = 'sending'`,
      [mail.id, permanent ? 'failed' : 'pending', reason, now, backoffSeconds(mail.attempts)],
    );
  }
}
