import { AccessGroup, ADMINS, only } from '../support/access-table';

/**
 * The organisation's own settings: its term dates. Each admin reads and sets its own
 * organisation's (the PATCH sends the defaults, so the rows change nothing); nobody else may.
 */
export const organisationAccess: AccessGroup<Record<string, never>> = {
  name: 'organisation',
  setup: async () => ({}),
  rows: [
    { route: 'GET /organisation/terms', request: () => ({ path: '/organisation/terms' }), expect: only(ADMINS, 200) },
    {
      route: 'PATCH /organisation/terms',
      request: () => ({ path: '/organisation/terms', body: { autumnStart: '08-15', springStart: '01-16' } }),
      expect: only(ADMINS, 200),
    },
  ],
  permissions: ['GET /organisation/terms → organisation.read', 'PATCH /organisation/terms → organisation.update'],
};
