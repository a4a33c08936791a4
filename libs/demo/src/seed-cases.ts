import { addDays, addWorkingDays, swedishDate } from '@app/calendar';
import {
  CaseEventRecord,
  CasesRepository,
  ConsentsRepository,
  ContributionRecord,
  InvitationRecord,
  MappingRepository,
  MeetingsRepository,
  MobilisationsRepository,
} from '@app/cases';
import { DEMO_USERS, demoId } from './demo-data';
import { repository, SeedStep } from './seed-step';

interface DemoCase {
  pupil: number;
  status: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
  openedDaysAgo: number;
  agencies: { key: string; status: 'pending' | 'accepted' | 'declined'; consent: string[] | null }[];
  meetingDaysAgo?: number;
  outcome?: string;
}

const DEMO_CASES: DemoCase[] = [
  {
    pupil: 53,
    status: 'open',
    openedDaysAgo: 2,
    agencies: [{ key: 'soc', status: 'pending', consent: ['case_summary'] }],
  },
  {
    pupil: 78,
    status: 'mapping',
    openedDaysAgo: 12,
    agencies: [
      { key: 'soc', status: 'accepted', consent: ['case_summary', 'attendance', 'mapping'] },
      { key: 'bup', status: 'accepted', consent: ['case_summary', 'health_notes', 'mapping'] },
    ],
    meetingDaysAgo: 5,
  },
  {
    pupil: 103,
    status: 'plan_active',
    openedDaysAgo: 40,
    agencies: [
      { key: 'soc', status: 'accepted', consent: ['case_summary', 'attendance', 'mapping', 'plan'] },
      { key: 'hab', status: 'accepted', consent: ['case_summary', 'mapping', 'plan'] },
    ],
    meetingDaysAgo: 30,
  },
  {
    pupil: 128,
    status: 'follow_up',
    openedDaysAgo: 80,
    agencies: [{ key: 'bup', status: 'accepted', consent: ['case_summary', 'health_notes', 'plan'] }],
    meetingDaysAgo: 70,
  },
  {
    pupil: 153,
    status: 'closed',
    openedDaysAgo: 95,
    agencies: [{ key: 'soc', status: 'declined', consent: null }],
    outcome: 'attendance_recovered',
  },
];

/**
 * One case in every status at Storsjöskolan, with consent, invitations, a meeting and mapping,
 * so each journey has something to show. Dates lie in the past relative to `now`. The cases,
 * invitations, contributions and timeline events are collected and written in one statement each.
 */
