import { Foundation1795000000000 } from './1795000000000-foundation';
import { Identity1795000100000 } from './1795000100000-identity';
import { Attendance1795000200000 } from './1795000200000-attendance';
import { Signals1795000400000 } from './1795000400000-signals';
import { Cases1795000500000 } from './1795000500000-cases';
import { LessonIntegrity1795000600000 } from './1795000600000-lesson-integrity';
import { Plan1795000800000 } from './1795000800000-plan';
import { Notifications1795000900000 } from './1795000900000-notifications';
import { MailDelivery1795001000000 } from './1795001000000-mail-delivery';
import { ImportBackend1795001100000 } from './1795001100000-import-backend';
import { UserAdmin1795002000000 } from './1795002000000-user-admin';
import { ConsentValidity1795002100000 } from './1795002100000-consent-validity';
import { AccessLogResponsibleOrganisation1795002300000 } from './1795002300000-access-log-responsible-organisation';
import { SignInThrottle1795002310000 } from './1795002310000-sign-in-throttle';
import { OrganisationTerms1795002400000 } from './1795002400000-organisation-terms';
import { Ss12000Lessons1795002700000 } from './1795002700000-ss12000-lessons';
import { FlagNotes1795002800000 } from './1795002800000-flag-notes';
import { JobSchema1795002900000 } from './1795002900000-job-schema';
import { RuntimeRole1795002950000 } from './1795002950000-runtime-role';
import { StudentChanges1795003000000 } from './1795003000000-student-changes';
import { Ss12000Sync1795003010000 } from './1795003010000-ss12000-sync';
import { PlanActionVersion1795003300000 } from './1795003300000-plan-action-version';
import { SignInFactors1795003400000 } from './1795003400000-sign-in-factors';
import { Interventions1795003500000 } from './1795003500000-interventions';
import { InterventionCourses1795003510000 } from './1795003510000-intervention-courses';
import { Retention1795004000000 } from './1795004000000-retention';
import { StudentErasure1795004100000 } from './1795004100000-student-erasure';
import { RetentionRunCountKey1795004500000 } from './1795004500000-retention-run-count-key';
import { RetentionSignals1795004600000 } from './1795004600000-retention-signals';
import { RetentionMonthLocks1795005000000 } from './1795005000000-retention-month-locks';
import { RetentionInvestigationHolds1795005010000 } from './1795005010000-retention-investigation-holds';
import { WatchlistVersion1795006000000 } from './1795006000000-watchlist-version';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [
  Foundation1795000000000,
  Identity1795000100000,
  Attendance1795000200000,
  Signals1795000400000,
  Cases1795000500000,
  LessonIntegrity1795000600000,
  Plan1795000800000,
  Notifications1795000900000,
  MailDelivery1795001000000,
  ImportBackend1795001100000,
  UserAdmin1795002000000,
  ConsentValidity1795002100000,
  AccessLogResponsibleOrganisation1795002300000,
  SignInThrottle1795002310000,
  OrganisationTerms1795002400000,
  Ss12000Lessons1795002700000,
  FlagNotes1795002800000,
  JobSchema1795002900000,
  RuntimeRole1795002950000,
  StudentChanges1795003000000,
  Ss12000Sync1795003010000,
  PlanActionVersion1795003300000,
  SignInFactors1795003400000,
  Interventions1795003500000,
  InterventionCourses1795003510000,
  Retention1795004000000,
  StudentErasure1795004100000,
  RetentionRunCountKey1795004500000,
  RetentionSignals1795004600000,
  RetentionMonthLocks1795005000000,
  RetentionInvestigationHolds1795005010000,
  WatchlistVersion1795006000000,
];
