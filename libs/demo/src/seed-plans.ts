import { addDays, swedishDate } from '@app/calendar';
import { CasesRepository, insertFollowUpSchedule, PlanRepository, ReviewsRepository } from '@app/cases';
import { DEMO_AGENCIES, DEMO_USERS, demoId } from './demo-data';
import { repository, SeedStep } from './seed-step';

interface DemoPlan {
  pupil: number;
  startedDaysAgo: number;
  agreedDaysAgo: number | null;
  partners: string[];
  actionStatus: 'planned' | 'in_progress' | 'done';
  review?: { daysAgo: number; before: number; after: number; reached: boolean };
  closedDaysAgo?: number;
}

const DEMO_PLANS: DemoPlan[] = [
  { pupil: 78, startedDaysAgo: 3, agreedDaysAgo: null, partners: ['soc', 'bup'], actionStatus: 'planned' },
  { pupil: 103, startedDaysAgo: 25, agreedDaysAgo: 24, partners: ['soc', 'hab'], actionStatus: 'in_progress' },
  {
    pupil: 128,
    startedDaysAgo: 60,
    agreedDaysAgo: 58,
    partners: ['bup'],
    actionStatus: 'done',
    review: { daysAgo: 14, before: 71.5, after: 86.0, reached: true },
  },
  { pupil: 153, startedDaysAgo: 80, agreedDaysAgo: 79, partners: [], actionStatus: 'done', closedDaysAgo: 5 },
];

const PARTNER_ACTIONS: Record<string, string> = {
  soc: 'Föräldrastöd i hemmet, ett samtal i veckan.',
  bup: 'Bedömning av oro och sömn.',
  hab: 'Stöd kring struktur och rutiner.',
};

/**
 * Plans in different states on the demo cases: a draft in mapping, an agreed plan under way, one
 * reviewed in follow-up, and a finished one on the closed case with its follow-ups scheduled.
 */
export const plans: SeedStep = {
  name: '006-plans',
  async run(manager, now) {
    const today = swedishDate(now);
    const coordinator = demoId('user:elevhalsa@storsjo.demo');
    const school = demoId('agency:storsjo');
    const mentor = demoId('user:mentor@storsjo.demo');
    const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T10:00:00+01:00`;
    const planRepository = repository(PlanRepository, manager);
    const casesRepository = repository(CasesRepository, manager);
    await planRepository.insertPlans(
      manager,
      DEMO_PLANS.map((d) => ({
        id: demoId(`plan:${d.pupil}`),
        case_id: demoId(`case:${d.pupil}`),
        pupil_view: 'Jag vill börja med halva dagar och ha någon att gå till på rasterna.',
        guardian_view: 'Vi vill ha kontakt med mentor varje vecka och hjälp med morgnarna.',
        review_dates: [addDays(today, 14), addDays(today, 56)],
        created_by: coordinator,
        created_at: at(d.startedDaysAgo),
      })),
    );
    for (const d of DEMO_PLANS) {
      const caseId = demoId(`case:${d.pupil}`);
      const planId = demoId(`plan:${d.pupil}`);
      const goals = [
        {
          text: 'Närvaron ökar till minst 80 % inom sex veckor.',
          percent: 80,
          by: addDays(today, 42 - d.startedDaysAgo),
        },
        { text: 'Eleven har en vuxen att vända sig till varje skoldag.', percent: null, by: null },
      ];
      for (const [position, goal] of goals.entries()) {
        await planRepository.insertGoal(manager, planId, {
          position,
          text: goal.text,
          attendancePercent: goal.percent,
          byDate: goal.by,
          targetText: null,
        });
      }
      const actions: [string, string, string | null][] = [
        [school, 'Anpassat schema med halva dagar de första två veckorna.', mentor],
        [school, 'Mentor ringer hem varje fredag och stämmer av veckan.', mentor],
        ...d.partners.map((key): [string, string, string | null] => {
          const worker = DEMO_USERS.find((u) => u.agency === key && u.role === 'agency_worker')!;
          return [demoId(`agency:${key}`), PARTNER_ACTIONS[key], demoId(`user:${worker.username}`)];
        }),
      ];
      for (const [position, [agencyId, description, responsible]] of actions.entries()) {
        await planRepository.insertAction(manager, planId, caseId, {
          position,
          description,
          agencyId,
          responsibleUserId: responsible,
          startDate: addDays(today, -d.startedDaysAgo),
          dueDate: addDays(today, 28 - d.startedDaysAgo + 7 * position),
          status: d.actionStatus,
          interventionId: null,
        });
      }
      const snapshot = async (version: number, change: 'created' | 'agreed', daysAgo: number) => {
        const version_ = { caseId, planId, version, change, userId: coordinator, agencyId: school };
        await planRepository.saveVersionAt(manager, version_, at(daysAgo));
        await casesRepository.insertEvents(manager, [
          {
            case_id: caseId,
            at: at(daysAgo),
            actor_id: coordinator,
            agency_id: school,
            kind: change === 'created' ? 'plan.created' : 'plan.agreed',
            data: { version },
          },
        ]);
      };
      await snapshot(1, 'created', d.startedDaysAgo);
      if (d.agreedDaysAgo !== null) {
        const agreedAt = new Date(at(d.agreedDaysAgo));
        const participants: ['pupil' | 'guardian' | 'agency', string | null, string][] = [
          ['pupil', null, 'Eleven'],
          ['guardian', null, 'Vårdnadshavare (demo)'],
          ['agency', school, 'Storsjöskolan'],
          ...d.partners.map((key): ['agency', string, string] => [
            'agency',
            demoId(`agency:${key}`),
            DEMO_AGENCIES.find((a) => a.key === key)!.name,
          ]),
        ];
        for (const [participant, agencyId, name] of participants) {
          await planRepository.insertAgreement(manager, {
            planId,
            planVersion: 1,
            participant,
            agencyId,
            name,
            agreedAt,
            recordedBy: coordinator,
          });
        }
        await planRepository.markCaseAgreed(manager, caseId, agreedAt);
        await snapshot(2, 'agreed', d.agreedDaysAgo);
      }
      if (d.review) {
        const reviewed = addDays(today, -d.review.daysAgo);
        const started = addDays(today, -d.startedDaysAgo);
        await repository(ReviewsRepository, manager).insert(manager, {
          caseId,
          reviewedOn: reviewed,
          before: { from: addDays(started, -28), to: addDays(started, -1), attendancePercent: d.review.before },
          after: {
            from: addDays(reviewed, -27) > started ? addDays(reviewed, -27) : started,
            to: reviewed,
            attendancePercent: d.review.after,
          },
          goalReached: d.review.reached,
          decisions: 'Målet nått. Planen följs upp i fyra veckor till, sedan avslut.',
          recordedBy: coordinator,
        });
      }
      if (d.closedDaysAgo !== undefined) {
        await insertFollowUpSchedule(manager, caseId, addDays(today, -d.closedDaysAgo));
      }
    }
  },
};
