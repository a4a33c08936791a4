import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('organisation')
@Unique('organisation_name_key', ['name'])
@Check('organisation_kind_check', `kind IN ('municipality', 'region')`)
@Check('organisation_term_autumn_start_check', `term_autumn_start ~ '^(07|08|09)-[0-3][0-9]$'`)
@Check('organisation_term_spring_start_check', `term_spring_start ~ '^(01|02|03)-[0-3][0-9]$'`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'text', default: '08-15' })
  termAutumnStart!: string;

  @Column({ type: 'text', default: '01-16' })
  termSpringStart!: string;
}
