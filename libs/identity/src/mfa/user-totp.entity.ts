import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AppUser } from '../users/app-user.entity';

@Entity('user_totp')
export class UserTotp {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<AppUser>;

  @Column({ type: 'text' })
  secretSealed!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'bigint', nullable: true })
  lastStep!: string | null;
}
