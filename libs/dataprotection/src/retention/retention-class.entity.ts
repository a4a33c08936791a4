import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A data class's unit, default period, bounds and legal basis; fixed by migrations (the runtime role only reads it). */
@Entity('retention_class')
@Check(
  'retention_class_bounds_check',
  `1 <= min_period AND min_period <= default_period AND default_period <= max_period`,
)
@Check('retention_class_unit_check', `unit IN ('days', 'months', 'years', 'school_years')`)
export class RetentionClass {
  @PrimaryColumn({ type: 'text' })
  dataClass!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'integer' })
  defaultPeriod!: number;

  @Column({ type: 'integer' })
  minPeriod!: number;

  @Column({ type: 'integer' })
  maxPeriod!: number;

  @Column({ type: 'text' })
  legalBasis!: string;
}
