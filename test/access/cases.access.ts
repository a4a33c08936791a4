import type { AccessGroup } from '../support/access-table';

/** Rows for the case, consent and lead-time routes. */
export const casesAccess: AccessGroup<Record<string, never>> = {
  name: 'cases',
  setup: async () => ({}),
  rows: [],
  permissions: [],
};
