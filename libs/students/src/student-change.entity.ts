import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Student } from './student.entity';
import type { AppUser } from '@app/identity';

/** A pupil's field history. Append-only: a trigger and the runtime role's grants refuse updates and deletes. */
@Entity('student_change')
@Check(
  'student_change_author_check',
  `(source = 'user' AND changed_by IS NOT NULL) OR (source = 'sync' AND sync_source_id IS NOT NULL)`,
)
@Check('student_change_source_check', `source IN ('user', 'sync')`)
// CREATE INDEX student_change_student_idx ON student_change USING btree (student_id, id DESC)
@Index('student_change_student_idx', { synchronize: false })
export class StudentChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ManyToOne(() => Student, { nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'text' })
  field!: string;

  @Column({ type: 'jsonb', nullable: true })
  oldValue!: unknown | null;

  @Column({ type: 'jsonb', nullable: true })
  newValue!: unknown | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'uuid', nullable: true })
  changedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'changed_by' })
  changedByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'uuid', nullable: true })
  syncSourceId!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
