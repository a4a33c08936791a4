import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { AppUser, Organisation } from '@app/identity';

@Entity('absence_rule')
@Check('absence_rule_kind_check', `kind IN ('absence_share', 'invalid_streak', 'weekday_pattern', 'rising_trend')`)
export class AbsenceRule {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('Organisation', { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'jsonb' })
  params!: unknown;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'updated_by' })
  updatedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
