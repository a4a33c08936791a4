import type { AccessGroup } from '../support/access-table';

/** Rows for the follow-up routes. */
export const followUpAccess: AccessGroup<Record<string, never>> = {
  name: 'follow-up',
  setup: async () => ({}),
  rows: [],
  permissions: [],
};
