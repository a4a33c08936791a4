import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { AppUser } from '../users/app-user.entity';

@Entity('user_setup_code')
@Unique('user_setup_code_hash_key', ['codeHash'])
@Index('user_setup_code_open_idx', ['userId'], { where: `(used_at IS NULL) AND (voided_at IS NULL)` })
export class UserSetupCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<AppUser>;

  @Column({ type: 'text' })
  codeHash!: string;

  @Column({ type: 'uuid' })
  issuedBy!: string;

  @ManyToOne(() => AppUser, { nullable: false })
  @JoinColumn({ name: 'issued_by' })
  issuedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;
}
