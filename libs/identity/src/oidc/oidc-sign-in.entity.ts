import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AppUser } from '../users/app-user.entity';

@Entity('oidc_sign_in')
@Unique('oidc_sign_in_exchange_key', ['exchangeHash'])
@Unique('oidc_sign_in_state_key', ['stateHash'])
@Check('oidc_sign_in_exchange_check', `(exchange_hash IS NULL) = (exchange_expires_at IS NULL)`)
@Index('oidc_sign_in_expires_idx', ['expiresAt'])
export class OidcSignIn {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  stateHash!: string;

  @Column({ type: 'text' })
  browserHash!: string;

  @Column({ type: 'text' })
  nonce!: string;

  @Column({ type: 'text' })
  codeVerifier!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => AppUser, { nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<AppUser> | null;

  @Column({ type: 'boolean', default: false })
  secondFactor!: boolean;

  @Column({ type: 'text', nullable: true })
  exchangeHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  exchangeExpiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  exchangedAt!: Date | null;
}