export const cases: SeedStep = {
  name: '005-cases',
  async run(manager, now) {
    const today = swedishDate(now);
    const at = (daysAgo: number, time = '09:00') => `${addDays(today, -daysAgo)}T${time}:00+01:00`;
    const coordinator = demoId('user:elevhalsa@storsjo.demo');
    const school = demoId('agency:storsjo');
    const consents = repository(ConsentsRepository, manager);
    const meetings = repository(MeetingsRepository, manager);
    const invitations: InvitationRecord[] = [];
    const contributions: ContributionRecord[] = [];
    const events: CaseEventRecord[] = [];

    await repository(CasesRepository, manager).insertCases(
      manager,
      DEMO_CASES.map((c, n) => ({
        id: demoId(`case:${c.pupil}`),
        reference: `NT-DEMO-${String(n + 1).padStart(3, '0')}`,
        student_id: demoId(`pupil:${c.pupil}`),
        school_id: school,
        coordinator_id: coordinator,
        status: c.status,
        opened_at: at(c.openedDaysAgo),
        first_signal_on: addDays(today, -c.openedDaysAgo - 10),
        closed_at: c.status === 'closed' ? at(5) : null,
        outcome: c.outcome ?? null,
        close_reason: c.status === 'closed' ? 'Närvaron är tillbaka över 90 % sedan sex veckor.' : null,
      })),
    );
    for (const c of DEMO_CASES) {
      const caseId = demoId(`case:${c.pupil}`);
      const opened = at(c.openedDaysAgo);
      const event = (kind: string, when: string, data: object, actor = coordinator, agency = school) =>
        events.push({ case_id: caseId, at: when, actor_id: actor, agency_id: agency, kind, data: { ...data } });
      event('case.opened', opened, { coordinatorId: coordinator, flagId: null });
      for (const a of c.agencies) {
        const agencyId = demoId(`agency:${a.key}`);
        const worker = DEMO_USERS.find((u) => u.agency === a.key && u.role === 'agency_worker')!;
        const workerId = demoId(`user:${worker.username}`);
        if (a.consent) {
          await consents.insert(manager, {
            caseId,
            agencyId,
            givenBy: 'guardian',
            givenByName: 'Vårdnadshavare (demo)',
            scope: a.consent,
            givenAt: addDays(today, -c.openedDaysAgo),
            validUntil: addDays(today, 365),
            documentReference: null,
            recordedBy: coordinator,
          });
          event('consent.given', opened, { agencyId, givenBy: 'guardian', scope: a.consent });
        }
        invitations.push({
          case_id: caseId,
          agency_id: agencyId,
          message: 'Välkomna till ett första möte om eleven.',
          invited_by: coordinator,
          invited_at: opened,
          deadline: addWorkingDays(addDays(today, -c.openedDaysAgo), 5),
          status: a.status,
          representative_id: a.status === 'accepted' ? workerId : null,
          responded_by: a.status === 'pending' ? null : workerId,
          responded_at: a.status === 'pending' ? null : at(c.openedDaysAgo - 2),
          decline_reason: a.status === 'declined' ? 'Ärendet är inte aktuellt för oss just nu.' : null,
        });
        event('mobilisation.invited', opened, { agencyId });
        if (a.status !== 'pending') {
          event(`mobilisation.${a.status}`, at(c.openedDaysAgo - 2), { agencyId }, workerId, agencyId);
        }
        if (a.status === 'accepted' && a.consent?.includes('mapping')) {
          contributions.push({
            case_id: caseId,
            section: 'home_family',
            agency_id: agencyId,
            author_id: workerId,
            text: 'Familjen har haft kontakt med oss tidigare; stödet avslutades för ett år sedan.',
            created_at: at(c.openedDaysAgo - 3),
          });
        }
      }
      if (c.meetingDaysAgo !== undefined) {
        const meetingId = await meetings.insert(manager, {
          caseId,
          startsAt: at(c.meetingDaysAgo, '13:00'),
          place: 'Storsjöskolan, elevhälsans rum',
          videoLink: null,
          agencyIds: [
            school,
            ...c.agencies.filter((a) => a.status === 'accepted').map((a) => demoId(`agency:${a.key}`)),
          ],
          pupilPresent: true,
          guardiansPresent: true,
          createdBy: coordinator,
        });
        await meetings.setMinutes(manager, meetingId, {
          minutes:
            'Eleven berättade om oro inför idrottslektionerna. Vårdnadshavarna vill ha tätare kontakt med mentor.',
          decisions: 'Kartläggning av skolsituationen; mentor ringer hem varje fredag.',
        });
        event('meeting.scheduled', at(c.meetingDaysAgo + 3), {});
        for (const [section, text] of [
          ['pupil_view', 'Jag vill gå till skolan men det känns jobbigt på morgonen.'],
          ['school', 'Frånvaron har ökat sedan höstlovet, mest måndagar och idrott.'],
        ] as const) {
          contributions.push({
            case_id: caseId,
            section,
            agency_id: school,
            author_id: coordinator,
            text,
            created_at: at(c.meetingDaysAgo, '15:00'),
          });
        }
      }
      const path = ['open', 'mapping', 'plan_active', 'follow_up'];
      const steps = c.status === 'closed' ? ['closed'] : path.slice(1, path.indexOf(c.status) + 1);
      let from = 'open';
      for (const [i, to] of steps.entries()) {
        event('case.status', at(Math.max(c.openedDaysAgo - 7 * (i + 1), 1)), { from, to });
        from = to;
      }
    }
    await repository(MobilisationsRepository, manager).insertInvitations(manager, invitations);
    await repository(MappingRepository, manager).insertContributions(manager, contributions);
    await repository(CasesRepository, manager).insertEvents(manager, events);
  },
};
