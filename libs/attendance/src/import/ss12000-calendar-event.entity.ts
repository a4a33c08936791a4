import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { Agency } from '@app/identity';

@Entity('ss12000_calendar_event')
@Check('ss12000_event_offered_check', `offered_minutes > 0`)
export class Ss12000CalendarEvent {
  @PrimaryColumn({ type: 'uuid' })
  schoolId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<Agency>;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'date' })
  lessonDate!: string;

  @Column({ type: 'time' })
  startTime!: string;

  @Column({ type: 'smallint' })
  offeredMinutes!: number;

  @Column({ type: 'boolean', default: false })
  cancelled!: boolean;

  @Column({ type: 'jsonb', default: [] })
  studentExceptions!: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
