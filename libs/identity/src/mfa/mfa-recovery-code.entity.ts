import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AppUser } from '../users/app-user.entity';

@Entity('mfa_recovery_code')
@Unique('mfa_recovery_code_key', ['userId', 'codeHash'])
export class MfaRecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<AppUser>;

  @Column({ type: 'text' })
  codeHash!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
