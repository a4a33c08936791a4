import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { SupportCase } from '@app/cases';
import type { AppUser } from '@app/identity';
import type { AbsenceFlag } from '@app/signals';

@Entity('notification')
@Unique('notification_dedupe_key', ['recipientId', 'dedupeKey'])
// CREATE INDEX notification_inbox_idx ON notification USING btree (recipient_id, ((read_at IS NOT NULL)), created_at DESC, id DESC)
@Index('notification_inbox_idx', { synchronize: false })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Relation<AppUser>;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne('SupportCase', { nullable: true })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase> | null;

  @Column({ type: 'uuid', nullable: true })
  flagId!: string | null;

  @ManyToOne('AbsenceFlag', { nullable: true })
  @JoinColumn({ name: 'flag_id' })
  flag?: Relation<AbsenceFlag> | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  link!: string;

  @Column({ type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
