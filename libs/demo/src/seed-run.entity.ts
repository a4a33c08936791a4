import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('seed_run')
export class SeedRun {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  ranAt!: Date;
}
