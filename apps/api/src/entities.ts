import type { EntityList } from '@app/database';
import { AccessLog } from '@app/access';
import {
  AttendanceDay,
  AttendanceImport,
  AttendanceLesson,
  Ss12000CalendarEvent,
  Ss12000Lesson,
} from '@app/attendance';
import {
  CaseEvent,
  CaseFollowUp,
  CaseMeeting,
  CasePlan,
  Consent,
  MappingContribution,
  Mobilisation,
  PlanAction,
  PlanActionNote,
  PlanAgreement,
  PlanGoal,
  PlanReview,
  PlanVersion,
  SupportCase,
} from '@app/cases';
import { RetentionClass, RetentionRule, RetentionRun, RetentionRunCount } from '@app/dataprotection';
import { SeedRun } from '@app/demo';
import {
  Agency,
  AppUser,
  MfaChallenge,
  MfaRecoveryCode,
  OidcSignIn,
  Organisation,
  RefreshToken,
  SignInThrottleWindow,
  UserSetupCode,
  UserTotp,
} from '@app/identity';
import { Intervention, InterventionCourse, InterventionFollowUp } from '@app/interventions';
import { MailOutbox, Notification } from '@app/notifications';
import {
  AbsenceFlag,
  AbsenceFlagNote,
  AbsenceInvestigation,
  AbsenceRule,
  GuardianNotice,
  WatchlistPending,
  WatchlistVersion,
} from '@app/signals';
import { Ss12000Source, Ss12000SourceSchool, Ss12000SyncRun, Ss12000SyncState } from '@app/ss12000';
import { Guardian, Student, StudentChange } from '@app/students';

/** Every table's entity, by the library that owns it: the DataSource's `entities` (never synchronized: see test/schema-agreement.e2e-spec.ts). */
export const ENTITIES: EntityList = [
  // @app/identity
  Agency,
  AppUser,
  MfaChallenge,
  MfaRecoveryCode,
  OidcSignIn,
  Organisation,
  RefreshToken,
  SignInThrottleWindow,
  UserSetupCode,
  UserTotp,
  // @app/access
  AccessLog,
  // @app/students
  Guardian,
  Student,
  StudentChange,
  // @app/attendance
  AttendanceDay,
  AttendanceImport,
  AttendanceLesson,
  Ss12000CalendarEvent,
  Ss12000Lesson,
  // @app/signals
  AbsenceFlag,
  AbsenceFlagNote,
  AbsenceInvestigation,
  AbsenceRule,
  GuardianNotice,
  WatchlistPending,
  WatchlistVersion,
  // @app/cases
  CaseEvent,
  CaseFollowUp,
  CaseMeeting,
  CasePlan,
  Consent,
  MappingContribution,
  Mobilisation,
  PlanAction,
  PlanActionNote,
  PlanAgreement,
  PlanGoal,
  PlanReview,
  PlanVersion,
  SupportCase,
  // @app/notifications
  MailOutbox,
  Notification,
  // @app/ss12000
  Ss12000Source,
  Ss12000SourceSchool,
  Ss12000SyncRun,
  Ss12000SyncState,
  // @app/interventions
  Intervention,
  InterventionCourse,
  InterventionFollowUp,
  // @app/dataprotection
  RetentionClass,
  RetentionRule,
  RetentionRun,
  RetentionRunCount,
  // @app/demo
  SeedRun,
];
