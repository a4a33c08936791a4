import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, CLOCK } from './clock';
import { ClaimedMail, MailOutboxRepository } from './mail-outbox.repository';

/** How long a claimed row is ours: longer than any send can take (the transport's timeouts are far shorter). */
export const MAIL_LEASE_SECONDS = 300;
/** Rows one flush claims at a time. */
const BATCH = 20;
/** How often a failed send's mark is tried before the flush gives up (the row then ends `unconfirmed`). */
const MARK_ATTEMPTS = 4;
/** nodemailer's codes for a 5xx to this message's recipient (RCPT) or content (DATA). */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE']);
/** Back-off after the n-th failed attempt: 30 s, 1, 2, 4 … minutes, at most an hour; no limit on attempts. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(attempts - 1, 0), 3600);

export interface FlushResult {
  sent: number;
  failed: number;
}

/**
 * Sends the mail outbox, each mail once. A batch of due rows is claimed (`FOR UPDATE SKIP LOCKED`,
 * status `claimed`, a lease until `next_attempt_at`) and that claim is committed, so two workers
 * never take one row. Just before a row is handed to the SMTP server it becomes `sending`
 * (committed); then it is sent with its own fixed Message-ID and marked `sent`. A failed send puts
 * it back to `pending` with exponential back-off; a permanent refusal of the mail (5xx to its
 * recipient or content) marks it `failed`.
 *
 * A worker that dies leaves its rows behind. One still `claimed` was never handed over: it is
 * claimed again when its lease ends. One left `sending` may already be in the recipient's mailbox
 * (the crash came between send and mark): it becomes `unconfirmed` and is not sent again, so a
 * crash never doubles a mail. The notification itself is in the in-app inbox either way.
 * Every step checks the row's `attempts`, so a worker whose lease ran out cannot touch a row that
 * another worker has claimed since.
 */
@Injectable()
export class MailWorker {
  private readonly logger = new Logger('Mail');
  private readonly transport: ReturnType<typeof createTransport> | null;
  private readonly outbox: MailOutboxRepository;

  // Takes the DataSource (not the repository) so that a test can start a second worker on the same database.
  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.outbox = new MailOutboxRepository(dataSource);
    const url = config.mail.smtpUrl;
    this.transport = url
      ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  /**
   * Sends every row due at `now`, a batch at a time. Leases and back-off count from the moment of
   * each step (`now` plus the time this flush has taken so far): a slow server must not leave a
   * row `sending` under a lease that ran out while earlier rows were being sent.
   */
  async flush(now: Date = this.clock.now()): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, failed: 0 };
    if (!this.transport) return result;
    const started = performance.now();
    const at = () => new Date(now.getTime() + (performance.now() - started));
    await this.giveUpOnAbandonedSends(now);
    for (;;) {
      const claimed = await this.claim(at());
      for (const mail of claimed) {
        const outcome = await this.send(mail, at);
        if (outcome === 'sent') result.sent++;
        else if (outcome === 'failed') result.failed++;
      }
      if (claimed.length < BATCH) return result;
    }
  }

  /** Rows a dead worker left `sending` after their lease: maybe delivered, so never resent. */
  private async giveUpOnAbandonedSends(now: Date): Promise<void> {
    const rows = await this.outbox.abandonSends(now);
    for (const row of rows)
      this.logger.warn(`mail ${row.id} attempt ${row.attempts} unconfirmed: its worker stopped during the send`);
  }

  private async claim(now: Date): Promise<ClaimedMail[]> {
    return this.outbox.claim(now, MAIL_LEASE_SECONDS, BATCH);
  }

  /** Sends one claimed row and records the outcome; `skipped` when the claim was lost to another worker. */
  private async send(mail: ClaimedMail, at: () => Date): Promise<'sent' | 'failed' | 'skipped'> {
    if (!(await this.startSending(mail, at()))) return 'skipped';
    try {
      await this.transport!.sendMail({
        from: this.config.mail.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.body,
        messageId: mail.message_id,
      });
    } catch (error) {
      await this.markFailed(mail, at(), error as { code?: string; responseCode?: number });
      return 'failed';
    }
    await this.markSent(mail, at());
    return 'sent';
  }

  /** Commits that the row is being handed to the server; false when it is no longer this worker's claim. */
  protected async startSending(mail: ClaimedMail, now: Date): Promise<boolean> {
    return this.outbox.startSending(mail, now, MAIL_LEASE_SECONDS);
  }

  /** After a successful send. If this never happens the row stays `sending` and ends `unconfirmed`. */
  protected async markSent(mail: ClaimedMail, now: Date): Promise<void> {
    await this.outbox.markSent(mail, now);
  }

  /**
   * After a refused or failed send: back to `pending` with back-off, or `failed` when the server
   * refused this message for good. The mail was certainly not delivered, so the mark is retried
   * a few times: a row left `sending` would end `unconfirmed` and never be sent.
   */
  private async markFailed(mail: ClaimedMail, now: Date, error: { code?: string; responseCode?: number }) {
    // Permanent only when the server refused the recipient or the message (5xx at RCPT or DATA); a
    // 5xx to the login or the greeting is the server's state, not the mail's, and is retried.
    const permanent = (error.responseCode ?? 0) >= 500 && PERMANENT_CODES.has(error.code ?? '');
    // Only the error's code: an SMTP answer may quote the address.
    const reason = [error.code, error.responseCode].filter(Boolean).join(' ') || 'error';
    this.logger.warn(`mail ${mail.id} attempt ${mail.attempts} failed: ${reason}`);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.outbox.markFailed(mail, {
          status: permanent ? 'failed' : 'pending',
          reason,
          now,
          backoffSeconds: backoffSeconds(mail.attempts),
        });
        return;
      } catch (markError) {
        if (attempt >= MARK_ATTEMPTS) throw markError;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }
}
