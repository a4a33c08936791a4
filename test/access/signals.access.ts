import type { AccessGroup } from '../support/access-table';

/** Rows for the signals routes. */
export const signalsAccess: AccessGroup<Record<string, never>> = {
  name: 'signals',
  setup: async () => ({}),
  rows: [],
  permissions: [],
};
