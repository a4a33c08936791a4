import { demoId } from '@app/demo';
import { AccessGroup, ADMINS, only } from '../support/access-table';

/**
 * The intervention catalogue (per organisation). The demo catalogue is the municipality's; the
 * region's admin has its own (empty) one and never reaches the municipality's entries.
 */
interface Ctx {
  mst: string;
}

const CATALOGUE_READERS = [
  'rektor@storsjo.demo',
  'elevhalsa@storsjo.demo',
  'elevhalsa@park.demo',
  'soc@ostersund.demo',
  'bup@regionjh.demo',
  'hab@regionjh.demo',
  ...ADMINS,
];

export const interventionsAccess: AccessGroup<Ctx> = {
  name: 'interventions',
  async setup() {
    return { mst: demoId('intervention:mst') };
  },
  rows: [
    {
      route: 'GET /interventions',
      request: () => ({ path: '/interventions' }),
      expect: only(CATALOGUE_READERS, 200),
    },
    {
      // Each admin adds to its own organisation's catalogue (a name per caller: names are unique).
      route: 'POST /interventions',
      request: (_c, caller) => ({
        path: '/interventions',
        body: { name: `Insats för ${caller}`, providerAgencyType: 'other', evidenceBased: false, active: true },
      }),
      expect: only(ADMINS, 201),
    },
    {
      // The municipality's MST: the region's admin gets 404 (not its organisation's).
      route: 'PATCH /interventions/:id',
      request: (c) => ({ path: `/interventions/${c.mst}`, body: { targetGroup: 'Ungdomar 12–17 år' } }),
      expect: only(['admin@ostersund.demo'], 200, 403, { 'admin@regionjh.demo': 404 }),
    },
  ],
  permissions: [
    'GET /interventions → intervention.read',
    'POST /interventions → intervention.manage',
    'PATCH /interventions/:id → intervention.manage',
  ],
};
