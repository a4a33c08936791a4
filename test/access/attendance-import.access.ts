import type { AccessGroup } from '../support/access-table';

/** Rows for the attendance imports routes. */
export const attendanceImportAccess: AccessGroup<Record<string, never>> = {
  name: 'attendance imports',
  setup: async () => ({}),
  rows: [],
  permissions: [],
};
