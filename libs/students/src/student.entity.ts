import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { Agency, Organisation } from '@app/identity';

@Entity('student')
@Unique('student_external_id_key', ['organisationId', 'externalId'])
@Unique('student_personnummer_key', ['organisationId', 'personnummer'])
@Check('student_grade_check', `grade BETWEEN 0 AND 13`)
@Check(
  'student_identity_check',
  `personnummer IS NOT NULL OR (temporary_number IS NOT NULL AND external_id IS NOT NULL)`,
)
@Check('student_personnummer_check', `personnummer ~ '^[0-9]{12}$'`)
@Index('student_class_idx', ['schoolId', 'className'])
@Index('student_school_idx', ['schoolId', 'lastName', 'firstName', 'id'])
export class Student {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('Organisation', { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'uuid' })
  schoolId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<Agency>;

  @Column({ type: 'char', length: 12, nullable: true })
  personnummer!: string | null;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'text' })
  lastName!: string;

  @Column({ type: 'smallint' })
  grade!: number;

  @Column({ type: 'text' })
  className!: string;

  @Column({ type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'boolean', default: false })
  protectedIdentity!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'boolean', default: true })
  enrolled!: boolean;

  @Column({ type: 'text', nullable: true })
  temporaryNumber!: string | null;
}
