import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from './support-case.entity';
import type { Agency, AppUser } from '@app/identity';

/** A case's timeline. Append-only: a trigger and the runtime role's grants refuse updates and deletes. */
@Entity('case_event')
@Index('case_event_case_idx', ['caseId', 'id'])
export class CaseEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<AppUser> | null;

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne('Agency', { nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency> | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb', default: {} })
  data!: unknown;
}
