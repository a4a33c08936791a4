import type { AccessGroup } from '../support/access-table';
import { attendanceImportAccess } from './attendance-import.access';
import { caseCollaborationAccess } from './case-collaboration.access';
import { dataProtectionAccess } from './data-protection.access';
import { casesAccess } from './cases.access';
import { followUpAccess } from './follow-up.access';
import { identityAccess } from './identity.access';
import { interventionsAccess } from './interventions.access';
import { notificationsAccess } from './notifications.access';
import { organisationAccess } from './organisation.access';
import { planAccess } from './plan.access';
import { retentionAccess } from './retention.access';
import { signalsAccess } from './signals.access';
import { ss12000Access } from './ss12000.access';
import { studentsAccess } from './students.access';

/** Every group of the access table; a new domain adds its file here. */
export const ACCESS_GROUPS: AccessGroup<never>[] = [
  identityAccess,
  studentsAccess,
  attendanceImportAccess,
  signalsAccess,
  casesAccess,
  caseCollaborationAccess,
  planAccess,
  followUpAccess,
  notificationsAccess,
  organisationAccess,
  interventionsAccess,
  ss12000Access,
  dataProtectionAccess,
  retentionAccess,
] as unknown as AccessGroup<never>[];
