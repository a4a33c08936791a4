import { demoId } from '@app/demo';
import { AccessGroup, only } from '../support/access-table';
import { givenFor } from '../support/given';

/**
 * SS 12000 sources and runs: the administrators of the school organiser's organisation only.
 * Another organisation's admin gets 404 for the source (and 422 mapping a school not theirs).
 */
interface Ctx {
  source: string;
  removable: string;
  run: string;
}

const OSTERSUND_ADMIN = ['admin@ostersund.demo'];
const ownOnly = (ok: number) => only(OSTERSUND_ADMIN, ok, 403, { 'admin@regionjh.demo': 404 });

export const ss12000Access: AccessGroup<Ctx> = {
  name: 'ss12000',
  async setup(t) {
    // Sources without mapped schools: a run asks the server nothing and ends at once.
    const given = givenFor(t.db);
    const source = await given.ss12000Source(demoId('org:ostersund'), { name: 'Access table' });
    const removable = await given.ss12000Source(demoId('org:ostersund'), { name: 'Access table, removed' });
    return { source, removable, run: await given.syncRun(source) };
  },
  rows: [
    {
      route: 'POST /ss12000/sources',
      request: (_, caller) => ({
        path: '/ss12000/sources',
        body: {
          name: `Källa ${caller}`,
          baseUrl: 'http://127.0.0.1:9/v2',
          auth: { type: 'none' },
          schools: [{ organisationId: '8f1a0c2e-0000-4000-8000-00000000b001', agencyId: demoId('agency:storsjo') }],
        },
      }),
      expect: only(OSTERSUND_ADMIN, 201, 403, { 'admin@regionjh.demo': 422 }),
    },
    {
      route: 'GET /ss12000/sources',
      request: () => ({ path: '/ss12000/sources' }),
      expect: only(['admin@ostersund.demo', 'admin@regionjh.demo'], 200),
    },
    {
      route: 'GET /ss12000/sources/:id',
      request: (c) => ({ path: `/ss12000/sources/${c.source}` }),
      expect: ownOnly(200),
    },
    {
      route: 'PATCH /ss12000/sources/:id',
      request: (c) => ({ path: `/ss12000/sources/${c.source}`, body: { name: 'Access table' } }),
      expect: ownOnly(200),
    },
    {
      route: 'DELETE /ss12000/sources/:id',
      request: (c) => ({ path: `/ss12000/sources/${c.removable}` }),
      expect: ownOnly(204),
    },
    {
      route: 'POST /ss12000/sources/:id/runs',
      request: (c) => ({ path: `/ss12000/sources/${c.source}/runs` }),
      expect: ownOnly(202),
    },
    {
      route: 'GET /ss12000/sources/:id/runs',
      request: (c) => ({ path: `/ss12000/sources/${c.source}/runs` }),
      expect: ownOnly(200),
    },
    {
      route: 'GET /ss12000/sources/:id/runs/:runId',
      request: (c) => ({ path: `/ss12000/sources/${c.source}/runs/${c.run}` }),
      expect: ownOnly(200),
    },
  ],
  permissions: [
    'POST /ss12000/sources → ss12000.manage',
    'GET /ss12000/sources → ss12000.manage',
    'GET /ss12000/sources/:id → ss12000.manage',
    'PATCH /ss12000/sources/:id → ss12000.manage',
    'DELETE /ss12000/sources/:id → ss12000.manage',
    'POST /ss12000/sources/:id/runs → ss12000.manage',
    'GET /ss12000/sources/:id/runs → ss12000.manage',
    'GET /ss12000/sources/:id/runs/:runId → ss12000.manage',
  ],
};
