import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('sign_in_throttle')
@Index('sign_in_throttle_window_idx', ['windowStart'])
export class SignInThrottleWindow {
  @PrimaryColumn({ type: 'text' })
  bucket!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'integer' })
  attempts!: number;
}
