import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { AppUser, Organisation } from '@app/identity';
import { RetentionClass } from './retention-class.entity';

/** An organisation's period for one data class; a trigger (migration) holds it within the class's bounds. */
@Entity('retention_rule')
export class RetentionRule {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('Organisation', { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @PrimaryColumn({ type: 'text' })
  dataClass!: string;

  @ManyToOne(() => RetentionClass, { nullable: false })
  @JoinColumn({ name: 'data_class' })
  retentionClass?: Relation<RetentionClass>;

  @Column({ type: 'integer' })
  period!: number;

  @Column({ type: 'text' })
  legalBasis!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'updated_by' })
  updater?: Relation<AppUser> | null;
}
