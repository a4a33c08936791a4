import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AppUser } from '../users/app-user.entity';

@Entity('mfa_challenge')
@Unique('mfa_challenge_token_key', ['tokenHash'])
@Check('mfa_challenge_method_check', `method IN ('password', 'oidc')`)
@Check('mfa_challenge_purpose_check', `purpose IN ('verify', 'enrol')`)
@Index('mfa_challenge_user_idx', ['userId'])
export class MfaChallenge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<AppUser>;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;
}
