import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRow, sqlRows } from '@app/database';

/** What the printable plan shows, as read: the plan, the case and pupil, goals, actions, agreements. */
export interface PlanData {
  plan: {
    id: string;
    version: number;
    pupil_view: string | null;
    guardian_view: string | null;
    review_dates: string[];
    updated_at: Date;
  };
  header: {
    reference: string;
    school_name: string;
    first_name: string;
    last_name: string;
    class_name: string;
    personnummer: string;
    protected_identity: boolean;
    coordinator_name: string;
  };
  guardians: { name: string }[];
  goals: {
    text: string;
    target_attendance_percent: string | null;
    target_date: string | null;
    target_text: string | null;
  }[];
  actions: {
    description: string;
    agency_name: string;
    responsible_name: string | null;
    start_date: string | null;
    due_date: string;
    status: string;
  }[];
  agreements: { participant: string; agency_name: string | null; name: string; agreed_at: Date }[];
}

/** The SQL of the printable plan (Samordnad plan): one read of all it shows. */
@Injectable()
export class PlanPrintRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** All the page shows of the case's plan, or null when the case has no plan. */
  async load(tx: EntityManager, caseId: string): Promise<PlanData | null> {
    const plan = await sqlRow<PlanData['plan']>(
      tx,
      `SELECT id, version, pupil_view, guardian_view, array(SELECT d FROM unnest(review_dates) d ORDER BY d) AS review_dates,
              updated_at
         FROM case_plan WHERE case_id = $1`,
      [caseId],
    );
    if (!plan) return null;
    const header = (await sqlRow<PlanData['header']>(
      tx,
      `SELECT c.reference, a.name AS school_name, s.first_name, s.last_name, s.class_name, s.personnummer, s.protected_identity,
              u.display_name AS coordinator_name
         FROM support_case c JOIN agency a ON a.id = c.school_id JOIN student s ON s.id = c.student_id
         JOIN app_user u ON u.id = c.coordinator_id
        WHERE c.id = $1`,
      [caseId],
    ))!;
    const guardians = await sqlRows<PlanData['guardians'][number]>(
      tx,
      `SELECT g.name FROM guardian g JOIN support_case c ON c.student_id = g.student_id WHERE c.id = $1 ORDER BY g.created_at, g.id`,
      [caseId],
    );
    const goals = await sqlRows<PlanData['goals'][number]>(
      tx,
      `SELECT text, target_attendance_percent, target_date, target_text
         FROM plan_goal WHERE plan_id = $1 AND removed_at IS NULL ORDER BY position, id`,
      [plan.id],
    );
    const actions = await sqlRows<PlanData['actions'][number]>(
      tx,
      `SELECT x.description, a.name AS agency_name, u.display_name AS responsible_name,
              x.start_date, x.due_date, x.status
         FROM plan_action x JOIN agency a ON a.id = x.agency_id LEFT JOIN app_user u ON u.id = x.responsible_user_id
        WHERE x.plan_id = $1 AND x.removed_at IS NULL ORDER BY x.position, x.id`,
      [plan.id],
    );
    const agreements = await sqlRows<PlanData['agreements'][number]>(
      tx,
      `SELECT g.participant, a.name AS agency_name, g.name, g.agreed_at
         FROM plan_agreement g LEFT JOIN agency a ON a.id = g.agency_id
        WHERE g.plan_id = $1 ORDER BY g.agreed_at, g.id`,
      [plan.id],
    );
    return { plan, header, guardians, goals, actions, agreements };
  }
}
