import type { AccessGroup } from '../support/access-table';

/** Rows for the plan routes. */
export const planAccess: AccessGroup<Record<string, never>> = {
  name: 'plan',
  setup: async () => ({}),
  rows: [],
  permissions: [],
};
