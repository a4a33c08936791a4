import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Agency, AppUser } from '@app/identity';
import type { Student } from '@app/students';

@Entity('absence_investigation')
@Check('absence_investigation_dates_check', `huvudman_informed_on IS NULL OR huvudman_informed_on >= started_on`)
// CREATE INDEX absence_investigation_student_idx ON absence_investigation USING btree (student_id, started_on DESC)
@Index('absence_investigation_student_idx', { synchronize: false })
export class AbsenceInvestigation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ManyToOne('Student', { nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'uuid' })
  schoolId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<Agency>;

  @Column({ type: 'date' })
  startedOn!: string;

  @Column({ type: 'date', nullable: true })
  huvudmanInformedOn!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
