import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Organisation } from '../organisation/organisation.entity';

@Entity('agency')
@Unique('agency_name_key', ['organisationId', 'name'])
@Check('agency_school_unit_code_check', `(type = 'school') = (school_unit_code IS NOT NULL)`)
@Check('agency_type_check', `type IN ('school', 'social_services', 'bup', 'habilitation', 'other')`)
@Index('agency_school_unit_code_key', ['schoolUnitCode'], { unique: true, where: `school_unit_code IS NOT NULL` })
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  schoolUnitCode!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
