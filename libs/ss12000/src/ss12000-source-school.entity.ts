import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Ss12000Source } from './ss12000-source.entity';
import type { Agency } from '@app/identity';

@Entity('ss12000_source_school')
export class Ss12000SourceSchool {
  @PrimaryColumn({ type: 'uuid' })
  sourceId!: string;

  @ManyToOne(() => Ss12000Source, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<Ss12000Source>;

  @PrimaryColumn({ type: 'text' })
  organisationRef!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;
}
