import { demoId } from '@app/demo';
import { AccessGroup, CALLERS, CallerName, only } from '../support/access-table';
import { givenFor } from '../support/given';
import { API } from '../support/test-app';

/**
 * Absence rules, the watch list, flags, absence investigations and guardian notices. School
 * things follow rule 1 (Storsjö's staff; Parkskolan's staff get 404 on Storsjö's pupils and
 * school); flags and investigations are the school's records for elevhälsa and the principal.
 */
interface Ctx {
  pupil: string;
  /** One flag per worry: each caller flags a pupil of its own. */
  flagPupils: Record<string, string>;
  noticePupil: string;
  flag: string;
  dismissFlags: Record<string, string>;
  acceptFlags: Record<string, string>;
  investigation: string;
}

const STORSJO = demoId('agency:storsjo');
const STORSJO_SCHOOL = ['mentor@storsjo.demo', 'rektor@storsjo.demo', 'elevhalsa@storsjo.demo'];
const PARK_SCHOOL = ['mentor@park.demo', 'elevhalsa@park.demo'];
const ALL_SCHOOL = [...STORSJO_SCHOOL, ...PARK_SCHOOL];
const park404 = Object.fromEntries(PARK_SCHOOL.map((caller) => [caller, 404]));
const storsjoOnly = (ok: number) => only(STORSJO_SCHOOL, ok, 403, park404);
/** Elevhälsa and the principal of Storsjö; Parkskolan's elevhälsa may triage, but not Storsjö's: 404. */
const triage = (ok: number) =>
  only(['rektor@storsjo.demo', 'elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

/** A distinct day with invalid absence per caller, for the guardian-notice row (January 2026). */
const noticeDay = (caller: CallerName) => `2026-01-${String(5 + CALLERS.indexOf(caller)).padStart(2, '0')}`;

export const signalsAccess: AccessGroup<Ctx> = {
  name: 'signals',
  async setup(t, tokens) {
    const given = givenFor(t.db);
    const pupil = (await given.pupil()).id;
    const noticePupil = (await given.pupil()).id;
    const mentor = tokens.get('mentor@storsjo.demo')!;
    const newFlag = async (about = pupil) => {
      const res = await t.http
        .post(`${API}/students/${about}/flags`)
        .set('authorization', mentor)
        .send({ text: 'Ofta borta på måndagar.' });
      if (res.status !== 201) throw new Error(`flag setup failed: ${res.status}`);
      return res.body.id as string;
    };
    const dismissFlags: Record<string, string> = {};
    const acceptFlags: Record<string, string> = {};
    const flagPupils: Record<string, string> = {};
    for (const caller of CALLERS) {
      // One flag per worry: every flag below is about a fresh pupil of its own.
      dismissFlags[caller] = await newFlag((await given.pupil()).id);
      flagPupils[caller] = (await given.pupil()).id;
      // Accepting opens a case, one per pupil: each caller's flag is about a pupil of its own.
      acceptFlags[caller] = await newFlag((await given.pupil()).id);
    }
    const investigation = await t.http
      .post(`${API}/students/${pupil}/absence-investigations`)
      .set('authorization', tokens.get('rektor@storsjo.demo')!)
      .send({ startedOn: '2026-01-12' });
    await given.lessons(
      noticePupil,
      CALLERS.map((caller) => ({ date: noticeDay(caller), start: '08:20', attended: 0, invalid: 60 })),
    );
    return {
      pupil,
      flagPupils,
      noticePupil,
      flag: await newFlag(),
      dismissFlags,
      acceptFlags,
      investigation: investigation.body.id,
    };
  },
  rows: [
    { route: 'GET /absence-rules', request: () => ({ path: '/absence-rules' }), expect: only(ALL_SCHOOL, 200) },
    {
      route: 'PUT /absence-rules/:kind',
      request: () => ({
        path: '/absence-rules/absence_share',
        body: { enabled: true, params: { percent: 10, weeks: 4 } },
      }),
      expect: only(['rektor@storsjo.demo'], 200),
    },
    {
      route: 'GET /schools/:id/watchlist',
      request: () => ({ path: `/schools/${STORSJO}/watchlist` }),
      expect: storsjoOnly(200),
    },
    {
      route: 'POST /students/:id/flags',
      request: (c, caller) => ({
        path: `/students/${c.flagPupils[caller]}/flags`,
        body: { text: 'Ser trött ut, borta ofta.' },
      }),
      expect: storsjoOnly(201),
    },
    {
      route: 'POST /flags/:id/notes',
      request: (c) => ({ path: `/flags/${c.flag}/notes`, body: { text: 'Borta i dag igen.' } }),
      expect: storsjoOnly(201),
    },
    {
      route: 'GET /flags',
      request: () => ({ path: '/flags?status=new' }),
      expect: only(['rektor@storsjo.demo', 'elevhalsa@storsjo.demo', 'elevhalsa@park.demo'], 200),
    },
    { route: 'GET /flags/:id', request: (c) => ({ path: `/flags/${c.flag}` }), expect: storsjoOnly(200) },
    {
      route: 'POST /flags/:id/dismiss',
      request: (c, caller) => ({ path: `/flags/${c.dismissFlags[caller]}/dismiss`, body: { reason: 'Utrett.' } }),
      expect: triage(200),
    },
    {
      route: 'POST /flags/:id/accept',
      request: (c, caller) => ({
        path: `/flags/${c.acceptFlags[caller]}/accept`,
        body: { coordinatorId: demoId('user:elevhalsa@storsjo.demo') },
      }),
      expect: triage(201),
    },
    {
      route: 'POST /students/:id/absence-investigations',
      request: (c) => ({ path: `/students/${c.pupil}/absence-investigations`, body: { startedOn: '2026-02-02' } }),
      expect: only(['rektor@storsjo.demo'], 201),
    },
    {
      route: 'GET /students/:id/absence-investigations',
      request: (c) => ({ path: `/students/${c.pupil}/absence-investigations` }),
      expect: triage(200),
    },
    {
      route: 'PATCH /absence-investigations/:id',
      request: (c) => ({
        path: `/absence-investigations/${c.investigation}`,
        body: { huvudmanInformedOn: '2026-01-14' },
      }),
      expect: only(['rektor@storsjo.demo'], 200),
    },
    {
      route: 'GET /schools/:id/investigation-overview',
      request: () => ({ path: `/schools/${STORSJO}/investigation-overview` }),
      expect: triage(200),
    },
    {
      route: 'GET /schools/:id/guardian-notices',
      request: () => ({ path: `/schools/${STORSJO}/guardian-notices?pending=true` }),
      expect: storsjoOnly(200),
    },
    {
      route: 'POST /students/:id/guardian-notices',
      request: (c, caller) => ({
        path: `/students/${c.noticePupil}/guardian-notices`,
        body: { date: noticeDay(caller), method: 'phone', informedAt: `${noticeDay(caller)}T09:00:00+01:00` },
      }),
      expect: storsjoOnly(201),
    },
  ],
  permissions: [
    'GET /absence-rules → absenceRule.read',
    'PUT /absence-rules/:kind → absenceRule.update',
    'GET /schools/:id/watchlist → watchlist.read',
    'POST /students/:id/flags → flag.create',
    'GET /flags → flag.triage',
    'GET /flags/:id → flag.read',
    'POST /flags/:id/notes → flag.create',
    'POST /flags/:id/dismiss → flag.triage',
    'POST /flags/:id/accept → flag.triage',
    'POST /students/:id/absence-investigations → investigation.write',
    'GET /students/:id/absence-investigations → investigation.read',
    'PATCH /absence-investigations/:id → investigation.write',
    'GET /schools/:id/investigation-overview → investigation.read',
    'GET /schools/:id/guardian-notices → guardianNotice.read',
    'POST /students/:id/guardian-notices → guardianNotice.write',
  ],
};
