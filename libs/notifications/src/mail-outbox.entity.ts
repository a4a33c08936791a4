import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Notification } from './notification.entity';
import type { UserSetupCode } from '@app/identity';

@Entity('mail_outbox')
@Unique('mail_outbox_message_id_key', ['messageId'])
@Unique('mail_outbox_notification_key', ['notificationId'])
@Unique('mail_outbox_setup_code_key', ['setupCodeId'])
@Check('mail_outbox_sent_check', `(status = 'sent') = (sent_at IS NOT NULL)`)
@Check('mail_outbox_source_check', `num_nonnulls(notification_id, setup_code_id) = 1`)
@Check('mail_outbox_status_check', `status IN ('pending', 'claimed', 'sending', 'sent', 'failed', 'unconfirmed')`)
@Index('mail_outbox_due_idx', ['nextAttemptAt'], {
  where: `status = ANY (ARRAY['pending'::text, 'claimed'::text, 'sending'::text])`,
})
export class MailOutbox {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  notificationId!: string | null;

  @ManyToOne(() => Notification, { nullable: true })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<Notification> | null;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  messageId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  setupCodeId!: string | null;

  @ManyToOne('UserSetupCode', { nullable: true })
  @JoinColumn({ name: 'setup_code_id' })
  setupCode?: Relation<UserSetupCode> | null;
}
