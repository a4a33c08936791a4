import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AbsenceFlag } from './absence-flag.entity';
import type { AppUser } from '@app/identity';

@Entity('absence_flag_note')
@Index('absence_flag_note_flag_idx', ['flagId', 'createdAt'])
export class AbsenceFlagNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  flagId!: string;

  @ManyToOne(() => AbsenceFlag, { nullable: false })
  @JoinColumn({ name: 'flag_id' })
  flag?: Relation<AbsenceFlag>;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
