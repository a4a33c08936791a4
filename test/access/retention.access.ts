import { givenFor } from '../support/given';
import { AccessGroup, ADMINS, only } from '../support/access-table';

/**
 * Retention (gallring, issue 21): each admin keeps its own organisation's rules (the PATCH sends
 * the default, so the row changes nothing), previews and starts runs; admins and auditors read the
 * gallring log. Nobody else. Another organisation's rules and counts are never shown: see
 * test/retention.e2e-spec.ts.
 */
export const retentionAccess: AccessGroup<Record<string, never>> = {
  name: 'retention',
  // A run is going on (as if another instance had started one), so that a permitted start is a
  // deterministic 409 rather than a race with the run it would start; the 202 is in retention.e2e-spec.ts.
  async setup(t) {
    await givenFor(t.db).retentionRunGoingOn();
    return {};
  },
  rows: [
    { route: 'GET /retention/rules', request: () => ({ path: '/retention/rules' }), expect: only(ADMINS, 200) },
    {
      route: 'PATCH /retention/rules/:dataClass',
      request: () => ({ path: '/retention/rules/notification', body: { period: 12 } }),
      expect: only(ADMINS, 200),
    },
    { route: 'GET /retention/preview', request: () => ({ path: '/retention/preview' }), expect: only(ADMINS, 200) },
    {
      route: 'GET /retention/runs',
      request: () => ({ path: '/retention/runs' }),
      expect: only([...ADMINS, 'auditor@ostersund.demo'], 200),
    },
    {
      route: 'POST /retention/runs',
      request: () => ({ path: '/retention/runs' }),
      expect: only(ADMINS, 409),
    },
  ],
  permissions: [
    'GET /retention/rules → retention.manage',
    'PATCH /retention/rules/:dataClass → retention.manage',
    'GET /retention/preview → retention.manage',
    'GET /retention/runs → retentionRun.read',
    'POST /retention/runs → retention.manage',
  ],
};
